import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createVexaAdminClient, type VexaAdminClient } from '../../../electron/core/vexa';
import { startSimulator, type SimProfile, type Simulator } from '../../../electron/simulator';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must, type IpcTestClient } from '../../support/ipcClient';
import { recordingFetch, type RecordingFetch } from '../../support/recordingFetch';
import { pause, waitFor } from '../../support/waitFor';

// An administrator revokes the key this app is connected with. "Check again" (the Server card) must
// not answer "connected" with an error beside it: the connection ends, nothing goes on sending the
// refused key (REST, the live socket, the library sync), and the app asks for a new key for that
// server only, as it does when a stored key is missing at start. The next start does the same
// without sending the refused key again.

const open: Array<{ app: LaunchedApp; ipc: IpcTestClient }> = [];
const sims: Simulator[] = [];
const dataDirs: string[] = [];
afterEach(async () => {
  while (open.length) {
    const { app, ipc } = open.pop()!;
    ipc.close();
    await app.close();
  }
  while (sims.length) await sims.pop()!.close();
  while (dataDirs.length) rmSync(dataDirs.pop()!, { recursive: true, force: true });
});

const adminKey = `admin-${randomBytes(8).toString('hex')}`;
const appKey = `vxa_tx_${randomBytes(16).toString('hex')}`;

async function serverWithColleague(profile: SimProfile) {
  const sim = await startSimulator({
    profile,
    port: 0,
    apiKeys: [{ key: appKey, scopes: ['bot', 'tx'] }],
    adminKey,
    rateLimitPerMinute: 0,
    timeScale: 20,
  });
  sims.push(sim);
  const admin: VexaAdminClient = createVexaAdminClient({ baseUrl: sim.adminUrl!, adminKey, generation: profile });
  const { user } = await admin.createUser({ email: `colleague-${randomBytes(4).toString('hex')}@example.com` });
  const token = await admin.mintToken(user.id, profile === 'g1' ? {} : { scopes: ['bot', 'tx'] });
  return { sim, admin, token };
}

async function launch(sim: Simulator, recorder: RecordingFetch, dataDir?: string) {
  const app = await launchApp({ simulator: sim, persistKeys: true, fetch: recorder.fetch, ...(dataDir ? { dataDir } : {}) });
  const launched = { app, ipc: await connectIpc(app.url) };
  open.push(launched);
  return launched;
}

const liveSockets = async (sim: Simulator): Promise<number> => {
  const res = await fetch(`${sim.url}/_sim/state`, { headers: { 'X-Admin-API-Key': adminKey } });
  return ((await res.json()) as { sockets: number }).sockets;
};

