import { describe, expect, it } from 'vitest';
import { E2E_ENV, E2E_GLOBAL, exposeE2eHooks, type E2eHooks } from '../../../electron/main/shell/e2eHooks';
import { createElectronNotifier, type NotificationHandle } from '../../../electron/main/shell/notifier';
import { createTrayView, TRAY_QUIT_LABEL, TRAY_SHOW_LABEL } from '../../../electron/main/shell/trayView';

function sources() {
  const events: string[] = [];
  const tray = createTrayView<string>({
    createTray: () => ({ setState() {}, setToolTip() {}, setContextMenu() {}, onClick() {}, onMouseEnter() {} }),
    buildMenu: () => 'menu',
    showWindow: () => events.push('show window'),
    quit: () => events.push('quit'),
    platform: 'linux',
    every: () => () => {},
  });
  const notifier = createElectronNotifier({
    platform: 'linux',
    isSupported: () => true,
    create: (): NotificationHandle => ({ show() {}, close() {}, onClick() {}, onAction() {}, onClose() {}, onFailed() {} }),
    focusWindow: () => events.push('focus window'),
  });
  return { events, tray, notifier };
}

describe('end-to-end hooks', () => {
  it('exist only when the Electron e2e suite asks for them', () => {
    const { tray, notifier } = sources();
    const target: Record<string, unknown> = {};
    const overlay = { meetingId: () => null, webContentsId: () => null };
    expect(exposeE2eHooks({}, target, { tray: () => tray.snapshot(), notifier, overlay })).toBe(false);
    expect(exposeE2eHooks({ [E2E_ENV]: 'true' }, target, { tray: () => tray.snapshot(), notifier, overlay })).toBe(false);
    expect(E2E_GLOBAL in target).toBe(false);
    expect(exposeE2eHooks({ [E2E_ENV]: '1' }, target, { tray: () => tray.snapshot(), notifier, overlay })).toBe(true);
    expect(E2E_GLOBAL in target).toBe(true);
  });

  it('show the tray menu and run its items, and show and click notifications', () => {
    const { events, tray, notifier } = sources();
    const target: Record<string, unknown> = {};
    exposeE2eHooks({ [E2E_ENV]: '1' }, target, {
      tray: () => tray.snapshot(),
      notifier,
      overlay: { meetingId: () => 7, webContentsId: () => 12 },
    });
    const hooks = target[E2E_GLOBAL] as E2eHooks;
    expect(hooks.trayMenu()).toBeNull();
    const opened: string[] = [];
    tray.update('attention', 'A bot is waiting in the lobby', [{ label: 'R&D sync — admit the bot', onClick: () => opened.push('R&D') }]);
    expect(hooks.trayState()).toEqual({ state: 'attention', tooltip: 'A bot is waiting in the lobby' });
    expect(hooks.trayMenu()).toEqual([
      { label: 'R&&D sync — admit the bot', enabled: true },
      { label: '-', enabled: true },
      { label: TRAY_SHOW_LABEL, enabled: true },
      { label: TRAY_QUIT_LABEL, enabled: true },
    ]);
    expect(hooks.clickTrayItem('R&&D sync — admit the bot')).toBe(true);
    expect(hooks.clickTrayItem(TRAY_SHOW_LABEL)).toBe(true);
    expect(hooks.clickTrayItem('No such item')).toBe(false);
    expect(opened).toEqual(['R&D']);

    const clicked: string[] = [];
    notifier.notify({ id: 'lobby-7', title: 'Bot waiting in the lobby', body: 'Standup', onClick: () => clicked.push('lobby-7') });
    expect(hooks.notifications()).toEqual([{ id: 'lobby-7', title: 'Bot waiting in the lobby', body: 'Standup' }]);
    expect(hooks.keptNotifications()).toEqual(['lobby-7']);
    expect(hooks.clickNotification('lobby-7')).toBe(true);
    expect(hooks.clickNotification('lobby-7')).toBe(false);
    expect(clicked).toEqual(['lobby-7']);
    expect(events).toEqual(['show window', 'focus window']);
    expect(hooks.overlay()).toEqual({ meetingId: 7, webContentsId: 12 });
    // Without the desktop sources (an older shell), the new hooks say so rather than pretend.
    expect(hooks.attention()).toBeNull();
    expect(hooks.hoverTray()).toBe(false);
  });

  it('show the lobby badge as drawn and run what hovering the tray icon does', () => {
    const { tray, notifier } = sources();
    const target: Record<string, unknown> = {};
    const reads: string[] = [];
    tray.onWillOpen?.(() => reads.push('read clipboard'));
    exposeE2eHooks({ [E2E_ENV]: '1' }, target, {
      tray: () => tray.snapshot(),
      notifier,
      overlay: { meetingId: () => null, webContentsId: () => null },
      attention: () => ({ badge: 2, requests: 1, requesting: true }),
      trayWillOpen: () => tray.willOpen(),
    });
    const hooks = target[E2E_GLOBAL] as E2eHooks;
    expect(hooks.attention()).toEqual({ badge: 2, requests: 1, requesting: true });
    expect(hooks.hoverTray()).toBe(true);
    expect(reads).toEqual(['read clipboard']);
  });
});
