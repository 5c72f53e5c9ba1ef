import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const projectRoot = join(import.meta.dirname, '..', '..');

/**
 * Set to "1" by the CI workflow, never by `.ci/run`: there the Electron binary was downloaded on
 * purpose, so a missing one is a failure instead of a skip.
 */
export const REQUIRE_ELECTRON_ENV = 'REQUIRE_ELECTRON_E2E';
export const electronRequired = (env: NodeJS.ProcessEnv = process.env): boolean => env[REQUIRE_ELECTRON_ENV] === '1';

/**
 * The Electron executable, or null. Asked of scripts/start.mjs, which looks at
 * node_modules/electron/path.txt and ELECTRON_OVERRIDE_DIST_PATH; requiring the `electron`
 * package instead would start a download that fails (and throws) without internet.
 */
export function locateElectron(): string | null {
  try {
    const out = execFileSync(process.execPath, [join(projectRoot, 'scripts', 'start.mjs'), '--which-electron'], { encoding: 'utf8' });
    return out.trim() || null;
  } catch {
    return null;
  }
}

export const MISSING_ELECTRON_REASON =
  'ELECTRON BINARY NOT FOUND: the Electron end-to-end suite did NOT run on this machine. ' +
  'The binary is downloaded from GitHub on first use, which is impossible offline. ' +
  'Run `npx install-electron` where the internet is reachable, or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45.';

/**
 * Launch arguments: the app folder, then switches that make the OS keychain behave the same on
 * every run.
 * - Linux: Electron picks the keyring from the desktop environment and falls back to `basic_text`
 *   (no encryption) when it does not recognise one, as under Xvfb (electron.d.ts,
 *   `getSelectedStorageBackend`: "`basic_text` - When the desktop environment is not recognised";
 *   `gnome_libsecret` "if the following command line flag is provided
 *   `--password-store="gnome-libsecret"`"). The suite names the Secret Service, which CI runs
 *   unlocked (gnome-keyring in a D-Bus session); a test passing its own `--password-store` wins.
 * - macOS: a login-keychain prompt nobody answers would hang the run; Chromium's
 *   `--use-mock-keychain` keeps safeStorage working on a fixed test key, as Electron's own test
 *   suite does for the same reason (electron/electron#53790).
 * Playwright adds `--no-sandbox` on Linux by itself; a process started by hand needs it too.
 */
export function electronArgs(extra: string[] = [], { spawnedByHand = false } = {}): string[] {
  const args = [projectRoot, ...extra];
  if (process.platform === 'linux' && !extra.some((a) => a.startsWith('--password-store'))) args.push('--password-store=gnome-libsecret');
  if (process.platform === 'darwin') args.push('--use-mock-keychain');
  if (process.platform === 'linux' && spawnedByHand) args.push('--no-sandbox');
  return args;
}