describe.each(['g1', 'g2', 'g3'] as const)('a key revoked while in use, profile %s', (profile) => {
  it('"Check again" ends the connection, stops every use of the key and asks for a new one for this server', async () => {
    const { sim, admin, token } = await serverWithColleague(profile);
    const recorder = recordingFetch();
    const { ipc } = await launch(sim, recorder);
    const host = new URL(sim.url).host;
    const connected = must(await ipc.invoke('connection:connect', { url: sim.url, apiKey: token.value, keyStorage: 'plaintext' }));
    expect(connected.status).toBe('connected');
    const masked = connected.key!.label;
    must(await ipc.invoke('admin:setKey', { key: adminKey, ...(profile === 'g3' ? { adminUrl: sim.adminUrl! } : {}) }));
    // The live socket is open with this key.
    await waitFor('the live socket to open', async () => (await liveSockets(sim)) > 0);

    await admin.revokeToken(token.id);
    const view = must(await ipc.invoke('connection:recheck'));

    expect(view).toEqual({
      status: 'none',
      server: null,
      key: null,
      error: {
        code: 'key_refused',
        message: `${host} refused the API key this app was using (${masked}): it may have been revoked. Enter a new API key for ${host}.`,
      },
      keyNeeded: { id: sim.url, url: sim.url, label: host },
    });
    expect(must(await ipc.invoke('app:getState')).connection).toEqual(view);

    // Nothing goes on with the refused key: the live socket closes, and what needs the server says
    // to connect first instead of sending it.
    await waitFor('the live socket to close', async () => (await liveSockets(sim)) === 0);
    const sentBefore = recorder.requests.filter((r) => r.apiKey === token.value).length;
    expect(await ipc.invoke('bots:launch', { link: 'https://meet.google.com/abc-defg-hij' })).toMatchObject({
      ok: false,
      code: 'not_connected',
    });
    // With no server the library sync has nothing to do (and so sends nothing).
    expect(await ipc.invoke('library:sync', { full: true })).toEqual({ ok: true, value: null });
    await pause(500);
    expect(recorder.requests.filter((r) => r.apiKey === token.value)).toHaveLength(sentBefore);
    expect(await liveSockets(sim)).toBe(0);

    // The new key goes to this server, and the app is connected again.
    const again = must(await ipc.invoke('connection:reenterKey', { apiKey: appKey, keyStorage: 'plaintext' }));
    expect(again).toMatchObject({ status: 'connected', error: null, keyNeeded: null, server: { url: sim.url } });
    // The admin key belongs to the server, not to the refused user key: it stays.
    expect(must(await ipc.invoke('admin:status')).keyStored).toBe(true);
  });

  it('a stored key revoked while the app was closed: the check at start leads to the same screen', async () => {
    const { sim, admin, token } = await serverWithColleague(profile);
    const first = await launch(sim, recordingFetch());
    must(await first.ipc.invoke('connection:connect', { url: sim.url, apiKey: token.value, keyStorage: 'plaintext' }));
    const dataDir = first.app.dataDir;
    dataDirs.push(dataDir);
    open.splice(open.indexOf(first), 1);
    first.ipc.close();
    await first.app.close({ keepData: true });
    await admin.revokeToken(token.id);

    const { ipc } = await launch(sim, recordingFetch(), dataDir);
    const host = new URL(sim.url).host;
    const state = await waitFor('the check at start to refuse the key', async () => {
      const connection = must(await ipc.invoke('app:getState')).connection;
      return connection.keyNeeded ? connection : null;
    });
    expect(state).toMatchObject({
      status: 'none',
      server: null,
      error: {
        code: 'key_refused',
        message: expect.stringMatching(new RegExp(`^${host.replace(/\./g, '\\.')} refused the API key this app was using`)),
      },
      keyNeeded: { url: sim.url },
    });
    await waitFor('the live socket to close', async () => (await liveSockets(sim)) === 0);
  });

  it('choosing another server instead forgets this one, its admin key too', async () => {
    const { sim, admin, token } = await serverWithColleague(profile);
    const { ipc } = await launch(sim, recordingFetch());
    must(await ipc.invoke('connection:connect', { url: sim.url, apiKey: token.value, keyStorage: 'plaintext' }));
    must(await ipc.invoke('admin:setKey', { key: adminKey, ...(profile === 'g3' ? { adminUrl: sim.adminUrl! } : {}) }));
    await admin.revokeToken(token.id);
    expect(must(await ipc.invoke('connection:recheck')).keyNeeded).not.toBeNull();

    expect(must(await ipc.invoke('connection:disconnect'))).toMatchObject({ status: 'none', keyNeeded: null, error: null });
    must(await ipc.invoke('connection:connect', { url: sim.url, apiKey: appKey, keyStorage: 'plaintext' }));
    expect(must(await ipc.invoke('admin:status')).keyStored).toBe(false);
  });

  it('the next start asks for a new key without sending the refused one', async () => {
    const { sim, admin, token } = await serverWithColleague(profile);
    const first = await launch(sim, recordingFetch());
    must(await first.ipc.invoke('connection:connect', { url: sim.url, apiKey: token.value, keyStorage: 'plaintext' }));
    await admin.revokeToken(token.id);
    expect(must(await first.ipc.invoke('connection:recheck')).error?.code).toBe('key_refused');
    const dataDir = first.app.dataDir;
    dataDirs.push(dataDir);
    open.splice(open.indexOf(first), 1);
    first.ipc.close();
    await first.app.close({ keepData: true });

    const recorder = recordingFetch();
    const { ipc } = await launch(sim, recorder, dataDir);
    const host = new URL(sim.url).host;
    expect(must(await ipc.invoke('app:getState')).connection).toEqual({
      status: 'none',
      server: null,
      key: null,
      error: { code: 'key_refused', message: `Enter a new API key for ${host}: the app no longer has a key that ${host} accepts.` },
      keyNeeded: { id: sim.url, url: sim.url, label: host },
    });
    expect(recorder.hostsGiven(token.value)).toEqual([]);
  });
});

