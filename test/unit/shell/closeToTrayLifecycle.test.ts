import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { closeToTrayExplanation, QUIT_INSTEAD_BUTTON, windowCloseAction } from '../../../electron/main/closeToTray';
import { installLifecycle, type AppLike, type LifecycleDeps, type MainWindowLike } from '../../../electron/main/lifecycle';

type MessageBoxOptions = Parameters<LifecycleDeps['showMessageBox']>[0];

/**
 * Closing the window on each OS, with Electron's objects faked as EventEmitters. `app.quit()`
 * behaves as documented: `before-quit` first; unless prevented, every window gets `close`, and
 * if none prevents it, `window-all-closed` is not emitted but the app ends (electron.d.ts,
 * `quit()` and `window-all-closed`). Closing the last window yourself emits `window-all-closed`.
 */
class FakeWindow extends EventEmitter {
  visible = true;
  destroyed = false;
  hide() {
    this.visible = false;
  }
  /** The user clicks the close button; returns whether the window really closed. */
  userCloses(): boolean {
    const event = preventable();
    this.emit('close', event);
    if (event.prevented) return false;
    this.destroyed = true;
    return true;
  }
}

function preventable() {
  return {
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

function rig(platform: NodeJS.Platform, options: { trayShown?: boolean; answer?: number } = {}) {
  const seen = new Set<string>();
  const updates: unknown[] = [];
  const boxes: MessageBoxOptions[] = [];
  const logs: string[] = [];
  let closedNow = 0;
  let ended = false;
  const win = new FakeWindow();
  const windows = [win];
  const core = {
    closeNow: () => void closedNow++,
    close: async () => void closedNow++,
    notices: { seen: (id: string) => seen.has(id), markSeen: (id: string) => void seen.add(id) },
    handlers: {
      'settings:update': async (patch: unknown) => {
        updates.push(patch);
        return {};
      },
    },
  } as unknown as Core;
  const emitter = new EventEmitter();
  const app = Object.assign(emitter, {
    quit() {
      if (ended) return;
      const event = preventable();
      emitter.emit('before-quit', event);
      if (event.prevented) return;
      for (const w of windows.filter((x) => !x.destroyed)) if (!w.userCloses()) return;
      ended = true;
    },
  }) as unknown as AppLike & EventEmitter;
  const lifecycle = installLifecycle({
    app,
    platform,
    core: () => core,
    trayShown: () => options.trayShown ?? true,
    showMessageBox: async (box) => {
      boxes.push(box);
      return { response: options.answer ?? 0 };
    },
    log: (_level, message) => void logs.push(message),
  });
  lifecycle.watchMainWindow(win as unknown as MainWindowLike);
  const closeWindow = (): boolean => {
    const closed = win.userCloses();
    // Electron emits window-all-closed once the last window is gone.
    if (closed && windows.every((w) => w.destroyed)) emitter.emit('window-all-closed');
    return closed;
  };
  const powerMonitor = new EventEmitter();
  lifecycle.watchPowerMonitor(powerMonitor);
  return {
    app,
    win,
    lifecycle,
    closeWindow,
    powerMonitor,
    boxes,
    updates,
    logs,
    seen,
    ended: () => ended,
    closedNow: () => closedNow,
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe.each(['win32', 'linux'] as const)('closing the window on %s', (platform) => {
  it('keeps the app running in the tray, so lobby alerts keep coming', () => {
    const r = rig(platform);
    expect(r.closeWindow()).toBe(false);
    expect(r.win.visible).toBe(false);
    expect(r.ended()).toBe(false);
    expect(r.closedNow()).toBe(0);
  });

  it('explains it the first time only: why, how to get back, how to quit, where to change it', async () => {
    const r = rig(platform);
    r.closeWindow();
    r.win.visible = true;
    r.closeWindow();
    await tick();
    expect(r.boxes).toHaveLength(1);
    const box = r.boxes[0]!;
    expect(box.message).toMatch(/lobby alerts keep coming/);
    expect(box.detail).toMatch(/open the window/);
    expect(box.detail).toMatch(/To quit, choose Quit Vexa Companion/);
    expect(box.detail).toMatch(/Settings, under Desktop/);
    expect(box.buttons).toEqual(closeToTrayExplanation(platform).buttons);
    expect(box.cancelId).toBe(box.defaultId);
    expect(r.seen.has('close-to-tray')).toBe(true);
  });

  it('“Quit when I close the window” turns the setting off and quits now', async () => {
    const r = rig(platform, { answer: QUIT_INSTEAD_BUTTON });
    r.closeWindow();
    await tick();
    await tick();
    expect(r.updates).toEqual([{ closeToTray: false }]);
    expect(r.ended()).toBe(true);
  });

  it('with the setting off, closing the window quits as before', async () => {
    const r = rig(platform);
    r.lifecycle.followSettings({ closeToTray: false });
    expect(r.closeWindow()).toBe(true);
    await tick();
    expect(r.ended()).toBe(true);
    expect(r.boxes).toEqual([]);
  });

  it('before there is a tray icon (no server yet), closing the window quits: there would be no way back', async () => {
    const r = rig(platform, { trayShown: false });
    expect(r.closeWindow()).toBe(true);
    await tick();
    expect(r.ended()).toBe(true);
  });

  it('the tray’s Quit still quits: the hidden window does not hold the quit back', async () => {
    const r = rig(platform);
    r.closeWindow();
    r.app.quit();
    await tick();
    expect(r.ended()).toBe(true);
    expect(r.win.destroyed).toBe(true);
  });

  it('a quit with the window open closes it instead of hiding it', async () => {
    const r = rig(platform);
    r.app.quit();
    await tick();
    expect(r.ended()).toBe(true);
    expect(r.boxes).toEqual([]);
  });
});

describe('closing the window on macOS', () => {
  it('closes the window and keeps the app running, as Mac apps do, whatever the setting', () => {
    const r = rig('darwin');
    expect(r.closeWindow()).toBe(true);
    expect(r.ended()).toBe(false);
    expect(r.boxes).toEqual([]);
  });

  it('Cmd+Q quits', async () => {
    const r = rig('darwin');
    r.app.quit();
    await tick();
    expect(r.ended()).toBe(true);
  });
});

describe('the OS ending the session reaches the core', () => {
  it('Windows session-end on the (hidden) main window closes the core at once', () => {
    const r = rig('win32');
    r.closeWindow();
    r.win.emit('query-session-end', { reasons: ['logoff'], preventDefault() {} });
    expect(r.closedNow()).toBe(0);
    r.win.emit('session-end', { reasons: ['logoff'], preventDefault() {} });
    expect(r.closedNow()).toBe(1);
  });

  it('powerMonitor shutdown closes the core and quits, closing the hidden window', () => {
    const r = rig('linux');
    r.closeWindow();
    r.powerMonitor.emit('shutdown');
    expect(r.closedNow()).toBe(1);
    expect(r.ended()).toBe(true);
  });
});

describe('the decision itself', () => {
  it('never hides a window while quitting', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const)
      expect(windowCloseAction({ platform, quitting: true, closeToTray: true, trayShown: true })).toBe('close');
  });
});
