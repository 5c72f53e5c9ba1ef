import { afterEach, describe, expect, it } from 'vitest';
import type { CaptionView, LiveDeltaView, LiveSnapshotView, LiveStateView, TrackedMeetingView } from '../../../shared/ipc/models';
import { startSimulator, type SimProfile, type SimSegment, type Simulator } from '../../../electron/simulator';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must, type IpcTestClient } from '../../support/ipcClient';
import { waitFor } from '../../support/waitFor';

// Three servers of three generations connected at once, a bot on each, all three in a live meeting
// (two of them let in from the lobby), and the G3 server restarted in the middle of its meeting.
// Every server's simulator runs the same meeting with the same meeting id (each has three seeded
// meetings, so the bot's meeting is 4 on all of them) and the same script, so only the times tell
// the lines apart: nothing may be lost (every line each server confirmed reaches the window and
// the cache) and nothing mixed (each server's meeting holds exactly that server's lines).

const LINK = 'https://meet.google.com/abc-defg-hij';
const apps: LaunchedApp[] = [];
const simulators: Simulator[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
  while (simulators.length) await simulators.pop()!.close();
});

interface Server {
  profile: SimProfile;
  label: string;
  sim: Simulator;
  key: string;
  /** The id the app gives it (its address). */
  id: string;
}

/** A line as both sides can hold it: who, what, and when (ms); G1 sends no segment ids. */
interface Line {
  speaker: string | null;
  text: string;
  at: number;
}

const truthLines = (segments: SimSegment[]): Line[] =>
  segments.map((s) => ({ speaker: s.speaker, text: s.text, at: Date.parse(s.absolute_start_time) }));
const captionLines = (captions: CaptionView[]): Line[] =>
  captions
    .filter((c) => !c.draft)
    .sort((a, b) => a.absoluteStart - b.absoluteStart)
    .map((c) => ({ speaker: c.speaker, text: c.text, at: c.absoluteStart }));

async function truthOf(s: Server, meetingId: number): Promise<{ status: string; lines: Line[] }> {
  const body = (await (await fetch(`${s.sim.url}/_sim/meetings/${meetingId}/truth`)).json()) as { status: string; segments: SimSegment[] };
  return { status: body.status, lines: truthLines(body.segments) };
}

/** One app, three servers added with a label each; the G3 one is the app's own simulator. */
async function threeServers(): Promise<{ app: LaunchedApp; ipc: IpcTestClient; servers: Record<SimProfile, Server> }> {
  const app = await launchApp({ profile: 'g3', scenario: 'normal', timeScale: 8 });
  apps.push(app);
  const other = async (profile: SimProfile): Promise<{ sim: Simulator; key: string }> => {
    const key = `${profile}-key-${Math.random().toString(36).slice(2)}`;
    const sim = await startSimulator({
      profile,
      port: 0,
      apiKeys: [{ key, scopes: ['bot', 'tx'], email: `${profile}@example.com` }],
      scenario: 'lobby-wait',
      timeScale: 10,
      seed: true,
      rateLimitPerMinute: 0,
    });
    simulators.push(sim);
    return { sim, key };
  };
  const g1 = await other('g1');
  const g2 = await other('g2');
  const ipc = await connectIpc(app.url);
  const add = async (profile: SimProfile, label: string, sim: Simulator, key: string): Promise<Server> => {
    const view = must(await ipc.invoke('servers:add', { url: sim.url, apiKey: key, label }));
    expect(view).toMatchObject({ status: 'connected', label, generation: profile });
    return { profile, label, sim, key, id: view.id };
  };
  const servers = {
    g1: await add('g1', 'Old lab', g1.sim, g1.key),
    g2: await add('g2', 'Lab', g2.sim, g2.key),
    g3: await add('g3', 'Cloud', app.simulator, app.apiKey),
  };
  return { app, ipc, servers };
}

const tracked = async (ipc: IpcTestClient, s: Server, id: number): Promise<TrackedMeetingView | undefined> =>
  must(await ipc.invoke('bots:tracked', { serverId: s.id })).find((m) => m.id === id);

