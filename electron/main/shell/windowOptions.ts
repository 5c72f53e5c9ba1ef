import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = 'Vexa Companion';

/** The renderer's page background (`--color-bg` in renderer/app/theme/tokens.css), so opening never flashes. */
export const WINDOW_BACKGROUND = { light: '#f7f7f5', dark: '#121214' } as const;

export interface WindowOptionsInput {
  preloadPath: string;
  isMac: boolean;
  /** Whether the OS (or the user's theme setting) currently asks for dark colours. */
  dark: boolean;
}

/**
 * The main window's options. Every security-relevant preference is spelled out rather than
 * left to Electron's defaults, so a unit test can pin them and a reviewer can see them.
 */
export function windowOptions({ preloadPath, isMac, dark }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1120,
    height: 780,
    minWidth: 720,
    minHeight: 520,
    // Shown on ready-to-show: no blank frame while the bundle loads.
    show: false,
    backgroundColor: dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    autoHideMenuBar: !isMac,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // The inputs hold meeting links, API keys and search terms, where suggestions only get in
      // the way; on Windows and Linux Chromium would also fetch Hunspell dictionaries from a CDN.
      spellcheck: false,
    },
  };
}
