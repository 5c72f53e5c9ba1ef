import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SHORTCUTS, type ShortcutSettings } from '../../../shared/ipc/shortcutSettings';
import { ShortcutService } from '../../../electron/core/shortcuts/shortcutService';
import { createE2eHooks } from '../../../electron/main/shell/e2eHooks';
import {
  createElectronGlobalShortcuts,
  releaseShortcutsOnQuit,
  type GlobalShortcutLike,
  shortcutSupport,
  withPortalFeatures,
} from '../../../electron/main/shell/globalShortcuts';
import { quietLogger } from '../../support/logger';

/**
 * Electron's globalShortcut as electron.d.ts (Electron 45) types it (GlobalShortcutLike picks from
 * Electron's own GlobalShortcut interface), behaving as its comments say:
 * `register` silently fails (false) and `isRegistered` stays false for keys another app holds;
 * while suspended no key acts and new registrations fail (GlobalShortcut.setSuspended).
 */
function fakeGlobalShortcut(takenByOthers: string[] = []) {
  const held = new Map<string, () => void>();
  let suspended = false;
  const api: GlobalShortcutLike & { isSuspended(): boolean } = {
    register(accelerator, callback) {
      if (suspended || takenByOthers.includes(accelerator) || held.has(accelerator)) return false;
      held.set(accelerator, callback);
      return true;
    },
    isRegistered: (accelerator) => held.has(accelerator),
    isSuspended: () => suspended,
    setSuspended(value) {
      suspended = value;
    },
    unregister(accelerator) {
      held.delete(accelerator);
    },
    unregisterAll() {
      held.clear();
    },
  };
  return { api, held, press: (accelerator: string) => (suspended ? undefined : held.get(accelerator)?.()) };
}

function serviceOver(api: GlobalShortcutLike, support: 'native' | 'portal' = 'native') {
  let stored: ShortcutSettings = { ...DEFAULT_SHORTCUTS };
  const pressed: string[] = [];
  const service = new ShortcutService({
    port: createElectronGlobalShortcuts(api, support),
    platform: 'win32',
    settings: { read: () => stored, save: (next) => void (stored = next) },
    actions: {
      sendBot: async () => void pressed.push('sendBot'),
      toggleOverlay: async () => void pressed.push('toggleOverlay'),
      showApp: async () => void pressed.push('showApp'),
    },
    onChange: () => {},
    clock: { now: () => 0, setTimeout: () => ({ cancel() {} }) },
    logger: quietLogger,
  });
  return { service, pressed };
}

describe('the globalShortcut adapter', () => {
  it('registers the stored shortcuts with Electron under their Electron spelling; a press runs the action', async () => {
    const os = fakeGlobalShortcut();
    const { service, pressed } = serviceOver(os.api);
    service.apply();
    expect([...os.held.keys()]).toEqual([
      'CommandOrControl+Alt+Shift+B',
      'CommandOrControl+Alt+Shift+T',
      'CommandOrControl+Alt+Shift+Space',
    ]);
    os.press('CommandOrControl+Alt+Shift+B');
    await Promise.resolve();
    expect(pressed).toEqual(['sendBot']);
  });

  it('keys another app holds (register returns false) are shown as taken by another app', () => {
    const os = fakeGlobalShortcut(['CommandOrControl+Alt+Shift+Space']);
    const { service } = serviceOver(os.api);
    const view = service.apply();
    expect(view.items.map((i) => i.state)).toEqual(['active', 'active', 'taken']);
    expect(view.items[2]?.message).toBe('Another app already uses Ctrl+Alt+Shift+Space. Choose other keys here, or free them in that app.');
  });

  it('suspends Electron’s handling while keys are recorded, so pressing them does nothing', async () => {
    const os = fakeGlobalShortcut();
    const { service, pressed } = serviceOver(os.api);
    service.apply();
    service.setRecording(true);
    expect(os.api.isSuspended()).toBe(true);
    os.press('CommandOrControl+Alt+Shift+B');
    service.setRecording(false);
    expect(os.api.isSuspended()).toBe(false);
    os.press('CommandOrControl+Alt+Shift+B');
    await Promise.resolve();
    expect(pressed).toEqual(['sendBot']);
  });

  it('the end-to-end hooks press only keys the app holds in Electron', () => {
    const os = fakeGlobalShortcut(['CommandOrControl+Alt+Shift+T']);
    const keys = createElectronGlobalShortcuts(os.api, 'native');
    const pressed: string[] = [];
    keys.register('CommandOrControl+Alt+Shift+B', () => pressed.push('B'));
    keys.register('CommandOrControl+Alt+Shift+T', () => pressed.push('T'));
    const hooks = createE2eHooks({
      tray: () => null,
      notifier: { shown: () => [], kept: () => [], click: () => false },
      overlay: { meetingId: () => null, webContentsId: () => null },
      shortcuts: keys,
    });
    expect(hooks.pressShortcut('CommandOrControl+Alt+Shift+B')).toBe(true);
    expect(hooks.pressShortcut('CommandOrControl+Alt+Shift+T')).toBe(false);
    keys.unregister('CommandOrControl+Alt+Shift+B');
    expect(hooks.pressShortcut('CommandOrControl+Alt+Shift+B')).toBe(false);
    expect(pressed).toEqual(['B']);
  });

  it('releases every key on will-quit, as Electron’s documentation does, and not before the app is ready', () => {
    const os = fakeGlobalShortcut();
    os.api.register('CommandOrControl+Alt+Shift+B', () => {});
    let ready = false;
    const app = Object.assign(new EventEmitter(), { isReady: () => ready });
    releaseShortcutsOnQuit(app, os.api);
    app.emit('will-quit');
    expect(os.held.size).toBe(1);
    ready = true;
    app.emit('will-quit');
    expect(os.held.size).toBe(0);
  });
});

describe('where shortcuts go through the Wayland portal', () => {
  it('native Wayland sessions use the portal; X11, XWayland, Windows and macOS grab keys directly', () => {
    expect(shortcutSupport({ platform: 'linux', ozonePlatform: '', sessionType: 'wayland' })).toBe('portal');
    expect(shortcutSupport({ platform: 'linux', ozonePlatform: 'wayland', sessionType: 'x11' })).toBe('portal');
    expect(shortcutSupport({ platform: 'linux', ozonePlatform: 'x11', sessionType: 'wayland' })).toBe('native');
    expect(shortcutSupport({ platform: 'linux', ozonePlatform: '', sessionType: 'x11' })).toBe('native');
    expect(shortcutSupport({ platform: 'win32', ozonePlatform: '', sessionType: undefined })).toBe('native');
    expect(shortcutSupport({ platform: 'darwin', ozonePlatform: '', sessionType: 'wayland' })).toBe('native');
  });

  it('adds the portal features to the ones the person gave, once each', () => {
    expect(withPortalFeatures('')).toBe('GlobalShortcutsPortal,GlobalShortcutsPortalPreferredTrigger');
    expect(withPortalFeatures('WebRTCPipeWireCapturer, GlobalShortcutsPortal')).toBe(
      'WebRTCPipeWireCapturer,GlobalShortcutsPortal,GlobalShortcutsPortalPreferredTrigger',
    );
  });

  it('on the portal path a request that went out is "asked of your desktop", never "works"', () => {
    const os = fakeGlobalShortcut();
    const { service } = serviceOver(os.api, 'portal');
    expect(service.apply().items.map((i) => i.state)).toEqual(['requested', 'requested', 'requested']);
  });
});
