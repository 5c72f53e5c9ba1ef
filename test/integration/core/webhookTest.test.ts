import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resolver } from '../../../electron/core/net/guardedLookup';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must, type IpcTestClient } from '../../support/ipcClient';
import { recordingFetch, type RecordingFetch } from '../../support/recordingFetch';

// "Send a test" posts a signed event with the webhook's secret from this computer. It must leave by
// the rules the API's own requests follow (electron/core/net): plain http only to this computer or
// a private network, judged on the addresses a name resolves to before connecting; no redirect
// followed; the answer's body never read. A refusal says what to do instead.

interface Receiver {
  port: number;
  received: Array<{ url: string; headers: IncomingHttpHeaders }>;
  close(): Promise<void>;
}

async function receiver(answer: (res: ServerResponse) => void): Promise<Receiver> {
  const received: Receiver['received'] = [];
  const server = createServer((req, res) => {
    received.push({ url: req.url ?? '', headers: req.headers });
    req.resume();
    req.on('end', () => answer(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// Names the tests make up: one on this network, one on the internet. Nothing resolves them but this.
const NAMES: Record<string, string> = { 'hooks.lan.test': '127.0.0.1', 'hooks.public.test': '93.184.216.34' };
const resolveHost: Resolver = async (name) => {
  const address = NAMES[name];
  if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  return [address];
};

describe('the webhook test event goes out by the API’s transport rules', () => {
  const secret = `whsec-${randomBytes(8).toString('hex')}`;
  let app: LaunchedApp;
  let ipc: IpcTestClient;
  let recorder: RecordingFetch;
  let ok: Receiver;

  beforeAll(async () => {
    recorder = recordingFetch();
    // G3: its simulator, like the real one here, takes any webhook address; the checks under test are the app's.
    app = await launchApp({ profile: 'g3', fetch: recorder.fetch, resolveHost });
    ipc = await connectIpc(app.url);
    must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey }));
    ok = await receiver((res) => res.writeHead(204).end());
  });
  afterAll(async () => {
    ipc.close();
    await app.close();
    await ok.close();
  });

  const testAt = async (url: string) => {
    must(await ipc.invoke('webhook:set', { url, secret }));
    return must(await ipc.invoke('webhook:test'));
  };

  it('plain http to a name on this network: resolved, checked and sent, signed', async () => {
    const before = ok.received.length;
    expect(await testAt(`http://hooks.lan.test:${ok.port}/vexa`)).toMatchObject({ ok: true, status: 204, signed: true });
    expect(ok.received).toHaveLength(before + 1);
    expect(ok.received.at(-1)!.headers.authorization).toBe(`Bearer ${secret}`);
  });

  it('plain http to a name that resolves to a public address: refused before connecting, in words', async () => {
    const before = ok.received.length;
    const result = await testAt(`http://hooks.public.test:${ok.port}/vexa`);
    expect(result).toEqual({
      ok: false,
      status: null,
      signed: true,
      message:
        'hooks.public.test resolves to 93.184.216.34, a public address: a plain-http test would send the signed event (and its secret) unencrypted over the internet. Use an https:// address, or a receiver on this computer or your own network.',
    });
    expect(ok.received).toHaveLength(before);
  });

  it('plain http to a public IP address: refused without a request', async () => {
    const sent = recorder.requests.length;
    expect(await testAt('http://93.184.216.34:9/vexa')).toMatchObject({
      ok: false,
      status: null,
      message: expect.stringMatching(/^93\.184\.216\.34 is a public address: .* Use an https:\/\/ address, or a receiver on this computer/),
    });
    expect(recorder.requests.slice(sent).filter((r) => r.host.startsWith('93.184.216.34'))).toEqual([]);
  });

  it('https goes anywhere, through the same fetch as the API', async () => {
    const sent = recorder.requests.length;
    // The recorder lets nothing past this computer: the request is recorded, then fails as offline.
    expect(await testAt('https://hooks.example.com/vexa')).toMatchObject({
      ok: false,
      status: null,
      message: expect.stringMatching(/could not be reached/),
    });
    expect(recorder.requests.slice(sent).map((r) => r.url)).toContain('https://hooks.example.com/vexa');
  });

  it('a redirect is reported, not followed', async () => {
    const elsewhere = await receiver((res) => res.writeHead(204).end());
    const redirecting = await receiver((res) => res.writeHead(307, { location: `http://127.0.0.1:${elsewhere.port}/collect` }).end());
    try {
      const result = await testAt(`http://127.0.0.1:${redirecting.port}/vexa`);
      expect(result).toMatchObject({
        ok: false,
        status: 307,
        message: expect.stringMatching(/a redirect to http:\/\/127\.0\.0\.1:\d+\/collect\. The test does not follow it/),
      });
      expect(redirecting.received).toHaveLength(1);
      expect(elsewhere.received).toEqual([]);
    } finally {
      await redirecting.close();
      await elsewhere.close();
    }
  });

  it('an answer that never ends is not read: the status is reported', async () => {
    const endless = await receiver((res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 120);
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    try {
      for (const host of ['127.0.0.1', 'hooks.lan.test']) {
        expect(await testAt(`http://${host}:${endless.port}/vexa`)).toMatchObject({ ok: true, status: 200 });
      }
    } finally {
      await endless.close();
    }
  });
});

describe('a server that will not call a private address (G2)', () => {
  it('says so in words at "Save", and keeps nothing', async () => {
    const app = await launchApp({ profile: 'g2' });
    const ipc = await connectIpc(app.url);
    try {
      must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey }));
      const host = new URL(app.simulatorUrl).host;
      expect(await ipc.invoke('webhook:set', { url: 'http://192.168.1.20:8080/vexa', secret: 'whsec-local' })).toEqual({
        ok: false,
        code: 'webhook_refused',
        message: `${host} will not call this address (it said: “Webhook URL must not point to a private or internal address: 192.168.1.20”): it only sends webhooks to addresses on the internet, not to this computer or a private network. Use a public https:// address; for a receiver on your computer, put a tunnel such as ngrok or cloudflared in front of it.`,
      });
      expect(must(await ipc.invoke('webhook:get'))).toMatchObject({ url: null, hasSecret: false });
    } finally {
      ipc.close();
      await app.close();
    }
  });
});
