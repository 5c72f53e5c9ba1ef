import { afterEach, describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../../electron/core/secrets/fileSecretStore';
import { startSimulator, type Simulator } from '../../../electron/simulator';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must, type IpcTestClient } from '../../support/ipcClient';
import { waitFor } from '../../support/waitFor';

// Launch offers the server last used for a link's domain, else for its platform, else the current
// one, and remembers it across restarts. Each server's free bot slots come from its own limit:
// /auth/me on G2/G3, and the limit a G1 server names when it refuses a bot.

const apps: LaunchedApp[] = [];
const simulators: Simulator[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
  while (simulators.length) await simulators.pop()!.close();
});

const ACME = 'https://acme.zoom.us/j/12345678901';
const ACME_OTHER = 'https://acme.zoom.us/j/98765432109';
const ZOOM = 'https://zoom.us/j/55555555555';
const MEET = 'https://meet.google.com/abc-defg-hij';

async function servers() {
  const sim = (profile: 'g1' | 'g3', key: string, maxConcurrent: number) =>
    startSimulator({
      profile,
      port: 0,
      apiKeys: [{ key, scopes: ['bot', 'tx'], email: `${profile}@example.com`, maxConcurrent }],
      scenario: 'lobby-wait',
      timeScale: 20,
      rateLimitPerMinute: 0,
    });
  const g3 = await sim('g3', 'vxa_bot_cloudkey0000000000000000000001', 3);
  const g1 = await sim('g1', 'old-lab-key-0001', 1);
  simulators.push(g3, g1);
  return { g3, g1 };
}

async function open(options: Parameters<typeof launchApp>[0]): Promise<{ app: LaunchedApp; ipc: IpcTestClient }> {
  const app = await launchApp(options);
  apps.push(app);
  return { app, ipc: await connectIpc(app.url) };
}

describe('where Launch sends a bot', () => {
  it('offers the server last used for the link’s domain, then its platform, then the current one, and remembers it', async () => {
    const { g3, g1 } = await servers();
    const secrets = createMemorySecretStore();
    const { app, ipc } = await open({ simulator: g3, apiKey: 'vxa_bot_cloudkey0000000000000000000001', secrets });
    const cloud = must(await ipc.invoke('servers:add', { url: g3.url, apiKey: 'vxa_bot_cloudkey0000000000000000000001', label: 'Cloud' }));
    const lab = must(await ipc.invoke('servers:add', { url: g1.url, apiKey: 'old-lab-key-0001', label: 'Old lab' }));
    const target = async (link: string) => must(await ipc.invoke('bots:launchTarget', { link }));

    expect(await target(ACME)).toMatchObject({ serverId: cloud.id, why: 'current', platform: 'zoom', domain: 'acme.zoom.us' });
    must(await ipc.invoke('bots:launch', { serverId: lab.id, link: ACME }));
    expect(await target(ACME_OTHER)).toEqual({
      serverId: lab.id,
      why: 'link-domain',
      platform: 'zoom',
      domain: 'acme.zoom.us',
      message: 'Old lab was used last for meetings on acme.zoom.us.',
    });
    expect(await target(ZOOM)).toMatchObject({ serverId: lab.id, why: 'platform', message: 'Old lab was used last for Zoom meetings.' });
    expect(await target(MEET)).toMatchObject({ serverId: cloud.id, why: 'current' });

    // Without a server named, a bot goes where Launch offered: the G1 server, already at its
    // limit of one, refuses it and names the limit.
    const refused = await ipc.invoke('bots:launch', { link: ACME_OTHER });
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/as many bots running as this account allows \(1\)/) });
    const sent = must(await ipc.invoke('bots:launch', { link: MEET }));
    expect(sent.serverId).toBe(cloud.id);

    // Slots: Cloud's limit from /auth/me, the G1 server's from its refusal.
    const slots = must(await ipc.invoke('bots:slots'));
    expect(slots).toEqual([
      { serverId: cloud.id, running: 1, limit: 3, free: 2, source: 'server' },
      { serverId: lab.id, running: 1, limit: 1, free: 0, source: 'refusal' },
    ]);
    expect(must(await ipc.invoke('app:getState')).servers.map((s) => s.slots?.free)).toEqual([2, 0]);

    // After a restart the memory holds.
    ipc.close();
    apps.splice(apps.indexOf(app), 1);
    await app.close({ keepData: true });
    const { ipc: again } = await open({ simulator: g3, apiKey: 'vxa_bot_cloudkey0000000000000000000001', secrets, dataDir: app.dataDir });
    await waitFor('both servers back', async () => must(await again.invoke('app:getState')).servers.every((s) => s.status === 'connected'));
    expect(must(await again.invoke('bots:launchTarget', { link: ACME_OTHER }))).toMatchObject({ serverId: lab.id, why: 'link-domain' });
    expect(must(await again.invoke('bots:launchTarget', { link: MEET }))).toMatchObject({ serverId: cloud.id, why: 'link-domain' });
    again.close();
  }, 60_000);

  it('with one server, alerts and the tray read as they always did', async () => {
    const { g3 } = await servers();
    const { app, ipc } = await open({ simulator: g3, apiKey: 'vxa_bot_cloudkey0000000000000000000001' });
    must(await ipc.invoke('connection:connect', { url: g3.url, apiKey: 'vxa_bot_cloudkey0000000000000000000001' }));
    const bot = must(await ipc.invoke('bots:launch', { link: MEET }));
    await waitFor('the lobby alert', () => app.ports.notifier.sent.some((n) => n.meetingId === bot.id));
    expect(app.ports.notifier.sent.map((n) => n.title)).toEqual(['The bot is waiting in the lobby']);
    expect(app.ports.tray.last?.tooltip).toBe('Vexa Companion: a bot is waiting to be admitted');
    // The meeting's line, after the tray's quick action (sending a bot to the clipboard's link).
    expect(app.ports.tray.last?.items.filter((i) => i.opensWindow).map((i) => i.label)).toEqual([`${bot.name}: Waiting in the lobby`]);
    ipc.close();
  });
});