const liveStates = (ipc: IpcTestClient, from = 0): LiveStateView[] =>
  ipc.events.slice(from).flatMap((e) => (e.event === 'live:state' ? [e.payload as LiveStateView] : []));

/** What the window holds of a live meeting: the snapshot it opened with, then every delta pushed for this server's meeting. */
function windowLines(ipc: IpcTestClient, s: Server, opened: { snapshot: LiveSnapshotView; mark: number }): Line[] {
  const held = new Map(opened.snapshot.segments.map((c) => [c.key, c]));
  for (const e of ipc.events.slice(opened.mark)) {
    if (e.event !== 'live:segments') continue;
    const d = e.payload as LiveDeltaView;
    if (d.serverId !== s.id || d.meetingId !== opened.snapshot.meetingId || d.version <= opened.snapshot.version) continue;
    for (const key of d.removed) held.delete(key);
    for (const c of d.upserted) held.set(c.key, c);
  }
  return captionLines([...held.values()]);
}

describe('three servers of three generations at once', () => {
  it('a bot on each, live on all, one server restarted mid-meeting: nothing lost, nothing mixed', async () => {
    const { app, ipc, servers } = await threeServers();
    const all = [servers.g1, servers.g2, servers.g3];
    const state = must(await ipc.invoke('app:getState'));
    expect(state.servers.map((s) => [s.label, s.status, s.position])).toEqual([
      ['Old lab', 'connected', 0],
      ['Lab', 'connected', 1],
      ['Cloud', 'connected', 2],
    ]);
    expect(state.currentServerId).toBe(servers.g1.id);

    // The same link on three servers: three meetings, each its server's meeting 4.
    const launched = [];
    for (const s of all) launched.push(must(await ipc.invoke('bots:launch', { serverId: s.id, link: LINK })));
    expect(launched.map((m) => [m.serverId, m.id])).toEqual(all.map((s) => [s.id, 4]));
    const id = 4;
    expect(
      must(await ipc.invoke('bots:tracked'))
        .map((m) => m.serverId)
        .sort(),
    ).toEqual(all.map((s) => s.id).sort());

    // Lobby alerts from two servers at once, each naming its server.
    for (const s of [servers.g1, servers.g2]) {
      await waitFor(`${s.label}'s bot in the lobby`, async () => (await tracked(ipc, s, id))?.status === 'awaiting_admission');
    }
    const lobby = (s: Server) =>
      app.ports.notifier.sent.filter((n) => n.serverId === s.id && n.title.endsWith('The bot is waiting in the lobby'));
    for (const s of [servers.g1, servers.g2]) {
      expect(lobby(s).map((n) => [n.title, n.meetingId])).toEqual([[`${s.label}: The bot is waiting in the lobby`, id]]);
    }
    expect(new Set(app.ports.notifier.sent.map((n) => n.id)).size).toBe(app.ports.notifier.sent.length);
    expect(app.ports.tray.last?.state).toBe('attention');
    expect(app.ports.tray.last?.tooltip).toMatch(/2 bots are waiting to be admitted on Old lab and Lab/);
    expect(app.ports.tray.last?.items.filter((i) => i.label.endsWith('Waiting in the lobby')).map((i) => i.label.split(' · ')[0])).toEqual([
      'Old lab',
      'Lab',
    ]);
    servers.g1.sim.admit(id);
    servers.g2.sim.admit(id);

    // Each meeting opened in the window as it goes live.
    const opened = new Map<string, { snapshot: LiveSnapshotView; mark: number }>();
    for (const s of all) {
      await waitFor(`${s.label}'s meeting to go live`, async () => (await tracked(ipc, s, id))?.status === 'active', 20_000);
      const mark = ipc.events.length;
      const snapshot = must(await ipc.invoke('live:open', { serverId: s.id, meetingId: id }));
      expect(snapshot).toMatchObject({ serverId: s.id, meetingId: id });
      opened.set(s.id, { snapshot, mark });
    }
    for (const s of [servers.g1, servers.g2]) {
      expect(app.ports.notifier.sent.filter((n) => n.serverId === s.id).map((n) => n.title)).toEqual([
        `${s.label}: The bot is waiting in the lobby`,
        `${s.label}: The bot was admitted`,
      ]);
    }

    // The G3 server goes away for a moment while its meeting runs; the others carry on.
    await waitFor('a few lines on the G3 server', async () => (await truthOf(servers.g3, id)).lines.length >= 3, 15_000);
    const mark = ipc.events.length;
    await servers.g3.sim.restart(300);
    await waitFor(
      'the G3 live connection to come back',
      () => {
        const g3 = liveStates(ipc, mark).filter((s) => s.serverId === servers.g3.id);
        const down = g3.findIndex((s) => s.status !== 'connected');
        return down >= 0 && g3.slice(down + 1).some((s) => s.status === 'connected');
      },
      15_000,
    );
    expect(
      liveStates(ipc, mark)
        .filter((s) => s.status !== 'connected')
        .map((s) => s.serverId),
    ).toEqual(expect.arrayContaining([servers.g3.id]));
    expect(liveStates(ipc, mark).filter((s) => s.status !== 'connected' && s.serverId !== servers.g3.id)).toEqual([]);

    // While every meeting still runs, the window holds exactly what each server confirmed.
    for (const s of all) {
      let last: { window: Line[]; truth: Line[]; status: string } | null = null;
      try {
        await waitFor(
          `${s.label}'s window to match its server`,
          async () => {
            const truth = await truthOf(s, id);
            last = { window: windowLines(ipc, s, opened.get(s.id)!), truth: truth.lines, status: truth.status };
            return truth.lines.length > 0 && JSON.stringify(last.window) === JSON.stringify(truth.lines);
          },
          10_000,
        );
      } catch {
        expect(last!.window, s.label).toEqual(last!.truth);
      }
      expect(last!.status, `${s.label}'s meeting ended before the check`).toBe('active');
    }

    for (const s of all) must(await ipc.invoke('bots:stop', { serverId: s.id, meetingId: id }));
    for (const s of all)
      await waitFor(`${s.label}'s meeting to end`, async () => (await tracked(ipc, s, id))?.status === 'completed', 20_000);

    // Every line reached the window and the cache, under its own server: three rows for meeting 4.
    const rows = must(await ipc.invoke('library:list', {})).filter((m) => m.remoteId === id);
    expect(rows.map((r) => r.serverId).sort()).toEqual(all.map((s) => s.id).sort());
    expect(new Set(rows.map((r) => r.id)).size).toBe(3);
    for (const s of all) {
      const truth = (await truthOf(s, id)).lines;
      expect(truth.length, s.label).toBeGreaterThan(3);
      expect(windowLines(ipc, s, opened.get(s.id)!), `${s.label}: the window`).toEqual(truth);
      const row = rows.find((r) => r.serverId === s.id)!;
      const cached = await waitFor(`${s.label}'s transcript in the cache`, async () => {
        const detail = must(await ipc.invoke('library:open', { id: row.id }));
        return detail.meeting.transcript === 'complete' && detail;
      });
      expect(
        cached.segments.filter((c) => c.confirmed).map((c) => ({ speaker: c.speaker, text: c.text, at: c.absoluteStart })),
        `${s.label}: the cache`,
      ).toEqual(truth);
    }
    // Every delta named one of the three servers, and each alert its own.
    const deltaServers = new Set(ipc.events.filter((e) => e.event === 'live:segments').map((e) => (e.payload as LiveDeltaView).serverId));
    expect([...deltaServers].sort()).toEqual(all.map((s) => s.id).sort());
    expect(app.ports.notifier.sent.every((n) => all.some((s) => s.id === n.serverId && n.title.startsWith(`${s.label}: `)))).toBe(true);
    ipc.close();
  }, 180_000);
});
