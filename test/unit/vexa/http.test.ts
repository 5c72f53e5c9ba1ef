import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttp } from '../../../electron/core/vexa/http';
import type { HttpOptions } from '../../../electron/core/vexa/http';
import { VexaError } from '../../../shared/vexa/errors';
import { closedPort, sendJson, sendText, startFakeServer } from './support/fakeServer';
import type { FakeServer, Handler } from './support/fakeServer';
import { fixtureBytes, fixtureJson } from '../../support/fixtures';

const KEY = 'vxa_tx_0123456789abcdefghijklmnopqrstuv';
const errors = fixtureJson('vexa/errors.json');

let server: FakeServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function serve(handler: Handler): Promise<FakeServer> {
  server = await startFakeServer(handler);
  return server;
}

function httpFor(url: string, extra: Partial<HttpOptions> = {}) {
  const sleeps: number[] = [];
  const http = createHttp({
    baseUrl: url,
    apiKey: KEY,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...extra,
  });
  return { http, sleeps };
}

async function failure(p: Promise<unknown>): Promise<VexaError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(VexaError);
    return e as VexaError;
  }
  throw new Error('expected the request to fail');
}

function expectNoKey(e: VexaError) {
  expect(String(e)).not.toContain(KEY);
  expect(JSON.stringify(e)).not.toContain(KEY);
  expect(e.userMessage).not.toContain(KEY);
  expect(e.message).not.toContain(KEY);
}

describe('requests', () => {
  it('sends the key in X-API-Key, JSON bodies, and keeps a path prefix of the base URL', async () => {
    const s = await serve((_req, res) => sendJson(res, 201, { ok: true }));
    const { http } = httpFor(`${s.url}/vexa-api///`);
    expect(http.baseUrl).toBe(`${s.url}/vexa-api`);
    const res = await http.request('/bots', { method: 'POST', body: { platform: 'google_meet' }, query: { a: 1, b: undefined, c: 'x y' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ ok: true });
    const [req] = s.requests;
    expect(req).toMatchObject({ method: 'POST', path: '/vexa-api/bots', body: { platform: 'google_meet' } });
    expect(req!.query.toString()).toBe('a=1&c=x+y');
    expect(req!.headers['x-api-key']).toBe(KEY);
    expect(req!.headers['content-type']).toBe('application/json');
    expect(req!.headers['x-admin-api-key']).toBeUndefined();
  });

  it('sends the admin key in X-Admin-API-Key', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, []));
    await createHttp({ baseUrl: s.url, adminKey: 'admin-secret-token' }).request('/admin/users');
    expect(s.requests[0]!.headers['x-admin-api-key']).toBe('admin-secret-token');
    expect(s.requests[0]!.headers['x-api-key']).toBeUndefined();
  });

  it('reads an empty 204 without complaint', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const { http } = httpFor(s.url);
    expect((await http.request('/admin/tokens/3', { method: 'DELETE', accept: 'none' })).status).toBe(204);
  });

  it('reads UTF-8 split across chunks and skips a byte-order mark, as a browser does', async () => {
    const bytes = Buffer.from('\uFEFF{"name":"Åsa und Jörg – 会议 🎙"}', 'utf8');
    const s = await serve(async (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      // One byte at a time, so every multi-byte character arrives in pieces.
      for (const byte of bytes) {
        res.write(Buffer.from([byte]));
        await new Promise((r) => setImmediate(r));
      }
      res.end();
    });
    const { http } = httpFor(s.url);
    expect((await http.request('/meetings')).body).toEqual({ name: 'Åsa und Jörg – 会议 🎙' });
  });
});

