import type { AiToolId, LaunchDefaults, Theme } from '../../../shared/ipc/models';
import { api } from '../../platform/api';
import { useSettingsStore } from './store';

/** Applies the theme at once and rolls back if the core refuses to save it. */
export async function changeTheme(theme: Theme): Promise<string | null> {
  const { theme: previous, setTheme } = useSettingsStore.getState();
  setTheme(theme);
  const result = await api.invoke('settings:update', { theme });
  if (result.ok) {
    setTheme(result.value.theme);
    return null;
  }
  setTheme(previous);
  return result.message;
}

export type SwitchSettingName = 'doNotDisturb' | 'closeToTray';

/** The switch moves at once; a refusal from the core puts it back and says why. */
export async function changeSwitch(setting: SwitchSettingName, value: boolean): Promise<string | null> {
  const { [setting]: previous, setSettings } = useSettingsStore.getState();
  setSettings({ [setting]: value });
  const result = await api.invoke('settings:update', { [setting]: value });
  if (result.ok) {
    setSettings({ [setting]: result.value[setting] });
    return null;
  }
  setSettings({ [setting]: previous });
  return result.message;
}

export async function saveLaunchDefaults(launch: LaunchDefaults): Promise<string | null> {
  const result = await api.invoke('settings:update', { launch });
  if (!result.ok) return result.message;
  useSettingsStore.getState().setSettings({ launch: result.value.launch });
  return null;
}

export async function saveAiPrompts(aiPrompts: Record<AiToolId, string>): Promise<string | null> {
  const result = await api.invoke('settings:update', { aiPrompts });
  if (!result.ok) return result.message;
  useSettingsStore.getState().setSettings({ aiPrompts: result.value.aiPrompts });
  return null;
}

export const openFolder = (which: 'data' | 'logs') => api.invoke('shell:openFolder', { which });
