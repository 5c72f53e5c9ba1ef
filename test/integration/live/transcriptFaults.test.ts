import { afterEach, describe, expect, it, onTestFailed } from 'vitest';
import type { CaptionView, LiveStateView } from '../../../shared/ipc/models';
import type { SimProfile, SimSegment } from '../../../electron/simulator';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must, type IpcTestClient } from '../../support/ipcClient';
import { mulberry32, runSeed } from '../../support/random';
import { waitFor } from '../../support/waitFor';

// The live transcript through socket drops, server restarts, outages long enough for a line to be
// confirmed while the socket is down, hostile frames and one 10 MB frame. After every fault the
// companion must hold exactly the server's confirmed segments (ids, times, speaker, text) while the
// meeting is still running: the end-of-meeting re-read would repair anything reconnect recovery
// lost, so only a comparison made before the end proves the recovery itself.

const SEED = runSeed('VEXA_FAULT_SEED');
const DROPS = 100;
const RESTARTS = 5;
const OUTAGES = 3;
/** Over the live socket's 4 MiB frame limit (electron/core/live/liveSocket.ts `maxPayload`). */
const OVERSIZED = 'x'.repeat(10 * 1024 * 1024);
const HOSTILE = (id: number): string[] => [
  '{not json',
  '[]',
  '42',
  JSON.stringify({ type: 'transcript', meeting: { id }, confirmed: 'nope' }),
  JSON.stringify({ type: 'wat', meeting: { id } }),
  JSON.stringify({ type: 'transcript', meeting: { id }, speaker: 7, pending: [{ text: 3 }] }),
];
/** The hostile frames the socket itself counts as dropped (not JSON objects). */
const HOSTILE_DROPPED = 3;

type Fault = 'drop' | 'restart' | 'outage' | 'oversized';

