import { afterEach, describe, expect, it } from 'vitest';
import { createVexaClient, probeServer } from '../../../electron/core/vexa';
import { startSimulator } from '../../../electron/simulator';
import { controlledDns } from '../../support/controlledDns';
import { recordingFetch } from '../../support/recordingFetch';
import { startTcpTap, type TcpTap } from '../../support/tcpTap';

// Every REST request to a plain-http host name resolves the name and refuses a public address
// before a connection is opened, whatever fetch the client was given. The simulator listens on
// 127.0.0.1 behind a tap that counts connections; `vexa.internal` resolves as the test says.

const NAME = 'vexa.internal';
const PUBLIC = '203.0.113.5'; // TEST-NET-3 (RFC 5737): never a real server
const KEY = 'vxa_tx_restaddressrestaddressrest1234';
const REFUSED = `${NAME} resolves to ${PUBLIC}, a public address: plain http would send your API key unencrypted over the internet. Use https://, or check the name.`;

let cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function serverBehindTap(): Promise<{ tap: TcpTap; url: string }> {
  const sim = await startSimulator({ profile: 'g3', port: 0, apiKeys: [{ key: KEY, scopes: ['bot', 'tx'] }], seed: true });
  cleanup.push(() => sim.close());
  const target = new URL(sim.url);
  const tap = await startTcpTap({ host: target.hostname, port: Number(target.port) });
  cleanup.push(() => tap.close());
  return { tap, url: `http://${NAME}:${tap.port}` };
}

describe('REST over plain http to a host name', () => {
  it('works when the name resolves to this computer, even with an injected fetch', async () => {
    const { tap, url } = await serverBehindTap();
    const dns = controlledDns(NAME, ['127.0.0.1']);
    const recorder = recordingFetch();
    const probe = await probeServer({ baseUrl: url, apiKey: KEY, resolveHost: dns.resolveHost, fetch: recorder.fetch });
    expect(probe).toMatchObject({ ok: true, value: { generation: 'g3' } });
    expect(dns.asked[0]).toBe(NAME);
    expect(tap.sent()).toContain(KEY);
    // The injected fetch cannot take the name around the check: it is not used for it at all.
    expect(recorder.requests).toEqual([]);
  });

  it.each([
    ['a public address', [PUBLIC]],
    ['a public address after a private one', ['127.0.0.1', PUBLIC]],
    ['a public address among IPv6 ones', ['::1', 'fd00::2', PUBLIC]],
  ])('refuses %s with a sentence, before connecting', async (_what, addresses) => {
    const { tap, url } = await serverBehindTap();
    const dns = controlledDns(NAME, addresses);
    const probe = await probeServer({ baseUrl: url, apiKey: KEY, resolveHost: dns.resolveHost });
    expect(probe).toMatchObject({ ok: false, error: { code: 'invalid_url', userMessage: REFUSED } });
    expect(tap.connections).toBe(0);
    expect(tap.sent()).not.toContain(KEY);
  });

  it('resolves again for every new connection: a name that moves to a public address is refused', async () => {
    const { tap, url } = await serverBehindTap();
    const dns = controlledDns(NAME, ['127.0.0.1']);
    const client = createVexaClient({ baseUrl: url, apiKey: KEY, generation: 'g3', resolveHost: dns.resolveHost, retries: 0 });
    await client.listMeetings();

    dns.answer([PUBLIC]);
    tap.dropAll();
    // The kept-alive connection may still be closing; whichever way the next request fails, the
    // one after it needs a new connection, and that must be refused.
    await client.listMeetings().catch(() => undefined);
    const connections = tap.connections;
    await expect(client.listMeetings()).rejects.toMatchObject({ code: 'invalid_url', userMessage: REFUSED });
    expect(tap.connections).toBe(connections);
  });
});

describe('what the address check leaves alone', () => {
  it('https to a name goes through the given fetch, without asking the resolver', async () => {
    const dns = controlledDns(NAME, ['127.0.0.1']);
    const recorder = recordingFetch();
    const client = createVexaClient({
      baseUrl: `https://${NAME}`,
      apiKey: KEY,
      generation: 'g3',
      fetch: recorder.fetch,
      resolveHost: dns.resolveHost,
      retries: 0,
    });
    // recordingFetch lets only this computer through, so the request fails as unreachable.
    await expect(client.listMeetings()).rejects.toMatchObject({ code: 'unreachable' });
    expect(recorder.requests.map((r) => r.host)).toEqual([NAME]);
    expect(dns.asked).toEqual([]);
  });

  it('an IP address over plain http is never resolved', async () => {
    const { url } = await serverBehindTap();
    const dns = controlledDns(NAME, [PUBLIC]);
    const literal = url.replace(NAME, '127.0.0.1');
    const probe = await probeServer({ baseUrl: literal, apiKey: KEY, resolveHost: dns.resolveHost });
    expect(probe.ok).toBe(true);
    expect(dns.asked).toEqual([]);
  });
});
