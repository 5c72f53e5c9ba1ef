import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import * as tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { VexaError } from '../../../shared/vexa';
import { LiveSocket, type LiveState } from '../../../electron/core/live/liveSocket';
import { systemClock } from '../../../electron/core/ports';
import { configureTlsTrust } from '../../../electron/core/tlsTrust';
import { createHttp } from '../../../electron/core/vexa/http';
import { quietLogger } from '../../support/logger';
import { waitFor } from '../../support/waitFor';
import { fixtureBytes, fixturePath, fixtureText } from '../../support/fixtures';

const CA_FILE = fixturePath('tls/ca.pem');
const API_KEY = 'vxa_tx_privatecaprivatecaprivateca12';

// setDefaultCACertificates is process-wide and a vitest worker may run other files afterwards.
let originalDefaults: string[] = [];
let server: Server;
let wss: WebSocketServer;
let baseUrl = '';
const liveHeaders: Array<string | string[] | undefined> = [];

beforeAll(async () => {
  originalDefaults = tls.getCACertificates('default');
  // A company server: its certificate comes from a private CA and it sends only the leaf.
  server = createServer({ cert: fixtureBytes('tls/server.pem'), key: fixtureBytes('tls/server-key.pem') }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', connection: 'close' });
    res.end(JSON.stringify({ meetings: [] }));
  });
  wss = new WebSocketServer({ server, path: '/ws' });
  wss.on('connection', (ws, req) => {
    liveHeaders.push(req.headers['x-api-key']);
    ws.on('message', () => ws.send(JSON.stringify({ type: 'pong' })));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  tls.setDefaultCACertificates(originalDefaults);
  for (const client of wss.clients) client.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function failure(promise: Promise<unknown>): Promise<VexaError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof VexaError) return e;
    throw e;
  }
  throw new Error('expected the request to fail');
}

describe('a self-hosted server behind a private certificate authority', () => {
  it('is refused with advice until its CA is trusted, then REST and the live socket both connect', async () => {
    const http = createHttp({ baseUrl, apiKey: API_KEY, retries: 0, timeoutMs: 5_000 });

    const refused = await failure(http.request('/meetings'));
    expect(refused.code).toBe('tls');
    expect(refused.userMessage).toMatch(/^The secure connection to 127\.0\.0\.1:\d+ failed: its certificate is signed by an authority/);
    expect(refused.userMessage).toMatch(/trust store and restart the app, or point NODE_EXTRA_CA_CERTS at a PEM file/);

    const summary = configureTlsTrust({ env: { NODE_EXTRA_CA_CERTS: CA_FILE } });
    expect(summary).toMatchObject({ extraFile: CA_FILE, extra: 1, applied: true, warnings: [] });
    const squash = (pem: string) => pem.replace(/\s+/g, '');
    expect(tls.getCACertificates('default').map(squash)).toContain(squash(fixtureText('tls/ca.pem')));

    const ok = await http.request('/meetings');
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ meetings: [] });

    const states: LiveState[] = [];
    const live = new LiveSocket({
      url: `${baseUrl.replace('https://', 'wss://')}/ws`,
      apiKey: API_KEY,
      clock: systemClock,
      logger: quietLogger,
      onFrame: () => undefined,
      onState: (s) => states.push(s),
    });
    try {
      live.start();
      await waitFor('the live socket to connect', () => {
        const last = states.at(-1);
        if (last?.status === 'reconnecting') throw new Error('the live socket could not connect');
        return last?.status === 'connected';
      });
      expect(liveHeaders).toEqual([API_KEY]);
    } finally {
      live.close();
    }
  });
});
