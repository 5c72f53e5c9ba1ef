import { create } from 'zustand';
import type { Theme } from '../../../shared/ipc/models';

interface SettingsStore {
  theme: Theme;
  setTheme(theme: Theme): void;
}

export const useSettingsStore = create<SettingsStore>()((set) => ({
  theme: 'system',
  setTheme: (theme) => set({ theme }),
}));