const apps: LaunchedApp[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

/** Every kind of fault a fixed number of times, in an order drawn from the seed. */
function schedule(random: () => number): Fault[] {
  const faults: Fault[] = [
    ...Array<Fault>(DROPS).fill('drop'),
    ...Array<Fault>(RESTARTS).fill('restart'),
    ...Array<Fault>(OUTAGES).fill('outage'),
    'oversized',
  ];
  for (let i = faults.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [faults[i], faults[j]] = [faults[j]!, faults[i]!];
  }
  return faults;
}

/** A segment as the companion shows it and as the server holds it, in one comparable shape. */
interface Line {
  id: string | null;
  speaker: string | null;
  text: string;
  start: number;
  end: number;
  absoluteStart: number;
  absoluteEnd: number;
  language: string | null;
}

const held = (s: CaptionView): Line => ({
  id: s.segmentId ?? null,
  speaker: s.speaker,
  text: s.text,
  start: s.start,
  end: s.end,
  absoluteStart: s.absoluteStart,
  absoluteEnd: s.absoluteEnd,
  language: s.language,
});

// G1 sends no segment ids (its lines are known by their start time), so none may appear there.
const truthLine = (profile: SimProfile, t: SimSegment): Line => ({
  id: profile === 'g1' ? null : t.segment_id,
  speaker: t.speaker,
  text: t.text,
  start: t.start,
  end: t.end,
  absoluteStart: Date.parse(t.absolute_start_time),
  absoluteEnd: Date.parse(t.absolute_end_time),
  language: t.language,
});

const liveStates = (ipc: IpcTestClient, from: number): LiveStateView[] =>
  ipc.events.slice(from).flatMap((e) => (e.event === 'live:state' ? [e.payload as LiveStateView] : []));

/** The socket went down after event `mark` and is connected again. */
const reconnectedSince = (ipc: IpcTestClient, mark: number): boolean => {
  const states = liveStates(ipc, mark);
  const down = states.findIndex((s) => s.status !== 'connected');
  return down >= 0 && states.slice(down + 1).some((s) => s.status === 'connected');
};

describe.each(['g1', 'g2', 'g3'] as const)('live transcript through faults (%s)', (profile) => {
  it(`holds the server's transcript after every reconnect while the meeting runs: ${DROPS} drops, ${RESTARTS} restarts, ${OUTAGES} outages, hostile and oversized frames`, async () => {
    onTestFailed(() => console.error(`transcript faults (${profile}) failed with ${SEED.replay}`));
    const random = mulberry32(SEED.seed + profile.charCodeAt(1));
    const app = await launchApp({ profile, scenario: 'long', timeScale: 6 });
    apps.push(app);
    const ipc = await connectIpc(app.url);
    must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey }));
    const { id } = must(await ipc.invoke('bots:launch', { link: 'https://meet.google.com/abc-defg-hij' }));
    const status = async () => must(await ipc.invoke('bots:tracked')).find((m) => m.id === id)?.status;
    await waitFor('the meeting to start', async () => (await status()) === 'active', 20_000);
    must(await ipc.invoke('live:open', { meetingId: id }));

    const companion = async (): Promise<Line[]> =>
      must(await ipc.invoke('live:open', { meetingId: id }))
        .segments.filter((s) => !s.draft)
        .map(held);
    const server = async (): Promise<{ status: string; lines: Line[] }> => {
      const r = await fetch(`${app.simulatorUrl}/_sim/meetings/${id}/truth`);
      const body = (await r.json()) as { status: string; segments: SimSegment[] };
      return { status: body.status, lines: body.segments.map((t) => truthLine(profile, t)) };
    };

    /**
     * Waits until the companion holds exactly what the server has confirmed. The companion is read
     * first: equal to a later server read, it lacks nothing said before. With `live`, the server
     * must still be running the meeting at that moment, so no end-of-meeting re-read has happened.
     */
    const expectSameAsServer = async (after: string, live: boolean): Promise<void> => {
      let last: { held: Line[]; truth: Line[]; status: string } | null = null;
      try {
        await waitFor(
          `the transcript to match the server after ${after}`,
          async () => {
            const lines = await companion();
            const truth = await server();
            last = { held: lines, truth: truth.lines, status: truth.status };
            return JSON.stringify(lines) === JSON.stringify(truth.lines);
          },
          10_000,
        );
      } catch {
        expect(last!.held, `after ${after}, ${SEED.replay}`).toEqual(last!.truth);
      }
      if (live) expect(last!.status, `the meeting ended before the check after ${after}; ${SEED.replay}`).toBe('active');
    };

    const connected = () => waitFor('the live socket to connect', async () => must(await ipc.invoke('live:state')).status === 'connected');
    /** Sends to the companion's socket once it is subscribed again; returns the count delivered. */
    const inject = (raw: string) => waitFor(`a socket subscribed to meeting ${id}`, () => app.simulator.injectRaw(id, raw));

    const faults = schedule(random);
    let checks = 0;
    for (const [i, fault] of faults.entries()) {
      const what = `fault ${i + 1} (${fault})`;
      const mark = ipc.events.length;
      if (fault === 'drop') app.simulator.dropSockets();
      else if (fault === 'restart') await app.simulator.restart(50 + Math.floor(random() * 200));
      else if (fault === 'outage') {
        // The socket stays down until a line is confirmed on the server, so only the re-read after
        // the reconnect can bring that line.
        app.simulator.setFault({ status: 503, body: 'down', paths: '/ws' });
        app.simulator.dropSockets();
        await waitFor('the socket to notice the outage', () => liveStates(ipc, mark).some((s) => s.status !== 'connected'));
        const before = (await companion()).length;
        await waitFor('a line said during the outage', async () => (await server()).lines.length > before, 10_000);
        expect((await companion()).length, `the socket was down, ${SEED.replay}`).toBe(before);
        app.simulator.setFault(null);
      } else {
        // ws reports a frame over maxPayload as an error and closes with 1009: the socket counts it
        // as dropped and reconnects (LiveState.dropped: "invalid JSON, non-objects, oversized").
        const dropped = must(await ipc.invoke('live:state')).dropped;
        expect(await inject(OVERSIZED)).toBe(1);
        await waitFor('the oversized frame to be dropped', async () => must(await ipc.invoke('live:state')).dropped === dropped + 1);
      }
      await waitFor(`a reconnect after ${what}`, () => reconnectedSince(ipc, mark), 10_000);
      await expectSameAsServer(what, true);
      checks++;

      if (i === 0 || random() < 0.2) {
        await connected();
        const dropped = must(await ipc.invoke('live:state')).dropped;
        for (const frame of HOSTILE(id)) expect(await inject(frame)).toBe(1);
        await waitFor(
          'the hostile frames to be dropped',
          async () => must(await ipc.invoke('live:state')).dropped === dropped + HOSTILE_DROPPED,
        );
        await expectSameAsServer(`hostile frames after ${what}`, true);
        checks++;
      }
      // Now and then the next fault waits for a new line, so the faults spread over the meeting
      // and land while lines are being spoken, drafted and confirmed.
      if (random() < 0.25) {
        const count = (await server()).lines.length;
        await waitFor('the next line', async () => (await server()).lines.length > count, 10_000);
      }
    }
    expect(checks).toBeGreaterThan(faults.length);

    must(await ipc.invoke('bots:stop', { meetingId: id }));
    await waitFor('the meeting to end', async () => (await status()) === 'completed', 20_000);
    const final = await server();
    expect(final.lines.length).toBeGreaterThan(20);
    await expectSameAsServer('the meeting ended', false);
    ipc.close();
  }, 150_000);
});
