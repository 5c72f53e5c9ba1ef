import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryMeetingView } from '../../../shared/ipc/library';
import type { TrackedMeetingView } from '../../../shared/ipc/models';
import type { SimScenario } from '../../../electron/simulator';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must, type IpcTestClient } from '../../support/ipcClient';
import { waitFor } from '../../support/waitFor';

// The offline library tells the truth about meetings whose bots this app sent: a bot's end reaches
// its row at once (no Refresh), failed bots are there with their reason, Clear library fills up
// again by itself, and rows of a server that is no longer connected keep the time their status was seen.

const apps: LaunchedApp[] = [];
const clients: IpcTestClient[] = [];
afterEach(async () => {
  while (clients.length) clients.pop()!.close();
  while (apps.length) await apps.pop()!.close();
});

async function connected(profile: 'g1' | 'g2' | 'g3', scenario: SimScenario = 'normal') {
  const app = await launchApp({ profile, scenario, timeScale: 50 });
  apps.push(app);
  const ipc = await connectIpc(app.url);
  clients.push(ipc);
  must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey }));
  return { app, ipc };
}

const LINK = 'https://meet.google.com/abc-defg-hij';

async function ended(ipc: IpcTestClient, id: number): Promise<TrackedMeetingView> {
  return waitFor(`meeting ${id} to end`, async () => {
    const m = must(await ipc.invoke('bots:tracked')).find((x) => x.id === id);
    return m && (m.status === 'completed' || m.status === 'failed') ? m : null;
  });
}

async function row(ipc: IpcTestClient, remoteId: number, filter: Record<string, unknown> = {}): Promise<LibraryMeetingView | undefined> {
  return must(await ipc.invoke('library:list', filter)).find((m) => m.remoteId === remoteId);
}

describe.each(['g1', 'g2', 'g3'] as const)('the library follows the bots of a %s server', (profile) => {
  it('a meeting that ended says so in the library the moment the bot leaves, without a Refresh', async () => {
    const { ipc } = await connected(profile);
    const launched = must(await ipc.invoke('bots:launch', { link: LINK }));
    await waitFor('the bot transcribing', async () => (await row(ipc, launched.id))?.status === 'active');
    const done = await ended(ipc, launched.id);
    expect(done.status).toBe('completed');
    // The row is written before the window hears the bot ended: read at once, no sync asked for.
    const r = await row(ipc, launched.id);
    expect(r).toMatchObject({ status: 'completed', completionReason: 'left_alone' });
    expect(r?.statusSeenAt).toEqual(expect.any(Number));
    const changed = ipc.events.filter((e) => e.event === 'library:changed').map((e) => e.payload as { meetingIds: number[] | null });
    expect(changed.some((c) => c.meetingIds?.includes(r!.id))).toBe(true);
  });

  it('a bot the host refused appears under Failed with the reason, though nothing was said', async () => {
    const { ipc } = await connected(profile, 'rejected');
    const launched = must(await ipc.invoke('bots:launch', { link: LINK }));
    const done = await ended(ipc, launched.id);
    expect(done).toMatchObject({ status: 'failed', outcome: 'The host denied the bot entry to the meeting.' });
    const failed = await row(ipc, launched.id, { status: 'failed' });
    expect(failed).toMatchObject({ status: 'failed', completionReason: 'awaiting_admission_rejected', segmentCount: 0 });
    const timeline = must(await ipc.invoke('library:open', { id: failed!.id })).timeline;
    expect(timeline.entries.at(-1)).toMatchObject({ to: 'failed', completionReason: 'awaiting_admission_rejected' });
  });

  it('Clear library downloads the connected server’s meetings again by itself', async () => {
    const { ipc } = await connected(profile);
    await waitFor('the first sync', async () => must(await ipc.invoke('library:list', {})).length === 3);
    const stats = must(await ipc.invoke('cache:clear'));
    expect(stats.meetings).toBe(0);
    const back = await waitFor('the library refilled', async () => {
      const list = must(await ipc.invoke('library:list', {}));
      return list.length === 3 && list.every((m) => m.transcript === 'complete') ? list : null;
    });
    expect(back.map((m) => m.remoteId).sort()).toEqual([1, 2, 3]);
  });
});

describe('rows of a server that is no longer connected', () => {
  it('keep the last status seen and when, and the lines said so far', async () => {
    const { app, ipc } = await connected('g3', 'long');
    const launched = must(await ipc.invoke('bots:launch', { link: LINK }));
    const live = await waitFor('lines stored while the bot transcribes', async () => {
      const r = await row(ipc, launched.id);
      return r?.status === 'active' && r.segmentCount > 0 ? r : null;
    });
    must(await ipc.invoke('connection:disconnect'));
    const after = must(await ipc.invoke('library:list', {})).find((m) => m.id === live.id);
    // The window shows this "as of" that time: nothing will tell the app when this bot leaves.
    expect(after).toMatchObject({ status: 'active', serverId: app.simulatorUrl });
    expect(after!.statusSeenAt).toBeGreaterThanOrEqual(live.statusSeenAt!);
    expect(after!.segmentCount).toBeGreaterThan(0);

    // The bot ends while the app is away (stopped from another device).
    const stop = await fetch(`${app.simulatorUrl}/bots/google_meet/abc-defg-hij`, {
      method: 'DELETE',
      headers: { 'X-API-Key': app.apiKey },
    });
    expect(stop.ok).toBe(true);
    await waitFor('the meeting over on the server', async () => {
      const r = await fetch(`${app.simulatorUrl}/meetings/${launched.id}`, { headers: { 'X-API-Key': app.apiKey } });
      return ((await r.json()) as { status?: string }).status === 'completed';
    });
    // Connecting again is enough: the row still marked active is read from the server.
    must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey }));
    const reconciled = await waitFor('the row reconciled', async () => {
      const r = await row(ipc, launched.id);
      return r?.status === 'completed' ? r : null;
    });
    expect(reconciled.id).toBe(live.id);
  });
});
