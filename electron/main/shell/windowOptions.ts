import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = 'Vexa Companion';

/** The renderer's page background (`--color-bg` in renderer/app/theme/tokens.css), so opening never flashes. */
export const WINDOW_BACKGROUND = { light: '#f7f7f5', dark: '#121214' } as const;

export interface WindowOptionsInput {
  preloadPath: string;
  platform: NodeJS.Platform;
  /** Whether the OS (or the user's theme setting) currently asks for dark colours. */
  dark: boolean;
  /**
   * The app's PNG icon when it exists. Only Linux takes it: there a window has no icon unless it is
   * given one, while Windows uses the executable's icon and macOS the bundle's (Electron's
   * BaseWindowConstructorOptions `icon`).
   */
  icon?: string | null;
}

/** The window icon option: Linux only, and only when the caller found the file (else no icon, nothing breaks). */
export function windowIcon(platform: NodeJS.Platform, icon: string | null | undefined): { icon?: string } {
  return platform === 'linux' && icon ? { icon } : {};
}

/**
 * The main window's options. Every security-relevant preference is spelled out rather than
 * left to Electron's defaults, so a unit test can pin them and a reviewer can see them.
 */
export function windowOptions({ preloadPath, platform, dark, icon }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1120,
    height: 780,
    minWidth: 720,
    minHeight: 520,
    // Shown on ready-to-show: no blank frame while the bundle loads.
    show: false,
    backgroundColor: dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    // Windows and Linux keep the app's menu one Alt press away; macOS shows it in the menu bar.
    autoHideMenuBar: platform !== 'darwin',
    ...windowIcon(platform, icon),
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