describe('a key revoked on one of two servers', () => {
  it('ends that server’s connection only: the other stays connected, its live socket and bots untouched', async () => {
    const lab = await serverWithColleague('g3');
    const other = await serverWithColleague('g2');
    const recorder = recordingFetch();
    const { ipc } = await launch(other.sim, recorder);
    const labId = must(
      await ipc.invoke('servers:add', { url: lab.sim.url, apiKey: lab.token.value, keyStorage: 'plaintext', label: 'Lab' }),
    ).id;
    const otherId = must(await ipc.invoke('servers:add', { url: other.sim.url, apiKey: appKey, keyStorage: 'plaintext' })).id;
    must(await ipc.invoke('admin:setKey', { serverId: labId, key: adminKey, adminUrl: lab.sim.adminUrl! }));
    await waitFor('both live sockets to open', async () => (await liveSockets(lab.sim)) > 0 && (await liveSockets(other.sim)) > 0);
    const bot = must(await ipc.invoke('bots:launch', { serverId: otherId, link: 'https://meet.google.com/abc-defg-hij' }));

    await lab.admin.revokeToken(lab.token.id);
    const refused = must(await ipc.invoke('servers:recheck', { serverId: labId }));

    expect(refused).toMatchObject({
      status: 'key_needed',
      key: null,
      slots: null,
      error: {
        code: 'key_refused',
        message: expect.stringMatching(
          /^Lab refused the API key this app was using \(.+\): it may have been revoked\. Enter a new API key for Lab\.$/,
        ),
      },
    });
    await waitFor('Lab’s live socket to close', async () => (await liveSockets(lab.sim)) === 0);
    const sentBefore = recorder.requests.filter((r) => r.apiKey === lab.token.value).length;
    expect(await ipc.invoke('bots:launch', { serverId: labId, link: 'https://meet.google.com/xyz-abcd-efg' })).toMatchObject({
      ok: false,
      code: 'not_connected',
      message: expect.stringMatching(/^Lab is not connected/),
    });

    // The other server goes on as it was: connected, its socket open, its bot followed, new bots sent.
    const state = must(await ipc.invoke('app:getState'));
    expect(state.servers.find((s) => s.id === otherId)).toMatchObject({ status: 'connected', error: null, key: { storage: 'plaintext' } });
    expect(await liveSockets(other.sim)).toBeGreaterThan(0);
    expect(must(await ipc.invoke('bots:tracked')).map((m) => [m.serverId, m.id])).toContainEqual([otherId, bot.id]);
    expect(must(await ipc.invoke('bots:launch', { serverId: otherId, link: 'https://meet.google.com/xyz-abcd-efg' })).serverId).toBe(
      otherId,
    );
    await pause(300);
    expect(recorder.requests.filter((r) => r.apiKey === lab.token.value)).toHaveLength(sentBefore);

    // A new key brings Lab back; its admin key stayed with it.
    expect(must(await ipc.invoke('servers:reenterKey', { serverId: labId, apiKey: appKey, keyStorage: 'plaintext' })).status).toBe(
      'connected',
    );
    expect(must(await ipc.invoke('admin:status', { serverId: labId })).keyStored).toBe(true);
  });
});
