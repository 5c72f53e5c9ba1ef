import { afterEach, describe, expect, it } from 'vitest';
import type { NotificationRequest } from '../../../electron/core/ports';
import type { WatchHitView } from '../../../shared/ipc/watchWords';
import { compileWatchList, matchWatchWords } from '../../../shared/watchWords/match';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must, type IpcTestClient } from '../../support/ipcClient';
import { pause, waitFor } from '../../support/waitFor';

/** In the simulator's planning script: "picker" five times, in lines close together; "Thursday" twice. */
const WORDS = ['picker', 'June twelfth', 'Thursday'];
/** Daniel Okafor's name after the person's correction (he says "picker" and "June twelfth" once). */
const RENAMED = 'Dana Okoro';

const apps: LaunchedApp[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

async function meetingWithWords(profile: 'g1' | 'g2' | 'g3', { dnd = false } = {}) {
  // Fifty times real time: a line every ~60 ms, each draft growing twice before it is confirmed.
  const app = await launchApp({ profile, scenario: 'normal', timeScale: 50 });
  apps.push(app);
  const ipc = await connectIpc(app.url);
  const connected = must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey }));
  must(await ipc.invoke('settings:update', { watchWords: { enabled: true, words: WORDS }, doNotDisturb: dnd }));
  // The person has renamed a speaker on this server: alerts and hits name them as the captions do.
  must(
    await ipc.invoke('speakers:fix', {
      serverId: connected.server!.id,
      meetingId: null,
      kind: 'rename',
      label: 'Daniel Okafor',
      name: RENAMED,
    }),
  );
  const launched = must(await ipc.invoke('bots:launch', { link: 'https://meet.google.com/abc-defg-hij' }));
  // Mid-meeting, once a line has said a watched word, the socket drops: the reconnect re-reads
  // the transcript so far, every line already alerted included.
  await waitFor('a first watch-word line', async () => must(await ipc.invoke('watchWords:hits', { meetingId: launched.id })).length > 0);
  const mark = ipc.events.length;
  app.simulator.dropSockets();
  await waitFor('the live socket to drop', () =>
    ipc.events.slice(mark).some((e) => e.event === 'live:state' && (e.payload as { status: string }).status !== 'connected'),
  );
  await waitFor(
    'the meeting to end',
    async () => must(await ipc.invoke('bots:tracked')).find((m) => m.id === launched.id && m.status === 'completed'),
    20_000,
  );
  return { app, ipc, id: launched.id };
}

/** The core's hits once none is held back by the rate limit any more. */
const settledHits = (ipc: IpcTestClient, id: number): Promise<WatchHitView[]> =>
  waitFor(
    'every watch-word line to be alerted or held back',
    async () => {
      const hits = must(await ipc.invoke('watchWords:hits', { meetingId: id }));
      return hits.length > 0 && hits.every((h) => h.state !== 'waiting') ? hits : undefined;
    },
    15_000,
  );

const watchAlerts = (app: LaunchedApp, id: number): NotificationRequest[] =>
  app.ports.notifier.sent.filter((n) => n.id.startsWith(`${id}:watch-`));

/** How many lines one alert stands for: its own and the "(and N more lines)" it summarises. */
const linesOf = (n: NotificationRequest): number => 1 + Number(/\(and (\d+) more lines?\)$/.exec(n.body)?.[1] ?? 0);

/** The confirmed lines of the server's final transcript that say a watched word. */
function expectedLines(app: LaunchedApp, id: number): string[] {
  const list = compileWatchList(WORDS);
  return app.simulator
    .truth(id)
    .filter((s) => matchWatchWords(s.text, list).length > 0)
    .map((s) => s.text);
}

describe.each(['g1', 'g2', 'g3'] as const)('watch words on a %s server at fifty times real time', (profile) => {
  it('every confirmed line with a watched word is alerted exactly once, never a draft, and a re-read adds nothing', async () => {
    const { app, ipc, id } = await meetingWithWords(profile);
    const hits = await settledHits(ipc, id);
    const expected = expectedLines(app, id);
    expect(expected.length).toBeGreaterThanOrEqual(6);
    // Every hit is a confirmed line of the final transcript, each once: no draft's words, no second copy.
    expect(hits.map((h) => h.text).sort()).toEqual([...expected].sort());
    expect(new Set(hits.map((h) => h.lineKey)).size).toBe(hits.length);
    expect(hits.every((h) => h.state === 'alerted')).toBe(true);
    expect(hits.map((h) => h.speaker)).toContain(RENAMED);
    expect(hits.map((h) => h.speaker)).not.toContain('Daniel Okafor');

    const alerts = watchAlerts(app, id);
    // A burst is summarised: together the alerts stand for every hit, and each hit for one alert.
    expect(alerts.reduce((n, a) => n + linesOf(a), 0)).toBe(hits.length);
    expect(alerts.length).toBeLessThan(hits.length);
    for (const a of alerts) {
      expect(a.title).toMatch(/^“(picker|June twelfth|Thursday)”/);
      // "Speaker: line", the line as confirmed: a draft's shorter text would not be in the truth.
      const [, speaker, text] = /^(.+?): (.+?)(?: \(and \d+ more lines?\))?$/.exec(a.body) ?? [];
      expect(speaker).toMatch(new RegExp(`Maya|${RENAMED}|Priya`));
      expect(expected).toContain(text);
      expect(a.lineKey && hits.some((h) => h.lineKey === a.lineKey)).toBe(true);
    }

    // Clicking an alert asks the window to open the meeting at that line.
    const mark = ipc.events.length;
    alerts[0]!.onClick!();
    await waitFor('the focus event', () =>
      ipc.events
        .slice(mark)
        .find((e) => e.event === 'ui:focusMeeting' && (e.payload as { lineKey?: string }).lineKey === alerts[0]!.lineKey),
    );

    // Nothing more comes later: the meeting is over and its hits are settled.
    await pause(1000);
    expect(watchAlerts(app, id)).toHaveLength(alerts.length);
    ipc.close();
  });

  it('Do Not Disturb: no notification, every hit kept', async () => {
    const { app, ipc, id } = await meetingWithWords(profile, { dnd: true });
    const hits = await settledHits(ipc, id);
    expect(hits.map((h) => h.text).sort()).toEqual(expectedLines(app, id).sort());
    expect(hits.every((h) => h.state === 'quiet')).toBe(true);
    expect(watchAlerts(app, id)).toEqual([]);
    ipc.close();
  });
});
