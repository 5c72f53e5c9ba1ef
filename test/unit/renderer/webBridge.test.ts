import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  createWebBridge,
  parseFrame,
  TRANSPORT_CODE,
  type LinkStatus,
  type SocketHandlers,
} from '../../../renderer/platform/webBridge';

/** A socket the test drives by hand, and a scheduler whose timers run only when told. */
function harness() {
  const sockets: Array<{ url: string; handlers: SocketHandlers; sent: string[]; closed: boolean }> = [];
  const timers: Array<{ fn: () => void; ms: number; cancelled: boolean }> = [];
  const bridge = createWebBridge({
    url: 'ws://127.0.0.1:4000/ipc?token=t',
    socket: (url, handlers) => {
      const s = { url, handlers, sent: [] as string[], closed: false };
      sockets.push(s);
      return { send: (d) => s.sent.push(d), close: () => (s.closed = true) };
    },
    scheduler: {
      schedule(fn, ms) {
        const t = { fn, ms, cancelled: false };
        timers.push(t);
        return () => (t.cancelled = true);
      },
    },
  });
  const statuses: LinkStatus[] = [];
  bridge.onStatus((s) => statuses.push(s));
  const last = () => sockets[sockets.length - 1]!;
  const runTimers = () => {
    for (const t of timers.splice(0)) if (!t.cancelled) t.fn();
  };
  return { bridge, sockets, timers, statuses, last, runTimers };
}

const sentFrame = (raw: string | undefined) => JSON.parse(raw ?? 'null') as { id: number; channel: string; input: unknown };

describe('web bridge', () => {
  it('queues calls made before the socket opens and sends them once it does', async () => {
    const h = harness();
    const answer = h.bridge.invoke('app:getState', undefined);
    expect(h.last().sent).toEqual([]);
    h.last().handlers.open();
    const frame = sentFrame(h.last().sent[0]);
    expect(frame.channel).toBe('app:getState');
    h.last().handlers.message(JSON.stringify({ id: frame.id, result: { ok: true, value: 42 } }));
    await expect(answer).resolves.toEqual({ ok: true, value: 42 });
    expect(h.statuses).toEqual(['open']);
  });

  it('matches answers to calls by id, whatever order they arrive in', async () => {
    const h = harness();
    h.last().handlers.open();
    const a = h.bridge.invoke('bots:tracked');
    const b = h.bridge.invoke('connection:probe', { url: 'https://x', apiKey: 'k' });
    const [fa, fb] = h.last().sent.map(sentFrame);
    expect(fb?.input).toEqual({ url: 'https://x', apiKey: 'k' });
    h.last().handlers.message(JSON.stringify({ id: fb!.id, result: { ok: false, code: 'unauthorized', message: 'Bad key' } }));
    h.last().handlers.message(JSON.stringify({ id: fa!.id, result: { ok: true, value: [] } }));
    await expect(a).resolves.toEqual({ ok: true, value: [] });
    await expect(b).resolves.toEqual({ ok: false, code: 'unauthorized', message: 'Bad key' });
  });

  it('delivers pushed events to every listener until it unsubscribes', () => {
    const h = harness();
    h.last().handlers.open();
    const seen: Array<[string, unknown]> = [];
    const off = h.bridge.onEvent((event, payload) => seen.push([event, payload]));
    h.last().handlers.message(JSON.stringify({ event: 'app:state', payload: { version: '1' } }));
    off();
    h.last().handlers.message(JSON.stringify({ event: 'app:state', payload: { version: '2' } }));
    expect(seen).toEqual([['app:state', { version: '1' }]]);
  });

  it('ignores malformed frames instead of failing', async () => {
    const h = harness();
    h.last().handlers.open();
    const call = h.bridge.invoke('app:getState');
    const { id } = sentFrame(h.last().sent[0]);
    for (const junk of ['not json', '42', 'null', '{"id":"1","result":{}}', `{"id":${id},"result":{"ok":false}}`, new Uint8Array(2)]) {
      h.last().handlers.message(junk);
    }
    h.last().handlers.message(JSON.stringify({ id, result: { ok: true, value: 'fine' } }));
    await expect(call).resolves.toEqual({ ok: true, value: 'fine' });
  });

  it('rejects pending calls with a transport error when the socket drops, and says so', async () => {
    const h = harness();
    h.last().handlers.open();
    const call = h.bridge.invoke('bots:tracked');
    h.last().handlers.close();
    const result = await call;
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(TRANSPORT_CODE);
      expect(result.message).toMatch(/Lost the connection to the app core/);
    }
    expect(h.bridge.status()).toBe('lost');
    await expect(h.bridge.invoke('app:getState')).resolves.toMatchObject({ ok: false, code: TRANSPORT_CODE });
  });

  it('reconnects with growing delays and reports the link open again', () => {
    const h = harness();
    h.last().handlers.open();
    h.last().handlers.close();
    expect(h.timers.map((t) => t.ms)).toEqual([backoffDelay(0)]);
    h.runTimers();
    expect(h.sockets).toHaveLength(2);
    h.last().handlers.close();
    expect(h.timers.map((t) => t.ms)).toEqual([backoffDelay(1)]);
    h.runTimers();
    h.last().handlers.open();
    expect(h.statuses).toEqual(['open', 'lost', 'open']);
  });

  it('reconnects at once when asked, without waiting for the backoff', () => {
    const h = harness();
    h.last().handlers.close();
    expect(h.bridge.status()).toBe('lost');
    h.bridge.reconnectNow();
    expect(h.sockets).toHaveLength(2);
    expect(h.timers[0]?.cancelled).toBe(true);
  });

  it('stops reconnecting once disposed', () => {
    const h = harness();
    h.last().handlers.open();
    h.bridge.dispose();
    expect(h.last().closed).toBe(true);
    h.last().handlers.close();
    expect(h.timers).toHaveLength(0);
  });
});

describe('backoff', () => {
  it('starts quick and is capped at ten seconds', () => {
    expect(backoffDelay(0)).toBe(500);
    expect(backoffDelay(1)).toBe(1000);
    expect(backoffDelay(3)).toBe(4000);
    expect(backoffDelay(20)).toBe(10_000);
  });
});

describe('parseFrame', () => {
  it('accepts answers and events and nothing else', () => {
    expect(parseFrame('{"id":1,"result":{"ok":true,"value":null}}')).toEqual({ id: 1, result: { ok: true, value: null } });
    expect(parseFrame('{"event":"app:state","payload":1}')).toEqual({ event: 'app:state', payload: 1 });
    expect(parseFrame('{"id":1}')).toBeNull();
    expect(parseFrame('[]')).toBeNull();
    expect(parseFrame(7)).toBeNull();
  });
});
