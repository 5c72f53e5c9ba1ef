import { homedir } from 'node:os';
import { join } from 'node:path';
import type { AppPaths } from '../core/ports';

export const APP_NAME = 'Vexa Companion';

/**
 * Where the browser-served app keeps its data: beside the desktop app's folder, not in it,
 * so the two never share a settings file or a key file they cannot both read.
 */
export function harnessAppPaths(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): AppPaths {
  const home = homedir();
  const base =
    platform === 'darwin'
      ? join(home, 'Library', 'Application Support')
      : platform === 'win32'
        ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'));
  const data = join(base, `${APP_NAME} (web)`);
  return { data, logs: join(data, 'logs') };
}
