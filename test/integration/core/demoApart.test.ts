import { afterEach, describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../../electron/core/secrets/fileSecretStore';
import { startSimulator, type Simulator } from '../../../electron/simulator';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must, type IpcTestClient } from '../../support/ipcClient';
import { waitFor } from '../../support/waitFor';

// The demo is a server of its own (id `demo`) beside the real ones: its meetings never mix with
// theirs, they stay while the app restarts with the demo on, and they leave with the demo.

const apps: LaunchedApp[] = [];
const simulators: Simulator[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
  while (simulators.length) await simulators.pop()!.close();
});

const KEY = 'vxa_tx_realserverkey000000000000000001';

async function open(options: Parameters<typeof launchApp>[0]): Promise<{ app: LaunchedApp; ipc: IpcTestClient }> {
  const app = await launchApp({ timeScale: 20, ...options });
  apps.push(app);
  return { app, ipc: await connectIpc(app.url) };
}

const rowsOf = async (ipc: IpcTestClient, serverId: string) => must(await ipc.invoke('library:list', { serverId }));

describe('the demo beside a real server', () => {
  it('keeps its meetings apart, keeps them through a restart, and takes them when it ends', async () => {
    const real = await startSimulator({ profile: 'g2', port: 0, apiKeys: [KEY], seed: true, timeScale: 20, rateLimitPerMinute: 0 });
    simulators.push(real);
    const secrets = createMemorySecretStore();
    const { app, ipc } = await open({ simulator: real, apiKey: KEY, secrets });
    const lab = must(await ipc.invoke('servers:add', { url: real.url, apiKey: KEY, label: 'Lab' }));
    must(await ipc.invoke('library:sync', { serverId: lab.id, full: true }));
    await waitFor('the real library', async () => (await rowsOf(ipc, lab.id)).length === 3);

    const demo = must(await ipc.invoke('demo:start'));
    expect(demo.server).toMatchObject({ id: 'demo', demo: true });
    const state = must(await ipc.invoke('app:getState'));
    expect(state.servers.map((s) => [s.id, s.status])).toEqual([
      [lab.id, 'connected'],
      ['demo', 'connected'],
    ]);
    expect(state.currentServerId).toBe('demo');
    must(await ipc.invoke('library:sync', { serverId: 'demo', full: true }));
    // The three seeded meetings and the sample meeting the first demo plays by itself.
    await waitFor('the demo library', async () => (await rowsOf(ipc, 'demo')).length === 4);
    const bot = must(await ipc.invoke('bots:launch', { link: 'https://meet.google.com/abc-defg-hij' }));
    expect(bot.serverId).toBe('demo');

    // Both hold meetings 1-3 with the same words: two sets of rows, each under its own server.
    const all = must(await ipc.invoke('library:list', {}));
    for (const remoteId of [1, 2, 3])
      expect(
        all
          .filter((m) => m.remoteId === remoteId)
          .map((m) => m.serverId)
          .sort(),
      ).toEqual(['demo', lab.id].sort());
    const hits = must(await ipc.invoke('library:search', { query: 'release', limit: 200 }));
    expect(new Set(hits.segments.map((h) => h.serverId))).toEqual(new Set([lab.id, 'demo']));
    const demoRows = (await rowsOf(ipc, 'demo')).map((m) => m.id);

    // A restart with the demo on keeps its meetings and brings the demo back.
    ipc.close();
    apps.splice(apps.indexOf(app), 1);
    await app.close({ keepData: true });
    const { ipc: again } = await open({ simulator: real, apiKey: KEY, secrets, dataDir: app.dataDir });
    expect((await rowsOf(again, 'demo')).map((m) => m.id)).toEqual(expect.arrayContaining(demoRows));
    await waitFor('the demo to be back', async () =>
      must(await again.invoke('app:getState')).servers.some((s) => s.id === 'demo' && s.status === 'connected'),
    );

    // Ending the demo takes its meetings and nothing else.
    must(await again.invoke('demo:stop'));
    expect(await rowsOf(again, 'demo')).toEqual([]);
    expect(await rowsOf(again, lab.id)).toHaveLength(3);
    const after = must(await again.invoke('app:getState'));
    expect(after.servers.map((s) => s.id)).toEqual([lab.id]);
    expect(after.currentServerId).toBe(lab.id);
    expect(must(await again.invoke('library:search', { query: 'release', limit: 200 })).segments.every((h) => h.serverId === lab.id)).toBe(
      true,
    );
    again.close();
  }, 90_000);
});
