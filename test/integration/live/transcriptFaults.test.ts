import { afterEach, describe, expect, it } from 'vitest';
import type { CaptionView, TrackedMeetingView } from '../../../shared/ipc/models';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must, type IpcTestClient } from '../../support/ipcClient';
import { waitFor } from '../../support/waitFor';

const apps: LaunchedApp[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

const meeting = (ipc: IpcTestClient, id: number) => async (): Promise<TrackedMeetingView | undefined> =>
  must(await ipc.invoke('bots:tracked')).find((m) => m.id === id);

// Deterministic pseudo-random numbers so a failure can be replayed.
function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const line = (s: { speaker: string | null; text: string; absoluteStart?: number }) => `${s.speaker ?? ''}|${s.text}`;

describe.each(['g1', 'g2', 'g3'] as const)('live transcript through faults (%s)', (profile) => {
  it('equals the server’s transcript after 100 socket drops, 5 restarts and hostile frames: nothing lost, nothing doubled', async () => {
    const app = await launchApp({ profile, scenario: 'normal', timeScale: 6 });
    apps.push(app);
    const ipc = await connectIpc(app.url);
    must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey }));
    const launched = must(await ipc.invoke('bots:launch', { link: 'https://meet.google.com/abc-defg-hij' }));
    await waitFor('active', async () => (await meeting(ipc, launched.id)())?.status === 'active', 20_000);
    must(await ipc.invoke('live:open', { meetingId: launched.id }));

    const random = rng(profile.charCodeAt(1));
    let drops = 0;
    let restarts = 0;
    const hostile = [
      '{not json',
      '[]',
      '42',
      JSON.stringify({ type: 'transcript', meeting: { id: launched.id }, confirmed: 'nope' }),
      JSON.stringify({ type: 'wat', meeting: { id: launched.id } }),
      JSON.stringify({ type: 'transcript', meeting: { id: launched.id }, speaker: 7, pending: [{ text: 3 }] }),
    ];
    while ((await meeting(ipc, launched.id)())?.status === 'active') {
      const r = random();
      if (restarts < 5 && (r < 0.05 || drops >= 100)) {
        await app.simulator.restart(50 + Math.floor(random() * 200));
        restarts++;
      } else if (drops < 100) {
        app.simulator.dropSockets();
        drops++;
      }
      if (r > 0.9) {
        for (const h of hostile) app.simulator.injectRaw(launched.id, h);
        if (r > 0.98) app.simulator.injectRaw(launched.id, 'x'.repeat(10 * 1024 * 1024));
      }
      await new Promise((res) => setTimeout(res, 20 + random() * 60));
    }
    await waitFor('completed', async () => (await meeting(ipc, launched.id)())?.status === 'completed', 20_000);

    const truth = app.simulator.truth(launched.id);
    expect(truth.length).toBeGreaterThan(10);
    // After the last reconnect settles, the companion holds exactly the server's confirmed lines.
    const final = await waitFor(
      'the transcript to catch up',
      async () => {
        const snap = must(await ipc.invoke('live:open', { meetingId: launched.id }));
        const confirmed = snap.segments.filter((s: CaptionView) => !s.draft);
        return confirmed.length >= truth.length ? confirmed : undefined;
      },
      10_000,
    );
    expect(final.map(line)).toEqual(truth.map((t) => line({ speaker: t.speaker, text: t.text })));
    expect({ drops, restarts }).toEqual({ drops: 100, restarts: 5 });
    ipc.close();
  }, 90_000);
});
