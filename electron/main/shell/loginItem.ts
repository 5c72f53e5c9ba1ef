import type { App } from 'electron';
import type { LoginItemReading, LoginItems } from '../../core/desktop/ports';
import { HIDDEN_ARG } from './startHidden';
import { autostartDir, xdgAutostart, type AutostartFiles } from './xdgAutostart';

/** The members of Electron's `app` used here (Electron 45 electron.d.ts). */
export type LoginItemApp = Pick<App, 'isPackaged' | 'getLoginItemSettings' | 'setLoginItemSettings'>;

export interface LoginItemDeps {
  app: LoginItemApp;
  platform: NodeJS.Platform;
  /** `process.execPath`. */
  execPath: string;
  env: Record<string, string | undefined>;
  home: string;
  /** The autostart folder's files (Linux); node:fs unless a test passes its own. */
  files?: AutostartFiles;
}

export const DEV_BUILD_REASON = 'This is a development build; only the installed app can start at login.';

/**
 * The executable the OS should start: on Linux an AppImage runs from a mount that changes every
 * run, so its own file (`$APPIMAGE`, set by the AppImage runtime) is what autostart must run; a
 * Windows portable build unpacks to a temporary folder and names its own file in
 * `PORTABLE_EXECUTABLE_FILE` (electron-builder). Null where a fixed path cannot be had.
 */
export function launchPath(platform: NodeJS.Platform, execPath: string, env: Record<string, string | undefined>): string | null {
  if (platform === 'linux') return env.APPIMAGE || execPath;
  if (platform === 'win32') return env.PORTABLE_EXECUTABLE_FILE || execPath;
  return execPath;
}

/**
 * macOS 13+ (SMAppService, electron/electron#37244): `status` says what the system does —
 * `enabled`, `requires-approval` (the person must allow it in System Settings › General › Login
 * Items), `not-registered` or `not-found`. Older systems have no status, only `openAtLogin`.
 */
export function macReading(settings: Pick<Electron.LoginItemSettings, 'openAtLogin' | 'status'>): LoginItemReading {
  switch (settings.status) {
    case 'enabled':
      return { status: 'on', reason: null };
    case 'requires-approval':
      return {
        status: 'needs-approval',
        reason: 'macOS needs your approval: open System Settings › General › Login Items and allow Vexa Companion.',
      };
    case 'not-registered':
    case 'not-found':
      return { status: 'off', reason: null };
    default:
      return { status: settings.openAtLogin ? 'on' : 'off', reason: null };
  }
}

/**
 * Windows: the Run entry is matched by path and arguments, so both are passed to the read too
 * ("If you provided path and args options to app.setLoginItemSettings, then you need to pass the
 * same arguments here for openAtLogin to be set correctly", Electron app docs; the display bug
 * fixed in deltachat/deltachat-desktop#6127). `executableWillLaunchAtLogin` is false when the entry
 * is there but switched off in Task Manager › Startup apps.
 */
export function windowsReading(
  settings: Pick<Electron.LoginItemSettings, 'openAtLogin' | 'executableWillLaunchAtLogin'>,
): LoginItemReading {
  if (!settings.openAtLogin) return { status: 'off', reason: null };
  if (!settings.executableWillLaunchAtLogin)
    return {
      status: 'disabled-by-user',
      reason:
        'Starting at login is switched off in Windows: open Task Manager › Startup apps (or Settings › Apps › Startup) and enable Vexa Companion.',
    };
  return { status: 'on', reason: null };
}

/** The LoginItems port: Electron's login items on macOS and Windows, an XDG autostart entry on Linux. */
export function createElectronLoginItems(d: LoginItemDeps): LoginItems {
  const unavailable = (reason: string): LoginItems => ({
    read: async () => ({ status: 'unavailable', reason }),
    set: async () => {
      throw new Error(reason);
    },
  });
  // A development run is Electron's own binary with the project folder: registering it would start
  // a bare Electron at every login.
  if (!d.app.isPackaged) return unavailable(DEV_BUILD_REASON);
  const path = launchPath(d.platform, d.execPath, d.env);
  if (d.platform === 'darwin') {
    return {
      read: async () => macReading(d.app.getLoginItemSettings()),
      // The default type, `mainAppService`: the app itself, listed in Login Items under its name.
      set: async (enabled) => d.app.setLoginItemSettings({ openAtLogin: enabled }),
    };
  }
  if (d.platform === 'win32' && path) {
    const args = [HIDDEN_ARG];
    return {
      read: async () => windowsReading(d.app.getLoginItemSettings({ path, args })),
      // `enabled` (default true) also switches the entry back on in Task Manager: the person just asked for it.
      set: async (enabled) => d.app.setLoginItemSettings({ openAtLogin: enabled, path, args }),
    };
  }
  if (d.platform === 'linux' && path) {
    // Snap and Flatpak confine the app: a file it writes in ~/.config/autostart is not the user's
    // (Flatpak asks the Background portal instead), so there it says it cannot.
    if (d.env.SNAP || d.env.FLATPAK_ID) return unavailable('This package of the app cannot add itself to the apps that start at login.');
    const entry = xdgAutostart({ dir: autostartDir(d.env, d.home), executable: path, ...(d.files ? { files: d.files } : {}) });
    return { read: () => entry.read(), set: (enabled) => entry.set(enabled) };
  }
  return unavailable('Starting at login is not supported on this system.');
}