describe('retries', () => {
  it('retries a GET after 502/503/504 with growing, jittered waits', async () => {
    let n = 0;
    const s = await serve((_req, res) =>
      ++n < 3 ? sendJson(res, n === 1 ? 502 : 504, { detail: 'upstream timeout' }) : sendJson(res, 200, { meetings: [] }),
    );
    const { http, sleeps } = httpFor(s.url);
    expect((await http.request('/meetings')).body).toEqual({ meetings: [] });
    expect(s.requests).toHaveLength(3);
    expect(sleeps).toEqual([450, 900]);
  });

  it('gives up after the configured retries and reports the last answer', async () => {
    const s = await serve((_req, res) => sendJson(res, 503, { detail: 'Service unavailable: ConnectError' }));
    const { http } = httpFor(s.url, { retries: 2 });
    const e = await failure(http.request('/meetings'));
    expect(e.code).toBe('upstream_down');
    expect(e.status).toBe(503);
    expect(s.requests).toHaveLength(3);
  });

  it('never repeats a POST after a 502: the bot may already be on its way', async () => {
    const s = await serve((_req, res) => sendJson(res, 502, errors.g3Upstream502));
    const { http, sleeps } = httpFor(s.url);
    expect((await failure(http.request('/bots', { method: 'POST', body: {} }))).code).toBe('upstream_down');
    expect(s.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('honours Retry-After on 429 for any method', async () => {
    let n = 0;
    const s = await serve((_req, res) =>
      ++n === 1
        ? sendJson(res, 429, errors.g3RateLimit429, { 'retry-after': '2' })
        : sendJson(res, 201, fixtureJson('vexa/g3.json').botCreated),
    );
    const { http, sleeps } = httpFor(s.url);
    expect((await http.request('/bots', { method: 'POST', body: {} })).status).toBe(201);
    expect(sleeps).toEqual([2000]);
  });

  it('does not wait out a long Retry-After; the error carries it for the UI', async () => {
    const s = await serve((_req, res) => sendJson(res, 429, errors.g3RateLimit429, { 'retry-after': '120' }));
    const { http, sleeps } = httpFor(s.url);
    const e = await failure(http.request('/meetings'));
    expect(e.code).toBe('rate_limited');
    expect(e.retryAfterMs).toBe(120_000);
    expect(e.userMessage).toBe('The server is getting too many requests from this key. Try again in 120 seconds.');
    expect(sleeps).toEqual([]);
  });

  it('does not retry the concurrent-bot cap even with a Retry-After', async () => {
    const s = await serve((_req, res) => sendJson(res, 429, errors.g3Limit429, { 'retry-after': '1' }));
    const { http } = httpFor(s.url);
    expect((await failure(http.request('/bots', { method: 'POST', body: {} }))).code).toBe('limit_reached');
    expect(s.requests).toHaveLength(1);
  });

  it('retries once G3 says its key check is briefly down', async () => {
    let n = 0;
    const s = await serve((_req, res) =>
      ++n === 1 ? sendJson(res, 503, errors.g3AuthDown503, { 'retry-after': '1' }) : sendJson(res, 200, fixtureJson('vexa/g3.json').authMe),
    );
    const { http, sleeps } = httpFor(s.url);
    expect((await http.request('/auth/me')).status).toBe(200);
    expect(sleeps).toEqual([1000]);
  });
});

describe('failures without a Vexa answer', () => {
  it('times out a server that never answers, without retrying', async () => {
    const s = await serve(() => undefined);
    const { http } = httpFor(s.url, { timeoutMs: 80 });
    const e = await failure(http.request('/meetings'));
    expect(e.code).toBe('timeout');
    expect(e.userMessage).toMatch(/^127\.0\.0\.1:\d+ did not answer within 1 second\./);
    expect(s.requests).toHaveLength(1);
  });

  it('times out a body that never ends', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"meetings": [');
    });
    const { http } = httpFor(s.url, { timeoutMs: 80 });
    expect((await failure(http.request('/meetings'))).code).toBe('timeout');
  });

  it('reports connection refused, retrying a GET but not a POST', async () => {
    const port = await closedPort();
    const { http, sleeps } = httpFor(`http://127.0.0.1:${port}`);
    const e = await failure(http.request('/meetings'));
    expect(e.code).toBe('unreachable');
    expect(e.userMessage).toBe(
      `Nothing is answering at 127.0.0.1:${port} (connection refused). Check the address and port, and that the Vexa server is running.`,
    );
    expect(sleeps).toHaveLength(2);
    const post = httpFor(`http://127.0.0.1:${port}`);
    await failure(post.http.request('/bots', { method: 'POST', body: {} }));
    expect(post.sleeps).toHaveLength(0);
  });

  it('recognises a web page where the API should be', async () => {
    const s = await serve((_req, res) => sendText(res, 200, errors.dashboardHtml, 'text/html; charset=utf-8'));
    const e = await failure(httpFor(s.url).http.request('/auth/me'));
    expect(e.code).toBe('not_vexa');
    expect(e.userMessage).toMatch(/answered with a web page, not the Vexa API/);
  });

  it('recognises a proxy error page after retrying it', async () => {
    const s = await serve((_req, res) => sendText(res, 502, errors.nginx502Html, 'text/html'));
    const { http } = httpFor(s.url);
    const e = await failure(http.request('/meetings'));
    expect(e.code).toBe('not_vexa');
    expect(e.userMessage).toMatch(/proxy error page \(HTTP 502 Bad Gateway\)/);
    expect(s.requests).toHaveLength(3);
  });

  it('refuses a 200 that is plain text', async () => {
    const s = await serve((_req, res) => sendText(res, 200, 'hello', 'text/plain'));
    expect((await failure(httpFor(s.url).http.request('/auth/me'))).code).toBe('not_vexa');
  });

  it('does not follow redirects (the key would travel along) and says where they point', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(301, { location: 'https://api.example.org/auth/me?next=1' });
      res.end();
    });
    const e = await failure(httpFor(s.url).http.request('/auth/me'));
    expect(e.code).toBe('not_vexa');
    expect(e.userMessage).toBe(
      `${s.url.replace('http://', '')} redirects to https://api.example.org/auth/me. If that is the Vexa API, use that address as the server URL.`,
    );
    expect(s.requests).toHaveLength(1);
  });

  it('reports an untrusted certificate as a TLS problem', async () => {
    const tls = createHttpsServer({ key: fixtureBytes('vexa/tls/key.pem'), cert: fixtureBytes('vexa/tls/cert.pem') }, (_req, res) =>
      sendJson(res, 200, {}),
    );
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    try {
      const port = (tls.address() as AddressInfo).port;
      const { http, sleeps } = httpFor(`https://127.0.0.1:${port}`);
      const e = await failure(http.request('/auth/me'));
      expect(e.code).toBe('tls');
      expect(e.userMessage).toMatch(/^The secure connection to 127\.0\.0\.1:\d+ failed: it uses a self-signed certificate/);
      expect(sleeps).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => tls.close(() => resolve()));
    }
  });

  it('stops at once when the caller cancels', async () => {
    const s = await serve(() => undefined);
    const { http } = httpFor(s.url, { timeoutMs: 10_000 });
    const controller = new AbortController();
    const pending = http.request('/meetings', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect((await failure(pending)).code).toBe('cancelled');
    const already = new AbortController();
    already.abort();
    expect((await failure(http.request('/meetings', { signal: already.signal }))).code).toBe('cancelled');
  });
});

