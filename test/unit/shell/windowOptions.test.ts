import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WINDOW_BACKGROUND, windowOptions } from '../../../electron/main/shell/windowOptions';

const base = { preloadPath: '/app/dist/electron/preload.cjs', platform: 'win32', dark: false } as const;
const ICON = '/opt/Vexa Companion/resources/app.asar/dist/electron/icon.png';

describe('main window options', () => {
  it('pins every security-relevant web preference', () => {
    expect(windowOptions(base).webPreferences).toEqual({
      preload: '/app/dist/electron/preload.cjs',
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
      spellcheck: false,
    });
  });

  it('stays hidden until the renderer is ready, with a usable minimum size and the product title', () => {
    const options = windowOptions(base);
    expect(options.show).toBe(false);
    expect(options.title).toBe('Vexa Companion');
    expect(options.minWidth).toBeGreaterThanOrEqual(640);
    expect(options.minHeight).toBeGreaterThanOrEqual(480);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0);
  });

  it('paints the background of the current theme so opening never flashes', () => {
    expect(windowOptions({ ...base, dark: true }).backgroundColor).toBe(WINDOW_BACKGROUND.dark);
    expect(windowOptions({ ...base, dark: false }).backgroundColor).toBe(WINDOW_BACKGROUND.light);
  });

  it('keeps the macOS menu bar and hides the in-window menu bar elsewhere', () => {
    expect(windowOptions({ ...base, platform: 'darwin' }).autoHideMenuBar).toBe(false);
    expect(windowOptions({ ...base, platform: 'win32' }).autoHideMenuBar).toBe(true);
    expect(windowOptions({ ...base, platform: 'linux' }).autoHideMenuBar).toBe(true);
  });

  // BaseWindowConstructorOptions `icon`: a Linux window has none unless given one; Windows and macOS
  // take the executable's or the bundle's icon, which a PNG here would override.
  it('gives the window the app icon on Linux only, and none when the file is missing', () => {
    expect(windowOptions({ ...base, platform: 'linux', icon: ICON }).icon).toBe(ICON);
    expect(windowOptions({ ...base, platform: 'linux', icon: null })).not.toHaveProperty('icon');
    expect(windowOptions({ ...base, platform: 'win32', icon: ICON })).not.toHaveProperty('icon');
    expect(windowOptions({ ...base, platform: 'darwin', icon: ICON })).not.toHaveProperty('icon');
  });
});

describe('window background and the renderer theme', () => {
  it('matches the page background the renderer paints in both themes', () => {
    const tokens = readFileSync(join(import.meta.dirname, '..', '..', '..', 'renderer', 'app', 'theme', 'tokens.css'), 'utf8');
    const match = /--color-bg:\s*light-dark\(\s*(#[0-9a-f]{3,8})\s*,\s*(#[0-9a-f]{3,8})\s*\)/i.exec(tokens);
    expect(match?.slice(1).map((c) => c.toLowerCase())).toEqual([WINDOW_BACKGROUND.light, WINDOW_BACKGROUND.dark]);
  });
});
