import { describe, expect, it } from 'vitest';
import {
  closeEndsNotification,
  createElectronNotifier,
  electronNotifications,
  MAX_KEPT_NOTIFICATIONS,
  type NotificationCloseReason,
  type NotificationHandle,
} from '../../../electron/main/shell/notifier';

class FakeNotification implements NotificationHandle {
  shown = false;
  closed = false;
  private click: (() => void) | null = null;
  private action: (() => void) | null = null;
  private close_: ((reason: NotificationCloseReason | undefined) => void) | null = null;
  private failed: ((error: string) => void) | null = null;
  constructor(readonly options: { title: string; body: string; actions?: Array<{ type: 'button'; text: string }> }) {}
  show() {
    this.shown = true;
  }
  close() {
    this.closed = true;
    this.close_?.('applicationHidden');
  }
  onClick(l: () => void) {
    this.click = l;
  }
  onAction(l: () => void) {
    this.action = l;
  }
  pressesButton() {
    this.action?.();
  }
  onClose(l: (reason: NotificationCloseReason | undefined) => void) {
    this.close_ = l;
  }
  onFailed(l: (error: string) => void) {
    this.failed = l;
  }
  userClicks() {
    this.click?.();
  }
  /** The OS takes it off the screen (a timeout or the user's ×), with the reason only Windows gives. */
  leavesScreen(reason: NotificationCloseReason | undefined) {
    this.close_?.(reason);
  }
  osRefuses(error: string) {
    this.failed?.(error);
  }
}

function setup({ platform = 'win32' as NodeJS.Platform, supported = true } = {}) {
  const created: FakeNotification[] = [];
  let focused = 0;
  const failures: string[] = [];
  let activation: (() => void) | null = null;
  const notifier = createElectronNotifier({
    platform,
    isSupported: () => supported,
    create: (o) => {
      const n = new FakeNotification(o);
      created.push(n);
      return n;
    },
    focusWindow: () => focused++,
    onAnyActivation: (l) => (activation = l),
    onFailed: (e) => failures.push(e),
  });
  /**
   * A click on a notification that still sits in the Action Center or Notification Center. Its
   * object survives only while the notifier holds it; once dropped, the garbage collector takes
   * the click handler with it and the click does nothing (electron/electron#29461, #40197).
   */
  const clickInCenter = (id: string, n: FakeNotification) => {
    if (notifier.kept().includes(id)) n.userClicks();
  };
  return { notifier, created, focused: () => focused, failures, clickInCenter, activate: () => activation?.() };
}

