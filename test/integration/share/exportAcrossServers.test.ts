import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../electron/simulator';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must, type IpcTestClient } from '../../support/ipcClient';
import { recordingFetch } from '../../support/recordingFetch';
import { waitFor } from '../../support/waitFor';

// Export, share and hand-off act on the meeting's own server, whichever server is current: its
// client and key, what its generation can do (a G2 server makes public links where the current
// G3 server makes capability tokens), and whether it is connected.

let app: LaunchedApp | null = null;
let ipc: IpcTestClient | null = null;
let other: Simulator | null = null;
afterEach(async () => {
  ipc?.close();
  await app?.close();
  await other?.close();
  app = ipc = other = null;
});

describe('a meeting of a server that is not the current one', () => {
  it('is read, shared and handed off through its own server', async () => {
    const recorder = recordingFetch();
    app = await launchApp({ profile: 'g3', fetch: recorder.fetch });
    const labKey = 'vxa_tx_labserverkey000000000000000000001';
    other = await startSimulator({ profile: 'g2', port: 0, apiKeys: [labKey], seed: true, timeScale: 20, rateLimitPerMinute: 0 });
    ipc = await connectIpc(app.url);
    const cloud = must(await ipc.invoke('servers:add', { url: app.simulatorUrl, apiKey: app.apiKey, label: 'Cloud', makeCurrent: true }));
    const lab = must(await ipc.invoke('servers:add', { url: other.url, apiKey: labKey, label: 'Lab' }));
    expect(must(await ipc.invoke('app:getState')).currentServerId).toBe(cloud.id);
    must(await ipc.invoke('library:sync', { full: true }));
    const row = await waitFor('a completed meeting of Lab', async () =>
      must(await ipc!.invoke('library:list', { serverId: lab.id })).find((m) => m.status === 'completed' && m.transcript === 'complete'),
    );
    const ref = { meetingId: row.remoteId, platform: row.platform, nativeMeetingId: row.nativeMeetingId!, serverId: lab.id };
    const labHost = new URL(other.url).host;

    // Not on this computer any more: the transcript comes from Lab, with Lab's key.
    must(await ipc.invoke('library:delete', { id: row.id, where: 'local' }));
    const before = recorder.requests.length;
    const preview = must(await ipc.invoke('export:preview', { ref, format: 'txt' }));
    expect(preview).toMatchObject({ partial: false, text: expect.stringContaining('MEETING TRANSCRIPT') });
    const asked = recorder.requests.slice(before).filter((r) => r.url.includes('/transcripts/'));
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked.map((r) => [r.host, r.apiKey].join(' ')))).toEqual(new Set([`${labHost} ${labKey}`]));

    // Lab (G2) makes public links, though the current server (G3) makes capability tokens.
    const link = must(await ipc.invoke('share:create', { ref, ttlSeconds: 600 }));
    expect(link.kind).toBe('public-url');
    if (link.kind === 'public-url') expect(new URL(link.url).host).toBe(labHost);
    const handoff = must(await ipc.invoke('handoff:open', { ref, tool: 'chatgpt' }));
    expect(handoff.mode).toBe('link');
    expect(decodeURIComponent(handoff.url)).toContain(`${labHost}/public/transcripts/`);

    // Lab disconnected, the current server still connected: Lab's meeting is not asked of Cloud.
    must(await ipc.invoke('servers:disconnect', { serverId: lab.id }));
    expect(await ipc.invoke('share:create', { ref, ttlSeconds: 600 })).toMatchObject({
      ok: false,
      code: 'not_connected',
      message: expect.stringMatching(/Lab is not connected/),
    });
    // Its transcript is not on this computer (deleted here above), and Cloud is not asked for it.
    expect(await ipc.invoke('handoff:open', { ref, tool: 'chatgpt' })).toMatchObject({
      ok: false,
      code: 'not_connected',
      message: expect.stringMatching(/not downloaded on this computer, and Lab is not connected/),
    });
  }, 60_000);
});
