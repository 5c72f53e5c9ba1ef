import type { ShortcutAction } from '../../../shared/ipc/shortcutSettings';
import { api } from '../../platform/api';
import { useShortcutsStore } from './store';

/** Global shortcut intents of the Settings card. Each returns null on success, else a sentence for the person. */

export async function loadShortcuts(): Promise<string | null> {
  const result = await api.invoke('shortcuts:get');
  if (!result.ok) return result.message;
  useShortcutsStore.getState().setView(result.value);
  return null;
}

/** Sets the keys of one shortcut (null turns it off); refused keys come back with the reason. */
export async function setShortcut(action: ShortcutAction, accelerator: string | null): Promise<string | null> {
  const result = await api.invoke('shortcuts:set', { action, accelerator });
  if (!result.ok) return result.message;
  useShortcutsStore.getState().setView(result.value);
  return null;
}

/** While the field records, the shortcuts are paused so pressing the current keys reaches the field. */
export function setRecording(active: boolean): void {
  void api.invoke('shortcuts:recording', { active });
}
