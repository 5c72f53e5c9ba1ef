import { spawn as nodeSpawn, type SpawnOptions } from 'node:child_process';
import { openWithSystem, type SpawnLike } from './systemOpener';

/** How the opener is started: a child process that reports a failure to start and its exit. */
export type WatchedSpawn = (
  command: string,
  args: string[],
  options: SpawnOptions,
) => {
  on(event: 'error', l: (e: Error) => void): unknown;
  on(event: 'exit', l: (code: number | null) => void): unknown;
  unref(): void;
};

/**
 * `npm run web` (and `npm start` where it falls back to the browser version) opens the app in the
 * default browser, as the README promises, unless told not to (`--no-open`), run by a CI service
 * (`CI` set, as GitHub Actions and most others do), or on a Linux session with no display to show
 * a browser on (an SSH login, a container): there it only prints the address.
 */
export function shouldOpenBrowser(o: { open: boolean | undefined; env: NodeJS.ProcessEnv; platform: NodeJS.Platform }): {
  open: boolean;
  why?: string;
} {
  if (o.open === false) return { open: false };
  if (o.open === true) return { open: true };
  const ci = o.env.CI;
  if (ci && ci !== 'false' && ci !== '0') return { open: false, why: 'CI is set' };
  const desktop = o.platform === 'win32' || o.platform === 'darwin' || Boolean(o.env.DISPLAY || o.env.WAYLAND_DISPLAY);
  if (!desktop) return { open: false, why: 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)' };
  return { open: true };
}

/**
 * Hands the address to the OS opener; `onFailed` runs when there is none (no xdg-open) or it
 * reports a failure (no browser configured), so the person is told to open the address themselves.
 */
export function openInBrowser(url: string, onFailed: () => void, spawn: WatchedSpawn = nodeSpawn): boolean {
  let failed = false;
  const fail = (): void => {
    if (failed) return;
    failed = true;
    onFailed();
  };
  const watched: SpawnLike = (command, args, options) => {
    const child = spawn(command, args, options);
    child.on('error', fail);
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) fail();
    });
    return child;
  };
  const started = openWithSystem({ kind: 'url', url }, { spawn: watched });
  if (!started) fail();
  return started;
}
