/**
 * How late the captions are, measured by the real core against the real simulator with a known
 * injected delay and a server clock 90 s ahead of this computer's: the figures must match what the
 * simulator did within 10 %, for every server generation.
 *
 * At time scale 1 the simulator's clock (skew aside) is the wall clock, as a real server's is. Its
 * own baseline is known: a line's first draft goes out once 45 % of it was said (feed.ts
 * DRAFT_FRACTIONS), so each line's delay with nothing injected is 0.45 × its length, read from the
 * server's truth. A run without injected delay beside the delayed one checks the difference too.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CaptionDelayEvent, CaptionDelayView } from '../../../shared/ipc/captionDelay';
import { median, percentile } from '../../../shared/captionDelay/stats';
import { startSimulator, type SimProfile } from '../../../electron/simulator';
import { launchApp } from '../../e2e/support/app';
import { connectIpc, must } from '../../support/ipcClient';
import { waitFor } from '../../support/waitFor';

const INJECTED_MS = 1500;
const SKEW_MS = 90_000;
const LINES = 6;
const FIRST_DRAFT_AT = 0.45;

interface Measured {
  live: CaptionDelayView;
  kept: CaptionDelayView;
  events: number;
  /** The delays the simulator's own pace gives each line (ms), from its truth. */
  baseline: number[];
}

async function measure(profile: SimProfile, captionDelayMs: number): Promise<Measured> {
  const apiKey = `vxa_tx_${randomBytes(16).toString('hex')}`;
  const simulator = await startSimulator({
    profile,
    apiKeys: [{ key: apiKey, scopes: ['bot', 'tx'], email: 'tester@example.com' }],
    timeScale: 1,
    scriptLines: LINES,
    captionDelayMs,
    clockSkewMs: SKEW_MS,
    rateLimitPerMinute: 0,
  });
  // Each run closes its own app: the runs of the three generations overlap.
  const app = await launchApp({ simulator, apiKey, timeScale: 1, seed: false });
  const ipc = await connectIpc(app.url).catch(async (e: unknown) => {
    await app.close();
    await simulator.close();
    throw e;
  });
  try {
    must(await ipc.invoke('connection:connect', { url: simulator.url, apiKey }));
    const launched = must(await ipc.invoke('bots:launch', { link: 'https://meet.google.com/abc-defg-hij' }));
    simulator.admit(launched.id);
    await waitFor(
      'the meeting to end',
      async () => must(await ipc.invoke('bots:tracked')).find((m) => m.id === launched.id)?.status === 'completed',
      60_000,
    );
    const live = must(await ipc.invoke('live:captionDelay', { serverId: launched.serverId, meetingId: launched.id }));
    expect(live, 'figures for the live meeting').not.toBeNull();
    const row = await waitFor('the meeting in the library', async () =>
      must(await ipc.invoke('library:list', {})).find((m) => m.serverId === launched.serverId && m.remoteId === launched.id),
    );
    const kept = await waitFor('the figures kept with it', async () => must(await ipc.invoke('meetings:captionDelay', { id: row.id })));
    const events = ipc.events.filter(
      (e) => e.event === 'live:captionDelay' && (e.payload as CaptionDelayEvent).meetingId === launched.id,
    ).length;
    const baseline = simulator.truth(launched.id).map((s) => FIRST_DRAFT_AT * (s.end - s.start) * 1000);
    return { live: live!, kept, events, baseline };
  } finally {
    ipc.close();
    await app.close();
    await simulator.close();
  }
}

const within10 = (measured: number, expected: number) => expect(Math.abs(measured - expected)).toBeLessThanOrEqual(0.1 * expected);

describe.concurrent('caption delay against a simulator with a known delay and a skewed clock', () => {
  for (const profile of ['g1', 'g2', 'g3'] as const) {
    it(`${profile}: the median and 95th percentile match the injected delay within 10 %`, async () => {
      const [plain, delayed] = await Promise.all([measure(profile, 0), measure(profile, INJECTED_MS)]);
      const sorted = [...delayed.baseline].sort((a, b) => a - b);
      expect(delayed.live.lines).toBe(LINES);
      expect(plain.live.lines).toBe(LINES);
      // Against what the simulator did: its own pace plus the injected delay.
      within10(plain.live.medianMs, median(sorted)!);
      within10(delayed.live.medianMs, median(sorted)! + INJECTED_MS);
      within10(delayed.live.p95Ms, percentile(sorted, 95)! + INJECTED_MS);
      // And side by side with the run without injected delay.
      within10(delayed.live.medianMs - plain.live.medianMs, INJECTED_MS);
      // Shown live a few times, and kept with the meeting as it ended.
      expect(delayed.events).toBeGreaterThan(0);
      expect(delayed.kept).toMatchObject({ medianMs: delayed.live.medianMs, p95Ms: delayed.live.p95Ms, lines: LINES, late: false });
    }, 120_000);
  }
});