describe('Electron notifier', () => {
  it('shows the notification and, on click, brings the window forward and runs the action', () => {
    const { notifier, created, focused } = setup();
    const clicks: string[] = [];
    notifier.notify({
      id: 'lobby-1',
      title: 'Bot waiting in the lobby',
      body: 'Admit Vexa Bot in Google Meet',
      onClick: () => clicks.push('lobby-1'),
    });
    expect(created[0]?.options).toEqual({ title: 'Bot waiting in the lobby', body: 'Admit Vexa Bot in Google Meet' });
    expect(created[0]?.shown).toBe(true);
    created[0]?.userClicks();
    expect(focused()).toBe(1);
    expect(clicks).toEqual(['lobby-1']);
    expect(notifier.kept()).toEqual([]);
  });

  it('a notification with an action shows its button on macOS only; elsewhere the click alone opens the line', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const { notifier, created, focused } = setup({ platform });
      const opened: string[] = [];
      const request = { title: '“deadline” in Standup', body: 'Ana: the deadline moved', action: 'Show the line' };
      notifier.notify({ id: 'w-1', ...request, onClick: () => opened.push('button') });
      notifier.notify({ id: 'w-2', ...request, onClick: () => opened.push('click') });
      expect(created[0]?.options.actions).toEqual(platform === 'darwin' ? [{ type: 'button', text: 'Show the line' }] : undefined);
      created[0]?.pressesButton();
      created[1]?.userClicks();
      expect(opened).toEqual(platform === 'darwin' ? ['button', 'click'] : ['click']);
      expect(focused()).toBe(platform === 'darwin' ? 2 : 1);
    }
  });

  it('replaces an earlier notification with the same id', () => {
    const { notifier, created } = setup();
    notifier.notify({ id: 'm-7', title: 'Waiting', body: 'one' });
    notifier.notify({ id: 'm-7', title: 'Waiting', body: 'two' });
    notifier.notify({ id: 'm-8', title: 'Waiting', body: 'other meeting' });
    expect(created.map((n) => n.closed)).toEqual([true, false, false]);
    expect(notifier.kept()).toEqual(['m-7', 'm-8']);
  });

  it('does nothing where the OS has no notifications', () => {
    const { notifier, created } = setup({ supported: false });
    notifier.notify({ id: 'x', title: 't', body: 'b' });
    expect(created).toEqual([]);
  });

  // docs/api/notification.md, event 'close': on Windows it also fires on the system timeout, and the
  // toast stays in the Action Center, where a click must still reach the app.
  it('Windows: a lobby alert that timed out into the Action Center still opens the meeting when clicked there', () => {
    for (const reason of ['timedOut', 'userCanceled'] as const) {
      const { notifier, created, focused, clickInCenter } = setup({ platform: 'win32' });
      const clicks: number[] = [];
      notifier.notify({ id: 'lobby-7', title: 'Bot waiting in the lobby', body: 'Standup', onClick: () => clicks.push(7) });
      created[0]!.leavesScreen(reason);
      clickInCenter('lobby-7', created[0]!);
      expect(clicks).toEqual([7]);
      expect(focused()).toBe(1);
    }
  });

  it('macOS and Linux: a notification the user dismissed (or the server dropped) is let go', () => {
    for (const platform of ['darwin', 'linux'] as const) {
      const { notifier, created } = setup({ platform });
      notifier.notify({ id: 'lobby-7', title: 'Bot waiting in the lobby', body: 'Standup' });
      expect(notifier.kept()).toEqual(['lobby-7']);
      created[0]!.leavesScreen(undefined);
      expect(notifier.kept()).toEqual([]);
    }
  });

  it('pins the documented lifetime per platform and close reason', () => {
    expect(closeEndsNotification('win32', 'timedOut')).toBe(false);
    expect(closeEndsNotification('win32', 'userCanceled')).toBe(false);
    expect(closeEndsNotification('win32', undefined)).toBe(false);
    expect(closeEndsNotification('win32', 'applicationHidden')).toBe(true);
    expect(closeEndsNotification('darwin', undefined)).toBe(true);
    expect(closeEndsNotification('linux', undefined)).toBe(true);
  });

  it('keeps a bounded number: beyond it the oldest is closed rather than left unclickable', () => {
    const { notifier, created } = setup({ platform: 'win32' });
    for (let i = 0; i < MAX_KEPT_NOTIFICATIONS + 3; i++) {
      notifier.notify({ id: `n-${i}`, title: 't', body: `${i}` });
      created[i]!.leavesScreen('timedOut');
    }
    expect(notifier.kept()).toHaveLength(MAX_KEPT_NOTIFICATIONS);
    expect(notifier.kept()[0]).toBe('n-3');
    expect(created.slice(0, 3).every((n) => n.closed)).toBe(true);
    expect(created.slice(3).some((n) => n.closed)).toBe(false);
  });

  it('lets go of a notification the OS refused, and reports why', () => {
    const { notifier, created, failures } = setup({ platform: 'darwin' });
    notifier.notify({ id: 'x', title: 't', body: 'b' });
    created[0]!.osRefuses('Notifications are not allowed for this app');
    expect(notifier.kept()).toEqual([]);
    expect(failures).toEqual(['Notifications are not allowed for this app']);
  });

  it('Windows: a click on any of the app’s toasts brings the window forward even without its object', () => {
    const { activate, focused } = setup({ platform: 'win32' });
    activate();
    expect(focused()).toBe(1);
  });
});

describe('Electron Notification wrapper', () => {
  it('passes on the close reason (Windows) and the failure text (Electron 45 event signatures)', () => {
    type Listener = (...args: unknown[]) => void;
    const instances: Array<{ options: unknown; listeners: Map<string, Listener>; shown: number }> = [];
    class FakeElectronNotification {
      listeners = new Map<string, Listener>();
      shown = 0;
      constructor(readonly options: unknown) {
        instances.push(this);
      }
      on(event: string, l: Listener) {
        this.listeners.set(event, l);
        return this;
      }
      show() {
        this.shown++;
      }
      close() {}
    }
    const create = electronNotifications(FakeElectronNotification as unknown as Parameters<typeof electronNotifications>[0]);
    const handle = create({ title: 'Bot waiting in the lobby', body: 'Standup' });
    const seen: unknown[] = [];
    handle.onClose((reason) => seen.push(reason));
    handle.onFailed((error) => seen.push(error));
    handle.show();
    const n = instances[0]!;
    expect(n.options).toEqual({ title: 'Bot waiting in the lobby', body: 'Standup' });
    n.listeners.get('close')!({ reason: 'timedOut' });
    n.listeners.get('close')!({});
    n.listeners.get('failed')!({}, 'not allowed');
    expect(seen).toEqual(['timedOut', undefined, 'not allowed']);
    expect(n.shown).toBe(1);
  });
});
