import { afterEach, describe, expect, it } from 'vitest';
import type { LiveStateView } from '../../../shared/ipc/models';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must, type IpcTestClient } from '../../support/ipcClient';
import { controlledDns, type ControlledDns } from '../../support/controlledDns';
import { startTcpTap, type TcpTap } from '../../support/tcpTap';
import { waitFor } from '../../support/waitFor';

// Plain http is allowed only to loopback and private addresses, and a name ("vexa.internal") says
// nothing about where it leads: the core resolves it on every connection, REST and live socket
// alike, and refuses before sending a byte when an address is public. The names here resolve
// through a resolver the test controls; every server is on 127.0.0.1, behind a tap that counts
// connections, so "refused" is shown as "nothing was ever connected", not as a failed request.
// Mixed answers and https: test/integration/vexaClient/plainHttpAddress.test.ts (REST) and
// test/integration/live/plainWsAddress.test.ts (live socket).

const NAME = 'vexa.internal';
const PUBLIC = '203.0.113.5'; // TEST-NET-3 (RFC 5737): never a real server
const REFUSED = `${NAME} resolves to ${PUBLIC}, a public address: plain http would send your API key unencrypted over the internet. Use https://, or check the name.`;

let cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function launchBehindTap(dns: ControlledDns): Promise<{ app: LaunchedApp; ipc: IpcTestClient; tap: TcpTap; url: string }> {
  const app = await launchApp({ profile: 'g3', resolveHost: dns.resolveHost });
  cleanup.push(() => app.close());
  const sim = new URL(app.simulatorUrl);
  const tap = await startTcpTap({ host: sim.hostname, port: Number(sim.port) });
  cleanup.push(() => tap.close());
  const ipc = await connectIpc(app.url);
  cleanup.push(() => ipc.close());
  return { app, ipc, tap, url: `http://${NAME}:${tap.port}` };
}

async function liveState(ipc: IpcTestClient): Promise<LiveStateView> {
  return must(await ipc.invoke('live:state'));
}

describe('plain http to a host name', () => {
  it('connects, REST and live socket, when the name resolves to this computer', async () => {
    const dns = controlledDns(NAME, ['127.0.0.1']);
    const { app, ipc, tap, url } = await launchBehindTap(dns);

    const view = must(await ipc.invoke('connection:connect', { url, apiKey: app.apiKey }));
    expect(view).toMatchObject({ status: 'connected', server: { url, insecure: true } });
    await waitFor('the live socket to open through the name', async () => (await liveState(ipc)).status === 'connected');
    expect(dns.asked).toContain(NAME);
    expect(tap.sent()).toContain('GET /ws');
    expect(tap.sent()).toContain(app.apiKey);
  });

  it('refuses a name that resolves to a public address, before anything is sent', async () => {
    const dns = controlledDns(NAME, [PUBLIC]);
    const { app, ipc, tap, url } = await launchBehindTap(dns);

    const r = await ipc.invoke('connection:connect', { url, apiKey: app.apiKey });
    expect(r).toEqual({ ok: false, code: 'invalid_url', message: REFUSED });
    expect(dns.asked).toContain(NAME);
    expect(tap.connections).toBe(0);
    expect(must(await ipc.invoke('app:getState')).connection.status).toBe('none');
  });

  it('checks again on every new connection: a name that moves to a public address is refused', async () => {
    const dns = controlledDns(NAME, ['127.0.0.1']);
    const { app, ipc, tap, url } = await launchBehindTap(dns);
    must(await ipc.invoke('connection:connect', { url, apiKey: app.apiKey }));
    await waitFor('the live socket to open', async () => (await liveState(ipc)).status === 'connected');

    dns.answer([PUBLIC]);
    tap.dropAll();
    const live = await waitFor('the live socket to say why it cannot reconnect', async () => {
      const s = await liveState(ipc);
      return s.status === 'offline' && s.message === REFUSED ? s : null;
    });
    expect(live.message).toBe(REFUSED);
    const connectionsBefore = tap.connections;

    const recheck = must(await ipc.invoke('connection:recheck'));
    expect(recheck.error).toEqual({ code: 'invalid_url', message: REFUSED });
    must(await ipc.invoke('live:reconnectNow'));
    await waitFor('the next reconnect to be refused too', async () => {
      const s = await liveState(ipc);
      return s.status === 'offline' && s.attempt >= 2;
    });
    expect(tap.connections).toBe(connectionsBefore);
  });
});

describe('what the address check leaves alone', () => {
  it('an IP address over plain http is judged as typed and never resolved', async () => {
    const dns = controlledDns(NAME, [PUBLIC]);
    const { app, ipc } = await launchBehindTap(dns);
    const view = must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey }));
    expect(view.status).toBe('connected');
    await waitFor('the live socket to open', async () => (await liveState(ipc)).status === 'connected');
    expect(dns.asked).toEqual([]);
  });
});
