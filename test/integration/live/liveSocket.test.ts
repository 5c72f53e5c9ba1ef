import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { LiveSocket, backoffDelay, type LiveState } from '../../../electron/core/live/liveSocket';
import { systemClock, type Clock } from '../../../electron/core/ports';
import { quietLogger } from '../../support/logger';
import { waitFor } from '../../support/waitFor';

interface Server {
  url: string;
  wss: WebSocketServer;
  sockets: WebSocket[];
  received: unknown[];
  headers: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

async function server(port = 0): Promise<Server> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port });
  await new Promise((r) => wss.once('listening', r));
  const s: Server = {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/ws`,
    wss,
    sockets: [],
    received: [],
    headers: [],
    close: () =>
      new Promise((r) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => r());
      }),
  };
  wss.on('connection', (ws, req) => {
    s.sockets.push(ws);
    s.headers.push(req.headers);
    ws.on('message', (d) => {
      const msg = JSON.parse(d.toString()) as { action?: string };
      s.received.push(msg);
      if (msg.action === 'ping') ws.send(JSON.stringify({ type: 'pong' }));
    });
  });
  return s;
}

/** The system clock, counting the timers still due. */
function countingClock(): { clock: Clock; pending(): number } {
  const due = new Set<object>();
  return {
    clock: {
      now: () => systemClock.now(),
      setTimeout: (fn, ms) => {
        const token = {};
        due.add(token);
        const timer = systemClock.setTimeout(() => {
          due.delete(token);
          fn();
        }, ms);
        return {
          cancel: () => {
            due.delete(token);
            timer.cancel();
          },
        };
      },
    },
    pending: () => due.size,
  };
}

let cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

function socket(url: string, extra: Partial<ConstructorParameters<typeof LiveSocket>[0]> = {}) {
  const frames: Array<Record<string, unknown>> = [];
  const states: LiveState[] = [];
  const opens: boolean[] = [];
  const live = new LiveSocket({
    url,
    apiKey: 'vxa_tx_secretsecretsecretsecretsecret1',
    clock: systemClock,
    logger: quietLogger,
    onFrame: (f) => frames.push(f),
    onState: (s) => states.push(s),
    onOpen: (r) => opens.push(r),
    backoffBaseMs: 10,
    backoffMaxMs: 40,
    ...extra,
  });
  cleanup.push(() => live.close());
  return { live, frames, states, opens };
}

describe('live socket', () => {
  it('sends the key in a header, not the URL, and subscribes', async () => {
    const s = await server();
    cleanup.push(() => s.close());
    const { live } = socket(s.url);
    live.start();
    live.subscribe([{ platform: 'google_meet', nativeId: 'abc-defg-hij' }]);
    await waitFor('the subscribe message', () => s.received.length > 0);
    expect(s.headers[0]?.['x-api-key']).toBe('vxa_tx_secretsecretsecretsecretsecret1');
    expect(s.received[0]).toEqual({ action: 'subscribe', meetings: [{ platform: 'google_meet', native_id: 'abc-defg-hij' }] });
  });

  it('reconnects after a drop and subscribes every meeting again', async () => {
    const s = await server();
    cleanup.push(() => s.close());
    const { live, opens, states } = socket(s.url);
    live.start();
    live.subscribe([
      { platform: 'google_meet', nativeId: 'abc-defg-hij' },
      { platform: 'zoom', nativeId: '12345678901' },
    ]);
    await waitFor('the first subscribe message', () => s.received.length >= 1);
    s.sockets[0]!.terminate();
    await waitFor('a second connection that subscribes again', () => s.sockets.length === 2 && s.received.length >= 2);
    expect(s.received[1]).toEqual({
      action: 'subscribe',
      meetings: [
        { platform: 'google_meet', native_id: 'abc-defg-hij' },
        { platform: 'zoom', native_id: '12345678901' },
      ],
    });
    expect(opens).toEqual([false, true]);
    expect(states.some((st) => st.status === 'reconnecting' && st.retryAt !== null)).toBe(true);
    expect(live.current.status).toBe('connected');
  });

  it('comes back when the server restarts on the same port', async () => {
    const s = await server();
    const port = Number(new URL(s.url).port);
    const { live, opens } = socket(s.url);
    live.start();
    await waitFor('the first connection', () => opens.length === 1);
    await s.close();
    await waitFor('the socket to notice the server is gone', () => live.current.status !== 'connected');
    const again = await server(port);
    cleanup.push(() => again.close());
    await waitFor('a second connection', () => opens.length === 2);
    expect(live.current.status).toBe('connected');
  });

  it('drops malformed, non-object and oversized frames, counts them, and keeps going', async () => {
    const s = await server();
    cleanup.push(() => s.close());
    const { live, frames } = socket(s.url, { maxFrameBytes: 1024 });
    live.start();
    await waitFor('the connection', () => s.sockets.length === 1 && live.current.status === 'connected');
    const ws = s.sockets[0]!;
    for (const bad of ['{not json', '[1,2]', '"text"', 'null', '42']) ws.send(bad);
    ws.send(JSON.stringify({ type: 'meeting.status', meeting_id: 1, status: 'active' }));
    await waitFor('the one valid frame', () => frames.length === 1);
    expect(live.current.dropped).toBe(5);
    ws.send('x'.repeat(5000));
    await waitFor(
      'the oversized frame to be dropped and the socket connected',
      () => live.current.dropped === 6 && live.current.status === 'connected',
    );
    expect(frames).toHaveLength(1);
  });

  it('stops retrying and says so when the server refuses the key (4401)', async () => {
    const s = await server();
    cleanup.push(() => s.close());
    s.wss.on('connection', (ws) => {
      ws.send(JSON.stringify({ type: 'error', error: 'invalid_api_key' }));
      ws.close(4401);
    });
    const timers = countingClock();
    const { live } = socket(s.url, { clock: timers.clock });
    live.start();
    // A retry can only come from a timer (or reconnectNow): with the refusal handled and no timer
    // left, none will ever come, so the single connection is final.
    await waitFor('the refusal handled with no timer left', () => live.current.status === 'unauthorized' && timers.pending() === 0);
    expect(s.sockets).toHaveLength(1);
    expect(live.current.message).toMatch(/rejected this API key/);
  });

  it('reconnects when pongs stop coming', async () => {
    const s = await server();
    cleanup.push(() => s.close());
    const { live, opens } = socket(s.url, { pingIntervalMs: 30, pongTimeoutMs: 30 });
    live.start();
    await waitFor('the first connection', () => opens.length === 1);
    // A server that stops answering: no pong frames, no protocol pongs.
    s.sockets[0]!.pause();
    await waitFor('a second connection', () => opens.length === 2);
  });

  it('reconnectNow skips the wait', async () => {
    const s = await server();
    const port = Number(new URL(s.url).port);
    const { live, opens } = socket(s.url, { backoffBaseMs: 60_000, backoffMaxMs: 60_000 });
    live.start();
    await waitFor('the first connection', () => opens.length === 1);
    await s.close();
    await waitFor('the socket to wait before reconnecting', () => live.current.status === 'reconnecting');
    const again = await server(port);
    cleanup.push(() => again.close());
    live.reconnectNow();
    await waitFor('a second connection', () => opens.length === 2);
  });
});

describe('backoffDelay', () => {
  it('doubles from the base up to the cap, with jitter within ±20 %', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((a) => backoffDelay(a, 1000, 30_000, () => 0.5))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
    expect(backoffDelay(3, 1000, 30_000, () => 0)).toBe(3200);
    expect(backoffDelay(3, 1000, 30_000, () => 1)).toBe(4800);
  });
});
