import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type SimProfile, type Simulator } from '../../../electron/simulator';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must, type IpcTestClient } from '../../support/ipcClient';
import { recordingFetch, type RecordingFetch } from '../../support/recordingFetch';

// A key kept for the session only is gone after a relaunch, and the app asks for it again for the
// server it was connected to. Whatever the person or the window does then, that key reaches that
// server and no other host, until they explicitly choose another server.

const CLOUD = 'https://api.cloud.vexa.ai';

interface Context {
  sim: Simulator;
  apiKey: string;
  dataDir: string;
}

const open: Array<{ app: LaunchedApp; ipc: IpcTestClient }> = [];
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (open.length) {
    const { app, ipc } = open.pop()!;
    ipc.close();
    await app.close({ keepData: true });
  }
  while (cleanup.length) await cleanup.pop()!();
});

/** A server connected to once with a session-only key (the harness keeps keys in memory), then the app closed. */
async function connectedOnce(profile: SimProfile): Promise<Context> {
  const apiKey = `vxa_tx_${randomBytes(16).toString('hex')}`;
  const sim = await startSimulator({ profile, port: 0, apiKeys: [{ key: apiKey, scopes: ['bot', 'tx'] }], seed: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'vexa-rekey-'));
  cleanup.push(async () => {
    await sim.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const first = await relaunch({ sim, apiKey, dataDir });
  const view = must(await first.ipc.invoke('connection:connect', { url: sim.url, apiKey }));
  expect(view.key?.storage).toBe('session');
  open.splice(open.indexOf(first), 1);
  first.ipc.close();
  await first.app.close({ keepData: true });
  return { sim, apiKey, dataDir };
}

async function relaunch(c: Context, recorder?: RecordingFetch): Promise<{ app: LaunchedApp; ipc: IpcTestClient }> {
  const app = await launchApp({ simulator: c.sim, apiKey: c.apiKey, dataDir: c.dataDir, ...(recorder ? { fetch: recorder.fetch } : {}) });
  const launched = { app, ipc: await connectIpc(app.url) };
  open.push(launched);
  return launched;
}

describe.each(['g1', 'g2', 'g3'] as const)('re-entering a session-only key for a %s server', (profile) => {
  it('names that server, and sends the key there and to no other host', async () => {
    const c = await connectedOnce(profile);
    const recorder = recordingFetch();
    const { ipc } = await relaunch(c, recorder);
    const simHost = new URL(c.sim.url).host;

    const state = must(await ipc.invoke('app:getState')).connection;
    expect(state).toMatchObject({ status: 'none', server: null, error: { code: 'key_missing' } });
    expect(state.keyNeeded).toEqual({ id: c.sim.url, url: c.sim.url, label: simHost });

    // A window that sent the key elsewhere (the field used to hold Vexa Cloud) is refused before any request.
    for (const attempt of [
      ipc.invoke('connection:connect', { url: CLOUD, apiKey: c.apiKey }),
      ipc.invoke('connection:probe', { url: CLOUD, apiKey: c.apiKey }),
    ]) {
      expect(await attempt).toMatchObject({ ok: false, code: 'other_server', message: expect.stringContaining(simHost) });
    }
    expect(recorder.requests).toEqual([]);

    must(await ipc.invoke('connection:probe', { url: c.sim.url, apiKey: c.apiKey }));
    const view = must(await ipc.invoke('connection:reenterKey', { apiKey: ` ${c.apiKey} ` }));
    expect(view).toMatchObject({ status: 'connected', server: { url: c.sim.url, generation: profile }, keyNeeded: null });
    expect(recorder.hostsGiven(c.apiKey)).toEqual([simHost]);
    expect(recorder.requests.every((r) => r.host === simHost)).toBe(true);
  });
});

describe('choosing another server instead', () => {
  it('forgets the waiting server: the next key goes where the person typed, and the next launch asks nothing', async () => {
    const c = await connectedOnce('g3');
    const recorder = recordingFetch();
    const { ipc } = await relaunch(c, recorder);
    // A wrong key is refused by that server, and the screen still waits for its key.
    expect(await ipc.invoke('connection:reenterKey', { apiKey: 'vxa_tx_not_the_key' })).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(must(await ipc.invoke('app:getState')).connection.keyNeeded?.url).toBe(c.sim.url);
    const cleared = must(await ipc.invoke('connection:disconnect'));
    expect(cleared).toMatchObject({ status: 'none', keyNeeded: null, error: null });
    // Now the person typed another address on purpose: the request goes there (and finds no server here).
    const elsewhere = await ipc.invoke('connection:connect', { url: CLOUD, apiKey: c.apiKey });
    expect(elsewhere).toMatchObject({ ok: false, code: 'unreachable' });
    expect(recorder.hostsGiven(c.apiKey)).toEqual(['api.cloud.vexa.ai']);

    const again = await relaunch(c);
    expect(must(await again.ipc.invoke('app:getState')).connection).toMatchObject({ status: 'none', error: null, keyNeeded: null });
  });

  it('the Add server form tests another address while one server waits for its key, and that key stays unsent', async () => {
    const c = await connectedOnce('g2');
    const otherKey = `vxa_tx_${randomBytes(16).toString('hex')}`;
    const other = await startSimulator({ profile: 'g3', port: 0, apiKeys: [{ key: otherKey, scopes: ['bot', 'tx'] }] });
    cleanup.push(() => other.close());
    const recorder = recordingFetch();
    const { ipc } = await relaunch(c, recorder);
    expect(must(await ipc.invoke('app:getState')).connection.keyNeeded?.url).toBe(c.sim.url);

    const tested = must(await ipc.invoke('connection:probe', { url: other.url, apiKey: otherKey, namedServer: true }));
    expect(tested).toMatchObject({ url: other.url, generation: 'g3' });
    // The waiting server still waits, and only the typed key went to the typed address.
    expect(must(await ipc.invoke('app:getState')).connection.keyNeeded?.url).toBe(c.sim.url);
    expect(recorder.hostsGiven(otherKey)).toEqual([new URL(other.url).host]);
    expect(recorder.hostsGiven(c.apiKey)).toEqual([]);
  });

  it('without a waiting server, re-entering a key says what to do instead', async () => {
    const app = await launchApp({ profile: 'g3' });
    const ipc = await connectIpc(app.url);
    open.push({ app, ipc });
    expect(await ipc.invoke('connection:reenterKey', { apiKey: app.apiKey })).toMatchObject({ ok: false, code: 'no_server' });
  });
});
