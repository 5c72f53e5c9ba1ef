import { describe, expect, it } from 'vitest';
import { createElectronNotifier, type NotificationHandle } from '../../../electron/main/shell/notifier';

class FakeNotification implements NotificationHandle {
  shown = false;
  closed = false;
  private click: (() => void) | null = null;
  private close_: (() => void) | null = null;
  constructor(readonly options: { title: string; body: string }) {}
  show() {
    this.shown = true;
  }
  close() {
    this.closed = true;
    this.close_?.();
  }
  onClick(l: () => void) {
    this.click = l;
  }
  onClose(l: () => void) {
    this.close_ = l;
  }
  userClicks() {
    this.click?.();
  }
}

function setup(supported = true) {
  const created: FakeNotification[] = [];
  let focused = 0;
  const notifier = createElectronNotifier({
    isSupported: () => supported,
    create: (o) => {
      const n = new FakeNotification(o);
      created.push(n);
      return n;
    },
    focusWindow: () => focused++,
  });
  return { notifier, created, focused: () => focused };
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
  });

  it('replaces an earlier notification with the same id', () => {
    const { notifier, created } = setup();
    notifier.notify({ id: 'm-7', title: 'Waiting', body: 'one' });
    notifier.notify({ id: 'm-7', title: 'Waiting', body: 'two' });
    notifier.notify({ id: 'm-8', title: 'Waiting', body: 'other meeting' });
    expect(created.map((n) => n.closed)).toEqual([true, false, false]);
  });

  it('does nothing where the OS has no notifications', () => {
    const { notifier, created } = setup(false);
    notifier.notify({ id: 'x', title: 't', body: 'b' });
    expect(created).toEqual([]);
  });
});
