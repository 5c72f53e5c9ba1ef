import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const projectRoot = join(import.meta.dirname, '..', '..');

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

/** Launch arguments: Chromium refuses to run as root with its sandbox (containers, CI). */
export function electronArgs(): string[] {
  const args = [projectRoot];
  if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}
