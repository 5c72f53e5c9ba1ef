import { posix, win32 } from 'node:path';

/** The folder name of development runs, beside the installed app's "Vexa Companion". */
export const DEV_PROFILE_NAME = 'Vexa Companion Dev';

export interface ProfileInput {
  /** `app.isPackaged`: false when Electron runs the source tree (`npm start`, the Electron e2e suite). */
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** `app.getPath('appData')`: %APPDATA%, ~/Library/Application Support, $XDG_CONFIG_HOME or ~/.config. */
  appData: string;
  /** `app.getPath('home')`, for macOS's ~/Library/Logs. */
  home: string;
  env: NodeJS.ProcessEnv;
  /** Resolves a relative VEXA_COMPANION_DATA_DIR. */
  cwd: string;
}

export interface ProfilePaths {
  userData: string;
  logs: string;
}

/**
 * Where this run keeps its data and logs, or null for Electron's defaults (an installed app:
 * "Vexa Companion" under appData, logs in ~/Library/Logs/Vexa Companion on macOS and in
 * userData/logs elsewhere).
 *
 * A development run gets its own folder so it never opens, migrates or locks an installed app's
 * cache, keys or settings. Electron scopes the single-instance lock to the userData folder
 * (electron.d.ts, `requestSingleInstanceLock`: "set a different user data directory for each
 * instance using app.setPath('userData', newPath) before calling requestSingleInstanceLock()"),
 * so the same change lets a development run and the installed app run side by side.
 * macOS keeps logs outside userData (`setAppLogsPath()` without a path: "~/Library/Logs/YourAppName
 * on macOS, and inside the userData directory on Linux and Windows"), so the logs move too.
 * VEXA_COMPANION_DATA_DIR (end-to-end tests, side-by-side profiles) wins over both.
 */
export function profilePaths(input: ProfileInput): ProfilePaths | null {
  const path = input.platform === 'win32' ? win32 : posix;
  const override = input.env.VEXA_COMPANION_DATA_DIR;
  if (override) {
    const userData = path.resolve(input.cwd, override);
    return { userData, logs: path.join(userData, 'logs') };
  }
  if (input.isPackaged) return null;
  const userData = path.join(input.appData, DEV_PROFILE_NAME);
  const logs = input.platform === 'darwin' ? path.join(input.home, 'Library', 'Logs', DEV_PROFILE_NAME) : path.join(userData, 'logs');
  return { userData, logs };
}
