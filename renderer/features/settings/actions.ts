import type { Theme } from '../../../shared/ipc/models';
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

export const openFolder = (which: 'data' | 'logs') => api.invoke('shell:openFolder', { which });
