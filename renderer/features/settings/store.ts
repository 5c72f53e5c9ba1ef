import { create } from 'zustand';
import type { AiToolId, LaunchDefaults, Settings, Theme } from '../../../shared/ipc/models';
import { DEFAULT_WATCH_WORD_SETTINGS, type WatchWordSettings } from '../../../shared/watchWords/defaults';

export const FALLBACK_LAUNCH_DEFAULTS: LaunchDefaults = { botName: 'Vexa Companion', language: 'auto', task: 'transcribe' };

interface SettingsStore {
  theme: Theme;
  launch: LaunchDefaults;
  doNotDisturb: boolean;
  /** Desktop app: closing the window keeps the app in the tray. */
  closeToTray: boolean;
  /** Prompt templates for "Open in …", as the core keeps them (empty until the first state). */
  aiPrompts: Partial<Record<AiToolId, string>>;
  watchWords: WatchWordSettings;
  setTheme(theme: Theme): void;
  setSettings(settings: Partial<Settings>): void;
}

export const useSettingsStore = create<SettingsStore>()((set) => ({
  theme: 'system',
  launch: FALLBACK_LAUNCH_DEFAULTS,
  doNotDisturb: false,
  closeToTray: true,
  aiPrompts: {},
  watchWords: DEFAULT_WATCH_WORD_SETTINGS,
  setTheme: (theme) => set({ theme }),
  setSettings: (settings) => set(settings),
}));
