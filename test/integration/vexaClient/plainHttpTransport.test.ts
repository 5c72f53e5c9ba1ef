import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttp } from '../../../electron/core/vexa/http';
import { controlledDns } from '../../support/controlledDns';

// Plain http to a host name goes through the core's own transport (node:http, so that each
// connection takes the address check). It must keep what the client promises over fetch: the key
// never follows a redirect, a hung server times out, a body has a cap, empty answers are fine.

const NAME = 'vexa.internal';
const KEY = 'vxa_tx_transporttransporttransport12';

interface Seen {
  method: string;
  url: string;
  key: string | undefined;
  body: string;
}

const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (open.length) await open.pop()!();
});

async function server(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ port: number; seen: Seen[] }> {
  const seen: Seen[] = [];
  const s = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', key: req.headers['x-api-key'] as string | undefined, body });
      handle(req, res);
    });
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  open.push(
    () =>
      new Promise<void>((r) => {
        s.closeAllConnections();
        s.close(() => r());
      }),
  );
  return { port: (s.address() as AddressInfo).port, seen };
}

function httpFor(port: number, extra: Partial<Parameters<typeof createHttp>[0]> = {}) {
  return createHttp({
    baseUrl: `http://${NAME}:${port}`,
    apiKey: KEY,
    resolveHost: controlledDns(NAME, ['127.0.0.1']).resolveHost,
    ...extra,
  });
}

describe('the plain-http transport', () => {
  it('sends the method, the key and a JSON body, and reads the JSON answer', async () => {
    const { port, seen } = await server((_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end('{"id":7,"name":"Ünïcode ✓"}');
    });
    const r = await httpFor(port).request('/bots', { method: 'POST', body: { native_meeting_id: 'abc-defg-hij', note: 'é' } });
    expect(r).toMatchObject({ status: 201, body: { id: 7, name: 'Ünïcode ✓' } });
    expect(seen).toEqual([{ method: 'POST', url: '/bots', key: KEY, body: '{"native_meeting_id":"abc-defg-hij","note":"é"}' }]);
  });

  it('answers 204 without a body', async () => {
    const { port } = await server((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    await expect(httpFor(port).request('/meetings/1', { method: 'DELETE', accept: 'none' })).resolves.toMatchObject({ status: 204 });
  });

  it('does not follow a redirect, so the key stays with the server it was meant for', async () => {
    const elsewhere = await server((_req, res) => res.end('{}'));
    const { port } = await server((_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${elsewhere.port}/steal` });
      res.end();
    });
    await expect(httpFor(port, { retries: 0 }).request('/meetings')).rejects.toMatchObject({ code: 'not_vexa' });
    expect(elsewhere.seen).toEqual([]);
  });

  it('gives up on a server that never answers', async () => {
    const { port } = await server(() => undefined);
    await expect(httpFor(port, { timeoutMs: 300, retries: 0 }).request('/meetings')).rejects.toMatchObject({ code: 'timeout' });
  });

  it('stops reading a body past the cap', async () => {
    const { port } = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`[${'1,'.repeat(50_000)}1]`);
    });
    await expect(httpFor(port, { maxBodyBytes: 10_000 }).request('/meetings')).rejects.toMatchObject({ code: 'too_large' });
  });

  it('turns an error status into the usual error', async () => {
    const { port } = await server((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"detail":"Invalid API key"}');
    });
    await expect(httpFor(port).request('/meetings')).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
  });
});
