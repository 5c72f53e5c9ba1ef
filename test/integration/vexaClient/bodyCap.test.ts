import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttp, MAX_BODY_BYTES } from '../../../electron/core/vexa/http';
import { VexaError } from '../../../shared/vexa';

// A server (or anything posing as one) can answer with a body of any size; the core reads at most
// MAX_BODY_BYTES of it and says so, instead of holding the whole reply in memory.

const MB = 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, '[');

interface Sender {
  url: string;
  /** Bytes the client took off the socket (what the server managed to send). */
  sent(): number;
  /** Resolves once the server stopped sending: everything went, or the client hung up. */
  finished: Promise<void>;
  close(): Promise<void>;
}

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

/** Writes `total` bytes to a socket as fast as the reader takes them. */
function pump(write: (chunk: Buffer, done: (err?: Error | null) => void) => boolean, onDrain: (fn: () => void) => void, total: number) {
  let sent = 0;
  let resolve!: () => void;
  const finished = new Promise<void>((r) => (resolve = r));
  const next = (): void => {
    while (sent < total) {
      const chunk = CHUNK.subarray(0, Math.min(CHUNK.length, total - sent));
      let failed = false;
      const more = write(chunk, (err) => {
        if (err) failed = true;
      });
      if (failed) return resolve();
      sent += chunk.length;
      if (!more) return onDrain(next);
    }
    resolve();
  };
  return { start: next, sent: () => sent, finished, stop: resolve };
}

/** An HTTP server answering every request with `total` bytes, with or without Content-Length. */
async function httpSender(total: number, contentLength: boolean): Promise<Sender> {
  let pumped: ReturnType<typeof pump> | null = null;
  let resolveFinished!: () => void;
  const finished = new Promise<void>((r) => (resolveFinished = r));
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, {
      'Content-Type': 'application/json',
      ...(contentLength ? { 'Content-Length': String(total) } : {}),
    });
    const p = pump(
      (chunk, done) => res.write(chunk, done),
      (fn) => res.once('drain', fn),
      total,
    );
    pumped = p;
    res.on('close', () => p.stop());
    void p.finished.then(() => {
      res.end();
      resolveFinished();
    });
    p.start();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const sender: Sender = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent: () => pumped?.sent() ?? 0,
    finished,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
  open.push(sender);
  return sender;
}

/** A raw socket that claims `declared` bytes in Content-Length and then sends `total`. */
async function lyingSender(declared: number, total: number): Promise<Sender> {
  let pumped: ReturnType<typeof pump> | null = null;
  let resolveFinished!: () => void;
  const finished = new Promise<void>((r) => (resolveFinished = r));
  const sockets = new Set<Socket>();
  const server: TcpServer = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', () => {
      socket.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`);
      const p = pump(
        (chunk, done) => socket.write(chunk, done),
        (fn) => socket.once('drain', fn),
        total,
      );
      pumped = p;
      socket.on('close', () => p.stop());
      void p.finished.then(() => {
        socket.end();
        resolveFinished();
      });
      p.start();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const sender: Sender = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent: () => pumped?.sent() ?? 0,
    finished,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
  open.push(sender);
  return sender;
}

async function failure(promise: Promise<unknown>): Promise<VexaError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof VexaError) return e;
    throw e;
  }
  throw new Error('the request succeeded');
}

const request = (url: string) =>
  createHttp({ baseUrl: url, apiKey: 'vxa_tx_testtesttest', retries: 0, timeoutMs: 60_000 }).request('/meetings', { accept: 'text' });

describe('a reply larger than the app reads', () => {
  it('caps bodies at 32 MB', () => {
    expect(MAX_BODY_BYTES).toBe(32 * MB);
  });

  it('is refused from its Content-Length, before the body is read', async () => {
    const server = await httpSender(40 * MB, true);
    const error = await failure(request(server.url));
    expect(error.code).toBe('too_large');
    expect(error.userMessage).toBe(
      `The server at 127.0.0.1:${new URL(server.url).port} sent a reply larger than 32 MB, so the app stopped reading it. Check that the server address is the Vexa API; if it is, ask the server's administrator about this reply.`,
    );
    await server.finished;
    // Only what the sockets' buffers held left the server: the body was never read.
    expect(server.sent()).toBeLessThan(16 * MB);
  });

  it('is cut off at the cap when the server does not say its length', async () => {
    const server = await httpSender(120 * MB, false);
    const error = await failure(request(server.url));
    expect(error.code).toBe('too_large');
    await server.finished;
    expect(server.sent()).toBeGreaterThan(32 * MB);
    expect(server.sent()).toBeLessThan(64 * MB);
  });

  it('ends where a Content-Length under the cap says, whatever more the server sends', async () => {
    const server = await lyingSender(1000, 120 * MB);
    const result = await request(server.url);
    expect(result.body).toBe('['.repeat(1000));
    await server.close();
    expect(server.sent()).toBeLessThan(64 * MB);
  });

  it('is refused when a Content-Length over the cap comes with a short body', async () => {
    const server = await lyingSender(40 * MB, 1000);
    expect((await failure(request(server.url))).code).toBe('too_large');
  });

  it('is read in full up to the cap', async () => {
    const server = await httpSender(20 * MB, false);
    const result = await request(server.url);
    expect((result.body as string).length).toBe(20 * MB);
  });
});
