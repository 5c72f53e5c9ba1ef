import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Core } from '../../../electron/core/app';
import { startHarness, type Harness } from '../../../electron/harness/harnessServer';
import { channelNames } from '../../../shared/ipc/contract';
import type { HandlerTable } from '../../../shared/ipc/dispatch';
import { quietLogger } from '../../support/logger';

function fakeCore(): Core & { emit(event: string, payload: unknown): void; calls: string[] } {
  const listeners = new Set<(e: never, p: unknown) => void>();
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    channelNames.map((n) => [n, async (input: unknown) => (calls.push(n), { echoed: input ?? null })]),
  ) as unknown as HandlerTable;
  return {
    handlers,
    logger: quietLogger,
    calls,
    onEvent(l) {
      listeners.add(l as never);
      return () => listeners.delete(l as never);
    },
    emit(event, payload) {
      for (const l of listeners) (l as (e: string, p: unknown) => void)(event, payload);
    },
    closeNow: () => {},
    close: async () => {},
    notices: { seen: () => false, markSeen: () => {} },
    openLink: async () => ({ kind: 'refused', message: 'Not in this test.' }),
  };
}

function rendererDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vexa-renderer-'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; connect-src 'none'"><title>t</title>`,
  );
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  return dir;
}

function open(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function nextMessage(ws: WebSocket): Promise<unknown> {
  return new Promise((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));
}

/** Sends raw bytes to the harness and resolves with everything it answers until it closes. */
function rawExchange(origin: string, request: string | Buffer): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let answer = '';
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

function upgradeRequest(path: string, headers: Record<string, string>): string {
  const lines = [
    `GET ${path} HTTP/1.1`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe('web harness transport', () => {
  it('serves the renderer with connect-src opened for its own socket only', async () => {
    harness = await startHarness({ core: fakeCore(), rendererDir: rendererDir() });
    const res = await fetch(`${harness.origin}/`);
    const html = await res.text();
    expect(html).toContain(`connect-src ws://${new URL(harness.origin).host}`);
    expect(html).not.toContain("connect-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect((await fetch(`${harness.origin}/..%2f..%2fetc/passwd`)).status).toBe(400);
    expect((await fetch(`${harness.origin}/assets/app.js`)).status).toBe(200);
    expect((await fetch(`${harness.origin}/missing.js`)).status).toBe(404);
  });

  it('does not follow symlinks out of the renderer folder', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'vexa-outside-'));
    writeFileSync(join(outside, 'settings.json'), '{"outside":true}');
    const dir = rendererDir();
    symlinkSync(join(outside, 'settings.json'), join(dir, 'assets', 'leak.json'));
    symlinkSync(outside, join(dir, 'up'));
    harness = await startHarness({ core: fakeCore(), rendererDir: dir });
    for (const path of ['/assets/leak.json', '/up/settings.json']) {
      const res = await fetch(`${harness.origin}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('outside');
    }
    expect((await fetch(`${harness.origin}/assets/app.js`)).status).toBe(200);
  });

  it('binds to 127.0.0.1 only and puts a long random token in the page URL', async () => {
    harness = await startHarness({ core: fakeCore(), rendererDir: rendererDir() });
    const url = new URL(harness.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.hash).toMatch(/^#token=[A-Za-z0-9_-]{32,}$/);
    const other = await startHarness({ core: fakeCore(), rendererDir: rendererDir() });
    expect(new URL(other.url).hash).not.toBe(url.hash);
    await other.close();
  });

  it('refuses a request whose Host header is not its own (DNS rebinding)', async () => {
    harness = await startHarness({ core: fakeCore(), rendererDir: rendererDir() });
    const port = new URL(harness.origin).port;
    const res = await new Promise<number>((resolve) => {
      void import('node:http').then(({ request }) =>
        request({ host: '127.0.0.1', port, path: '/', headers: { host: `evil.example:${port}` } }, (r) => resolve(r.statusCode ?? 0)).end(),
      );
    });
    expect(res).toBe(421);
  });

  it('refuses sockets without the token, with a wrong token, a foreign Origin or a foreign Host', async () => {
    const core = fakeCore();
    harness = await startHarness({ core, rendererDir: rendererDir() });
    const host = new URL(harness.origin).host;
    const token = new URL(harness.url).hash.slice('#token='.length);
    const base = `ws://${host}/ipc`;
    await expect(open(`${base}`, { origin: harness.origin })).rejects.toThrow('403');
    await expect(open(`${base}?token=${token}x`, { origin: harness.origin })).rejects.toThrow('403');
    await expect(open(`${base}?token=${token}`, { origin: 'http://evil.example' })).rejects.toThrow('403');
    await expect(open(`${base}?token=${token}`)).rejects.toThrow('403');
    await expect(open(`${base}?token=${token}`, { origin: 'http://evil.example', host: 'evil.example' })).rejects.toThrow('403');
    const ok = await open(`${base}?token=${token}`, { origin: harness.origin });
    ok.close();
    expect(core.calls).toEqual([]);
  });

  it('carries requests to the handler table and pushes events to the page', async () => {
    const core = fakeCore();
    harness = await startHarness({ core, rendererDir: rendererDir() });
    const token = new URL(harness.url).hash.slice('#token='.length);
    const ws = await open(`ws://${new URL(harness.origin).host}/ipc?token=${token}`, { origin: harness.origin });
    ws.send(JSON.stringify({ id: 1, channel: 'settings:update', input: { theme: 'dark' } }));
    expect(await nextMessage(ws)).toEqual({ id: 1, result: { ok: true, value: { echoed: { theme: 'dark' } } } });
    ws.send(JSON.stringify({ id: 2, channel: 'settings:update', input: { theme: 'neon' } }));
    expect(await nextMessage(ws)).toMatchObject({ id: 2, result: { ok: false, code: 'validation' } });
    ws.send(JSON.stringify({ id: 3, channel: 'fs:readFile', input: '/etc/passwd' }));
    expect(await nextMessage(ws)).toMatchObject({ id: 3, result: { ok: false, code: 'unknown_channel' } });
    const pushed = nextMessage(ws);
    core.emit('app:state', { hello: 1 });
    expect(await pushed).toEqual({ event: 'app:state', payload: { hello: 1 } });
    expect(core.calls).toEqual(['settings:update']);
    ws.close();
  });

  it('sends the app state as the first frame to a page that asks for it, before any request', async () => {
    const core = fakeCore();
    harness = await startHarness({ core, rendererDir: rendererDir() });
    const token = new URL(harness.url).hash.slice('#token='.length);
    const base = `ws://${new URL(harness.origin).host}/ipc?token=${token}`;
    // As the page opens it (renderer/platform/webToken.ts): nothing sent, the state comes anyway.
    // Listening from the start: the frame may come in the same packet as the handshake's answer.
    const page = new WebSocket(`${base}&state=push`, { headers: { origin: harness.origin } });
    expect(await nextMessage(page)).toEqual({ event: 'app:state', payload: { echoed: {} } });
    expect(core.calls).toEqual(['app:getState']);
    // A client that did not ask gets answers to its own requests only.
    const other = await open(base, { origin: harness.origin });
    other.send(JSON.stringify({ id: 1, channel: 'bots:tracked' }));
    expect(await nextMessage(other)).toMatchObject({ id: 1, result: { ok: true } });
    expect(core.calls).toEqual(['app:getState', 'bots:tracked']);
    page.close();
    other.close();
  });

  it('survives malformed frames and keeps answering', async () => {
    harness = await startHarness({ core: fakeCore(), rendererDir: rendererDir() });
    const token = new URL(harness.url).hash.slice('#token='.length);
    const ws = await open(`ws://${new URL(harness.origin).host}/ipc?token=${token}`, { origin: harness.origin });
    for (const junk of ['{', 'null', '[]', '"x"', JSON.stringify({ id: 'a', channel: 'app:getState' }), Buffer.from([0, 1, 2])])
      ws.send(junk);
    ws.send(JSON.stringify({ id: 9, channel: 'app:getState' }));
    expect(await nextMessage(ws)).toMatchObject({ id: 9, result: { ok: true } });
    ws.close();
  });

  it('answers 400 to a socket request whose path cannot be parsed, and keeps serving', async () => {
    const core = fakeCore();
    harness = await startHarness({ core, rendererDir: rendererDir() });
    const host = new URL(harness.origin).host;
    const token = new URL(harness.url).hash.slice('#token='.length);
    // Any web page can make the browser send this: new WebSocket('ws://127.0.0.1:PORT//[').
    for (const path of ['//[', '//[::1', 'http://[', `//[/ipc?token=${token}`]) {
      const answer = await rawExchange(harness.origin, upgradeRequest(path, { Host: host, Origin: harness.origin }));
      expect(answer, path).toMatch(/^HTTP\/1\.1 400 /);
    }
    expect(await rawExchange(harness.origin, 'GET /\u0000[ HTTP/1.1\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    expect(await rawExchange(harness.origin, 'NOT AN HTTP REQUEST\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    // A foreign page is refused on its Origin or Host before its path is even read.
    expect(await rawExchange(harness.origin, upgradeRequest('//[', { Host: host, Origin: 'http://evil.example' }))).toMatch(
      /^HTTP\/1\.1 403 /,
    );
    expect(
      await rawExchange(
        harness.origin,
        upgradeRequest('//[', { Host: `evil.example:${new URL(harness.origin).port}`, Origin: harness.origin }),
      ),
    ).toMatch(/^HTTP\/1\.1 403 /);
    expect((await fetch(`${harness.origin}/`)).status).toBe(200);
    const ws = await open(`ws://${host}/ipc?token=${token}`, { origin: harness.origin });
    ws.send(JSON.stringify({ id: 1, channel: 'app:getState' }));
    expect(await nextMessage(ws)).toMatchObject({ id: 1, result: { ok: true } });
    ws.close();
  });

  it('closes a client that breaks the WebSocket protocol and keeps serving the others', async () => {
    const core = fakeCore();
    harness = await startHarness({ core, rendererDir: rendererDir() });
    const host = new URL(harness.origin).host;
    const token = new URL(harness.url).hash.slice('#token='.length);
    const other = await open(`ws://${host}/ipc?token=${token}`, { origin: harness.origin });
    const mask = Buffer.from([1, 2, 3, 4]);
    const length = Buffer.alloc(8);
    length.writeBigUInt64BE(2n * 1024n * 1024n);
    const frames = {
      // A text frame announcing 2 MiB, over the 1 MiB cap: refused from its header alone.
      oversized: Buffer.concat([Buffer.from([0x81, 0x80 | 127]), length, mask]),
      // Opcode 3 is reserved.
      reservedOpcode: Buffer.concat([Buffer.from([0x83, 0x80]), mask]),
      // Frames from a client must be masked.
      unmasked: Buffer.from([0x81, 0x02, 0x68, 0x69]),
    };
    for (const [name, frame] of Object.entries(frames)) {
      const upgrade = upgradeRequest(`/ipc?token=${token}`, { Host: host, Origin: harness.origin });
      const answer = await rawExchange(harness.origin, Buffer.concat([Buffer.from(upgrade), frame]));
      expect(answer, name).toMatch(/^HTTP\/1\.1 101 /);
    }
    other.send(JSON.stringify({ id: 7, channel: 'app:getState' }));
    expect(await nextMessage(other)).toMatchObject({ id: 7, result: { ok: true } });
    const later = await open(`ws://${host}/ipc?token=${token}`, { origin: harness.origin });
    later.close();
    other.close();
  });
});
