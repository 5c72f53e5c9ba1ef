import { describe, expect, it } from 'vitest';
import type { PageAlert } from '../../../shared/ipc/pageFrames';
import { createWebBridge, type LinkStatus, type PageClipboardWriter, type SocketHandlers } from '../../../renderer/platform/webBridge';
import { reloadForNewToken } from '../../../renderer/platform/webToken';
import { pause } from '../../support/waitFor';

/** The browser version's own frames and a refused token, over a socket the test drives by hand. */
function harness(options: { serverAnswers?: () => Promise<boolean>; clipboard?: PageClipboardWriter } = {}) {
  const sockets: Array<{ handlers: SocketHandlers; sent: string[] }> = [];
  const timers: Array<() => void> = [];
  const alerts: PageAlert[] = [];
  const bridge = createWebBridge({
    url: 'ws://127.0.0.1:4000/ipc?token=old',
    socket: (_url, handlers) => {
      const s = { handlers, sent: [] as string[] };
      sockets.push(s);
      return { send: (d) => s.sent.push(d), close: () => undefined };
    },
    scheduler: { schedule: (fn) => (timers.push(fn), () => undefined) },
    alert: (a) => alerts.push(a),
    ...options,
  });
  const statuses: LinkStatus[] = [];
  bridge.onStatus((s) => statuses.push(s));
  const last = () => sockets[sockets.length - 1]!;
  /** Lets the bridge's own check of the address (a promise) finish before the test looks. */
  const settle = () => pause(0);
  return { bridge, sockets, timers, statuses, alerts, last, settle };
}

describe('web bridge: a restarted app with a new token', () => {
  it('stops trying and says the address is out of date when the app answers but refuses the socket', async () => {
    const h = harness({ serverAnswers: async () => true });
    h.last().handlers.open();
    // The app restarts: the open socket drops, and the next one is refused (a 403 looks like a close before open).
    h.last().handlers.close();
    h.timers.shift()!();
    h.last().handlers.close();
    await h.settle();
    expect(h.statuses).toEqual(['open', 'lost', 'refused']);
    expect(h.timers).toEqual([]);
    const answer = await h.bridge.invoke('app:getState');
    expect(answer).toMatchObject({ ok: false, message: expect.stringMatching(/no longer accepts this tab's address/) });
  });

  it('keeps trying while nothing answers at the address (the app is still starting)', async () => {
    const h = harness({ serverAnswers: async () => false });
    h.last().handlers.close();
    await h.settle();
    expect(h.statuses).toEqual(['lost']);
    expect(h.timers).toHaveLength(1);
  });

  it('reloads for a pasted address with a new token, not for the same one or a route change', () => {
    expect(reloadForNewToken('#token=new', 'old')).toBe(true);
    expect(reloadForNewToken('#token=new', null)).toBe(true);
    expect(reloadForNewToken('#token=old', 'old')).toBe(false);
    expect(reloadForNewToken('#/library', 'old')).toBe(false);
  });
});

describe('web bridge: the page does what the OS does for the desktop app', () => {
  it('writes what the core copies to the page clipboard and answers with the outcome', async () => {
    const written: string[] = [];
    const h = harness({
      clipboard: async (text) => (written.push(text), text === 'refuse me' ? { ok: false, message: 'Click the page' } : { ok: true }),
    });
    h.last().handlers.open();
    h.last().handlers.message(JSON.stringify({ clipboardWrite: { id: 7, text: 'MEETING TRANSCRIPT' } }));
    h.last().handlers.message(JSON.stringify({ clipboardWrite: { id: 8, text: 'refuse me' } }));
    await h.settle();
    expect(written).toEqual(['MEETING TRANSCRIPT', 'refuse me']);
    expect(h.last().sent.map((f) => JSON.parse(f))).toEqual([
      { clipboardAnswer: { id: 7, ok: true } },
      { clipboardAnswer: { id: 8, ok: false, message: 'Click the page' } },
    ]);
  });

  it('hands notifications and lobby attention to the page', () => {
    const h = harness();
    h.last().handlers.open();
    h.last().handlers.message(JSON.stringify({ pageAlert: { kind: 'attention' } }));
    h.last().handlers.message(
      JSON.stringify({
        pageAlert: { kind: 'notification', tag: '3:lobby@s', title: 'Bot waiting', body: 'Admit it', serverId: 's', meetingId: 3 },
      }),
    );
    h.last().handlers.message(JSON.stringify({ pageAlert: { kind: 'notification', title: 42 } }));
    expect(h.alerts).toEqual([
      { kind: 'attention' },
      { kind: 'notification', tag: '3:lobby@s', title: 'Bot waiting', body: 'Admit it', serverId: 's', meetingId: 3 },
    ]);
  });
});
