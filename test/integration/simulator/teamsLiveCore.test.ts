/**
 * End to end on a G3 Teams meeting: the simulator sends the real mix of the bot's speaker-snapshots
 * (keyed by speaker key) and the collector's bundles (keyed by display name), and the core turns it
 * into the live transcript it pushes to the renderer. Replayed as the renderer applies it, that
 * transcript never shows two lines for one utterance and ends as the server's transcript.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptionView, LiveDeltaView, TrackedMeetingView } from '../../../shared/ipc/models';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must } from '../../support/ipcClient';
import { waitFor } from '../../support/waitFor';

const apps: LaunchedApp[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

/** `<session>:<speaker key>:<start ms>`, with `-provisional` or `-chat` on some: the start names the utterance. */
const utteranceOf = (c: CaptionView): string =>
  (c.segmentId ?? c.key)
    .replace(/-(provisional|chat)$/, '')
    .split(':')
    .pop()!;

describe('a Teams meeting on a G3 server, through the core', () => {
  it('reaches the renderer as one line per utterance at every update, ending with the server’s transcript', async () => {
    const app = await launchApp({ profile: 'g3', scenario: 'lobby-wait', timeScale: 10 });
    apps.push(app);
    const ipc = await connectIpc(app.url);
    must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey }));
    const launched = must(await ipc.invoke('bots:launch', { link: 'https://teams.live.com/meet/9381726450123?p=Ab12Cd34' }));
    expect(launched.platform).toBe('teams');
    const tracked = async (): Promise<TrackedMeetingView | undefined> =>
      must(await ipc.invoke('bots:tracked')).find((m) => m.id === launched.id);
    await waitFor('the lobby', async () => (await tracked())?.status === 'awaiting_admission', 20_000);

    const view = new Map<string, CaptionView>();
    for (const c of must(await ipc.invoke('live:open', { meetingId: launched.id })).segments) view.set(c.key, c);
    const seen = ipc.events.length;
    app.simulator.admit(launched.id);
    await waitFor('completed', async () => (await tracked())?.status === 'completed', 30_000);
    const truth = app.simulator.truth(launched.id);
    await waitFor(
      'the last lines',
      async () => {
        const snap = must(await ipc.invoke('live:open', { meetingId: launched.id }));
        return snap.segments.filter((s) => !s.draft).length >= truth.length;
      },
      10_000,
    );

    let updates = 0;
    let drafts = 0;
    for (const e of ipc.events.slice(seen)) {
      if (e.event !== 'live:segments') continue;
      const delta = e.payload as LiveDeltaView;
      if (delta.meetingId !== launched.id) continue;
      for (const key of delta.removed) view.delete(key);
      for (const c of delta.upserted) view.set(c.key, c);
      const lines = [...view.values()];
      const utterances = lines.map(utteranceOf);
      expect(new Set(utterances).size, `update ${updates}: ${lines.map((l) => `${l.draft ? '~' : ''}${l.text}`).join(' | ')}`).toBe(
        lines.length,
      );
      drafts += lines.filter((l) => l.draft).length;
      updates++;
    }
    expect(updates).toBeGreaterThan(truth.length);
    expect(drafts).toBeGreaterThan(0);
    const shown = [...view.values()].sort((a, b) => a.absoluteStart - b.absoluteStart);
    expect(shown.map((c) => `${c.draft ? '~' : ''}${c.speaker}|${c.text}`)).toEqual(truth.map((t) => `${t.speaker}|${t.text}`));
    ipc.close();
  }, 90_000);
});
