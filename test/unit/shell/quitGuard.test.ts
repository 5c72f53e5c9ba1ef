import { describe, expect, it } from 'vitest';
import { createQuitController, type QuitController } from '../../../electron/main/quitGuard';

/**
 * The quit paths with Electron's events faked as documented:
 * - `app.quit()` emits `before-quit` first; unless it is prevented, the windows close and the
 *   app ends (electron.d.ts, `quit()`); Cmd+Q, the app menu, the tray's Quit and SIGTERM on Linux
 *   all go through it.
 * - macOS logout/restart/shutdown and Linux shutdown: powerMonitor `shutdown` first, then the OS
 *   asks the app to quit (macOS `terminate:` → `app.quit()`; Linux SIGTERM → `app.quit()`). A
 *   prevented `before-quit` at that point makes macOS abort the logout.
 * - Windows logoff/shutdown: `query-session-end`, then `session-end`, and the process is ended
 *   without any `before-quit` (electron.d.ts, `before-quit`).
 */
function rig(close: () => Promise<void> = async () => {}, closeNow: () => void = () => {}) {
  const log: string[] = [];
  const timers: Array<() => void> = [];
  let ended = false;
  const quitEvent = () => ({
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  });
  const app = {
    quit() {
      if (ended) return;
      const event = quitEvent();
      controller.beforeQuit(event);
      log.push(event.prevented ? 'before-quit held' : 'before-quit passed');
      if (!event.prevented) ended = true;
    },
  };
  const controller: QuitController = createQuitController({
    close: () => {
      log.push('close');
      return close();
    },
    closeNow: () => {
      log.push('closeNow');
      closeNow();
    },
    quit: () => app.quit(),
    setTimer: (fn) => void timers.push(fn),
    onError: (e) => log.push(`error: ${String(e)}`),
  });
  return {
    controller,
    app,
    log,
    ended: () => ended,
    fireTimeout: () => timers.splice(0).forEach((t) => t()),
    // The OS's own quit request after a logout or shutdown notice (macOS `terminate:`, SIGTERM).
    osAsksToQuit: () => app.quit(),
  };
}

const tick = () => new Promise((r) => setImmediate(r));

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('quitting: what the user asks for', () => {
  it('Cmd+Q, the app menu or the tray’s Quit: held until the core has closed, then the app ends', async () => {
    const closing = deferred();
    const r = rig(() => closing.promise);
    r.app.quit();
    expect(r.log).toEqual(['close', 'before-quit held']);
    expect(r.controller.quitting).toBe(true);
    expect(r.ended()).toBe(false);
    closing.resolve();
    await tick();
    expect(r.log).toEqual(['close', 'before-quit held', 'before-quit passed']);
    expect(r.ended()).toBe(true);
  });

  it('a second quit while closing is absorbed, and the core closes once', async () => {
    const closing = deferred();
    const r = rig(() => closing.promise);
    r.app.quit();
    r.app.quit();
    expect(r.log).toEqual(['close', 'before-quit held', 'before-quit held']);
    closing.resolve();
    await tick();
    expect(r.log.filter((l) => l === 'close')).toHaveLength(1);
    expect(r.ended()).toBe(true);
  });

  it('a close that hangs does not keep the app from quitting after the timeout', () => {
    const r = rig(() => new Promise<void>(() => {}));
    r.app.quit();
    expect(r.ended()).toBe(false);
    r.fireTimeout();
    expect(r.ended()).toBe(true);
    expect(r.log).toEqual(['close', 'before-quit held', 'before-quit passed']);
  });

  it('a close that fails is reported and the app still quits', async () => {
    const r = rig(async () => {
      throw new Error('disk full');
    });
    r.app.quit();
    await tick();
    expect(r.log).toEqual(['close', 'before-quit held', 'error: Error: disk full', 'before-quit passed']);
    expect(r.ended()).toBe(true);
  });

  it('windows may close (not hide in the tray) only once a quit has begun', () => {
    const r = rig(() => new Promise<void>(() => {}));
    expect(r.controller.quitting).toBe(false);
    r.app.quit();
    expect(r.controller.quitting).toBe(true);
  });
});

describe('quitting: the OS ends the session', () => {
  it('macOS logout, restart or shutdown: the core closes at the notice and the OS’s quit is never held', () => {
    const r = rig(() => new Promise<void>(() => {}));
    r.controller.systemShutdown();
    // Closed synchronously, inside the handler, before the OS goes on.
    expect(r.log[0]).toBe('closeNow');
    r.osAsksToQuit();
    expect(r.log).not.toContain('before-quit held');
    expect(r.log).not.toContain('close');
    expect(r.ended()).toBe(true);
  });

  it('Linux shutdown: the same, whether SIGTERM arrives or not (the app quits itself after closing)', () => {
    const r = rig();
    r.controller.systemShutdown();
    expect(r.log).toEqual(['closeNow', 'before-quit passed']);
    expect(r.ended()).toBe(true);
    r.osAsksToQuit();
    expect(r.log.filter((l) => l === 'closeNow')).toHaveLength(1);
  });

  it('Linux logout (SIGTERM without a shutdown notice) takes the user’s path and ends', async () => {
    const r = rig();
    r.osAsksToQuit();
    await tick();
    expect(r.log).toEqual(['close', 'before-quit held', 'before-quit passed']);
    expect(r.ended()).toBe(true);
  });

  it('Windows logoff: nothing objects to the question, and the core closes at session-end without any before-quit', () => {
    const r = rig(() => new Promise<void>(() => {}));
    r.controller.querySessionEnd(['logoff']);
    // The logoff can still be cancelled by another app: the core stays open until it really ends.
    expect(r.log).toEqual([]);
    expect(r.controller.quitting).toBe(false);
    r.controller.sessionEnd(['logoff']);
    expect(r.log[0]).toBe('closeNow');
    expect(r.log).not.toContain('before-quit held');
    expect(r.ended()).toBe(true);
  });

  it('Windows shutdown while a quit the user asked for is still closing: the rest is done at once', async () => {
    const closing = deferred();
    const r = rig(() => closing.promise);
    r.app.quit();
    r.controller.sessionEnd(['shutdown']);
    expect(r.log).toEqual(['close', 'before-quit held', 'closeNow', 'before-quit passed']);
    closing.resolve();
    await tick();
    expect(r.log.filter((l) => l.startsWith('before-quit'))).toHaveLength(2);
  });

  it('a failure while closing for the OS is reported and the app still ends', () => {
    const r = rig(undefined, () => {
      throw new Error('disk I/O error');
    });
    r.controller.systemShutdown();
    expect(r.log).toEqual(['closeNow', 'error: Error: disk I/O error', 'before-quit passed']);
    expect(r.ended()).toBe(true);
  });
});