describe('the API key never leaks', () => {
  it('is hidden when the server echoes it in an error', async () => {
    const s = await serve((req, res) =>
      req.path === '/a'
        ? sendJson(res, 401, { detail: `Invalid API key ${KEY}` })
        : req.path === '/b'
          ? sendJson(res, 422, { detail: [{ loc: ['body', 'x'], msg: `bad ${KEY}`, input: KEY }] })
          : sendText(res, 500, `Internal Server Error: ${KEY}`, 'text/plain'),
    );
    const { http } = httpFor(s.url, { retries: 0 });
    for (const path of ['/a', '/b', '/c']) {
      const e = await failure(http.request(path));
      expectNoKey(e);
    }
  });

  it('is absent from network, timeout and TLS errors', async () => {
    const port = await closedPort();
    expectNoKey(await failure(httpFor(`http://127.0.0.1:${port}`, { retries: 0 }).http.request('/meetings')));
    const s = await serve(() => undefined);
    expectNoKey(await failure(httpFor(s.url, { timeoutMs: 50 }).http.request('/meetings')));
  });

  it('refuses a base URL that is not a web address, without echoing more than it was given', () => {
    expect(() => createHttp({ baseUrl: 'ftp://files.example.org', apiKey: KEY })).toThrowError(
      expect.objectContaining({ code: 'validation' }),
    );
  });
});
