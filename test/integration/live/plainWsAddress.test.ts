import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { LiveSocket, type LiveState } from '../../../electron/core/live/liveSocket';
import { systemClock } from '../../../electron/core/ports';
import { quietLogger } from '../../support/logger';
import { waitFor } from '../../support/waitFor';

// The live socket of a plain ws:// server named by host name resolves the name on every
// (re)connect and refuses a public address before the handshake, which carries the key.

const KEY = 'vxa_tx_wsaddresswsaddresswsaddress12';
const PUBLIC = '203.0.113.5'; // TEST-NET-3 (RFC 5737)

let cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function wsServer(): Promise<{ port: number; handshakes: Array<Record<string, unknown>> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((r) => wss.once('listening', r));
  const handshakes: Array<Record<string, unknown>> = [];
  wss.on('connection', (_ws, req) => handshakes.push(req.headers));
  cleanup.push(
    () =>
      new Promise<void>((r) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => r());
      }),
  );
  return { port: (wss.address() as AddressInfo).port, handshakes };
}

function live(url: string, answer: () => string[]): { states: LiveState[]; socket: LiveSocket } {
  const states: LiveState[] = [];
  const socket = new LiveSocket({
    url,
    apiKey: KEY,
    clock: systemClock,
    logger: quietLogger,
    onFrame: () => undefined,
    onState: (s) => states.push(s),
    backoffBaseMs: 20,
    backoffMaxMs: 50,
    resolveHost: async (name) => (name === 'vexa.internal' ? answer() : []),
  });
  cleanup.push(() => socket.close());
  socket.start();
  return { states, socket };
}

describe('live socket over plain ws to a host name', () => {
  it('opens when the name resolves to this computer, with the key in the handshake', async () => {
    const server = await wsServer();
    const { socket } = live(`ws://vexa.internal:${server.port}/ws`, () => ['127.0.0.1']);
    await waitFor('the socket to open', () => socket.current.status === 'connected');
    expect(server.handshakes.map((h) => h['x-api-key'])).toEqual([KEY]);
  });

  it.each([
    ['a public address', [PUBLIC]],
    ['a public address after a private one', ['127.0.0.1', PUBLIC]],
    ['an IPv4-mapped public address', ['::1', `::ffff:${PUBLIC}`]],
  ])('refuses %s and says why, without connecting', async (_what, addresses) => {
    const server = await wsServer();
    const shown = addresses.find((a) => a.includes(PUBLIC));
    const { socket, states } = live(`ws://vexa.internal:${server.port}/ws`, () => addresses);
    await waitFor('two refused attempts', () => socket.current.attempt >= 2);
    expect(socket.current.status).toBe('offline');
    expect(socket.current.message).toBe(
      `vexa.internal resolves to ${shown}, a public address: plain http would send your API key unencrypted over the internet. Use https://, or check the name.`,
    );
    expect(states.some((s) => s.status === 'connected')).toBe(false);
    expect(server.handshakes).toEqual([]);
  });

  it('connects once the name points back to a private address', async () => {
    const server = await wsServer();
    let answer = [PUBLIC];
    const { socket } = live(`ws://vexa.internal:${server.port}/ws`, () => answer);
    await waitFor('a refused attempt', () => socket.current.status === 'offline');
    answer = ['127.0.0.1'];
    await waitFor('the socket to open', () => socket.current.status === 'connected');
    expect(socket.current.message).toBeNull();
    expect(server.handshakes).toHaveLength(1);
  });
});
