import { create } from 'zustand';
import type { LaunchDefaults, Settings, Theme } from '../../../shared/ipc/models';

export const FALLBACK_LAUNCH_DEFAULTS: LaunchDefaults = { botName: 'Vexa Companion', language: 'auto', task: 'transcribe' };

interface SettingsStore {
  theme: Theme;
  launch: LaunchDefaults;
  doNotDisturb: boolean;
  setTheme(theme: Theme): void;
  setSettings(settings: Partial<Settings>): void;
}

export const useSettingsStore = create<SettingsStore>()((set) => ({
  theme: 'system',
  launch: FALLBACK_LAUNCH_DEFAULTS,
  doNotDisturb: false,
  setTheme: (theme) => set({ theme }),
  setSettings: (settings) => set(settings),
}));
