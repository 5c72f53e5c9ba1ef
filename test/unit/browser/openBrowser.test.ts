import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { openInBrowser, shouldOpenBrowser, type WatchedSpawn } from '../../../electron/harness/openBrowser';

describe('npm run web opens the browser, as the README says', () => {
  const desktop = { DISPLAY: ':0' };
  it('opens by default on a desktop, on Windows and on macOS', () => {
    expect(shouldOpenBrowser({ open: undefined, env: desktop, platform: 'linux' }).open).toBe(true);
    expect(shouldOpenBrowser({ open: undefined, env: { WAYLAND_DISPLAY: 'wayland-0' }, platform: 'linux' }).open).toBe(true);
    expect(shouldOpenBrowser({ open: undefined, env: {}, platform: 'win32' }).open).toBe(true);
    expect(shouldOpenBrowser({ open: undefined, env: {}, platform: 'darwin' }).open).toBe(true);
  });

  it('only prints the address when told (--no-open), under CI, or with no display, and says why', () => {
    expect(shouldOpenBrowser({ open: false, env: desktop, platform: 'linux' })).toEqual({ open: false });
    expect(shouldOpenBrowser({ open: undefined, env: { ...desktop, CI: 'true' }, platform: 'linux' })).toEqual({
      open: false,
      why: 'CI is set',
    });
    expect(shouldOpenBrowser({ open: undefined, env: {}, platform: 'linux' }).why).toMatch(/no display/);
    // --open wins over both.
    expect(shouldOpenBrowser({ open: true, env: { CI: '1' }, platform: 'linux' }).open).toBe(true);
    expect(shouldOpenBrowser({ open: undefined, env: { ...desktop, CI: 'false' }, platform: 'linux' }).open).toBe(true);
  });

  it('says so when the opener is missing or fails, and stays quiet when it works', () => {
    const run = (outcome: 'error' | 1 | 0) => {
      let told = 0;
      const started: string[][] = [];
      const spawn: WatchedSpawn = (command, args) => {
        started.push([command, ...args]);
        const child = Object.assign(new EventEmitter(), { unref: () => undefined });
        queueMicrotask(() => (outcome === 'error' ? child.emit('error', new Error('ENOENT')) : child.emit('exit', outcome)));
        return child;
      };
      openInBrowser('http://127.0.0.1:5000/#token=abc', () => told++, spawn);
      return new Promise<{ told: number; started: string[][] }>((resolve) => setTimeout(() => resolve({ told, started }), 0));
    };
    return Promise.all([run('error'), run(1), run(0)]).then(([missing, failing, working]) => {
      expect(missing.told).toBe(1);
      expect(failing.told).toBe(1);
      expect(working.told).toBe(0);
      expect(working.started[0]?.at(-1)).toBe('http://127.0.0.1:5000/#token=abc');
    });
  });
});
