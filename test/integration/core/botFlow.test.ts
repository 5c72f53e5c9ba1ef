import { afterEach, describe, expect, it } from 'vitest';
import type { LiveStateView, TrackedMeetingView } from '../../../shared/ipc/models';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must, type IpcTestClient } from '../../support/ipcClient';
import { waitFor } from '../../support/waitFor';

const apps: LaunchedApp[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

async function connected(options: Parameters<typeof launchApp>[0]) {
  const reads = countingStatusReads();
  const app = await launchApp({ timeScale: 50, fetch: reads.fetch, ...options });
  apps.push(app);
  const ipc = await connectIpc(app.url);
  must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey }));
  return { app, ipc, reads };
}

async function waitForMeeting(
  ipc: IpcTestClient,
  id: number,
  pred: (m: TrackedMeetingView) => boolean,
  ms = 8000,
): Promise<TrackedMeetingView> {
  let last: string | undefined;
  try {
    return await waitFor(
      `meeting ${id}`,
      async () => {
        const m = must(await ipc.invoke('bots:tracked')).find((x) => x.id === id);
        last = m?.status;
        return m && pred(m) ? m : undefined;
      },
      ms,
    );
  } catch {
    throw new Error(`meeting ${id} stuck at ${last ?? 'nothing tracked'}`);
  }
}

/** The live socket went down after event `mark` and is connected again. */
const reconnectedSince = (ipc: IpcTestClient, mark: number): boolean => {
  const states = ipc.events.slice(mark).flatMap((e) => (e.event === 'live:state' ? [(e.payload as LiveStateView).status] : []));
  const down = states.findIndex((s) => s !== 'connected');
  return down >= 0 && states.slice(down + 1).includes('connected');
};

/** A fetch for the core that counts the answered reads of the running bots' statuses. */
function countingStatusReads(): { fetch: typeof fetch; answered: () => number } {
  let answered = 0;
  return {
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (new URL(new Request(input, init).url).pathname === '/bots/status') answered++;
      return response;
    },
    answered: () => answered,
  };
}

/**
 * Drops the live socket and waits for the reconnect and a fresh read of the statuses. Every frame
 * of the old socket was handled before its close, and the re-read reports each status again, so a
 * duplicate alert from either would be in the notifier's list by now.
 */
async function afterEveryRepeat(app: LaunchedApp, ipc: IpcTestClient, reads: { answered(): number }): Promise<void> {
  const mark = ipc.events.length;
  const readsBefore = reads.answered();
  app.simulator.dropSockets();
  await waitFor('the live socket to come back', () => reconnectedSince(ipc, mark));
  await waitFor('the statuses to be read again after the reconnect', () => reads.answered() > readsBefore);
}

const titles = (app: LaunchedApp, id: number) => app.ports.notifier.sent.filter((n) => n.id.startsWith(`${id}:`)).map((n) => n.title);

describe.each(['g1', 'g2', 'g3'] as const)('sending a bot on a %s server', (profile) => {
  it('launch → lobby alert → admit → active → stop → completed, one alert each', async () => {
    const { app, ipc, reads } = await connected({ profile, scenario: 'lobby-wait' });
    const launched = must(
      await ipc.invoke('bots:launch', { link: 'Join: https://meet.google.com/abc-defg-hij?authuser=0', botName: 'Notetaker' }),
    );
    expect(launched).toMatchObject({ platform: 'google_meet', nativeId: 'abc-defg-hij', status: 'requested' });

    const lobby = await waitForMeeting(ipc, launched.id, (m) => m.status === 'awaiting_admission');
    expect(lobby.history.map((h) => h.status)).toContain('awaiting_admission');
    expect(titles(app, launched.id)).toEqual(['The bot is waiting in the lobby']);
    expect(app.ports.tray.last?.state).toBe('attention');
    expect(app.ports.tray.last?.tooltip).toMatch(/waiting to be admitted/);
    // The meeting's item shows it in the window, so the window (hidden in the tray) comes first.
    expect(app.ports.tray.last?.items.find((i) => i.label.endsWith('Waiting in the lobby'))?.opensWindow).toBe(true);

    must(await ipc.invoke('meetings:openLink', { meetingId: launched.id }));
    expect(app.ports.opener.opened).toEqual(['https://meet.google.com/abc-defg-hij']);

    app.simulator.admit(launched.id);
    await waitForMeeting(ipc, launched.id, (m) => m.status === 'active');
    expect(titles(app, launched.id)).toEqual(['The bot is waiting in the lobby', 'The bot was admitted']);
    expect(app.ports.tray.last?.state).toBe('active');

    must(await ipc.invoke('bots:stop', { meetingId: launched.id }));
    const done = await waitForMeeting(ipc, launched.id, (m) => m.status === 'completed' || m.status === 'failed');
    expect(done.status).toBe('completed');
    expect(done.outcome).toMatch(/stopped/);
    await afterEveryRepeat(app, ipc, reads);
    // The user stopped it from the app: the outcome is on screen, no OS alert.
    expect(titles(app, launched.id)).toEqual(['The bot is waiting in the lobby', 'The bot was admitted']);
    expect(app.ports.tray.last?.state).toBe('idle');
    ipc.close();
  });

  it('a dropped socket while the bot waits in the lobby still alerts exactly once', async () => {
    const { app, ipc, reads } = await connected({ profile, scenario: 'lobby-wait' });
    const m = must(await ipc.invoke('bots:launch', { link: 'https://zoom.us/j/12345678901?pwd=abc123' }));
    app.simulator.dropSockets();
    await waitForMeeting(ipc, m.id, (x) => x.status === 'awaiting_admission');
    // The reconnect re-subscribes and re-reads every status: the lobby is reported again.
    await afterEveryRepeat(app, ipc, reads);
    // A lobby alert can only be raised while the meeting is in the lobby; once the app shows it
    // admitted, the count of lobby alerts is final, so "exactly once" is a count, not a guess.
    app.simulator.admit(m.id);
    await waitForMeeting(ipc, m.id, (x) => x.status === 'active');
    expect(titles(app, m.id)).toEqual(['The bot is waiting in the lobby', 'The bot was admitted']);
    ipc.close();
  });
});

describe('launch errors a person can act on', () => {
  it('refuses a link that is not a meeting link and sends nothing', async () => {
    const { ipc } = await connected({ profile: 'g3' });
    const r = await ipc.invoke('bots:launch', { link: 'https://calendar.google.com/calendar/u/0/r/eventedit/abc' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/Calendar/);
    expect(must(await ipc.invoke('bots:tracked'))).toEqual([]);
    ipc.close();
  });

  it('explains a second bot for the same meeting', async () => {
    const { ipc } = await connected({ profile: 'g3', scenario: 'lobby-wait' });
    must(await ipc.invoke('bots:launch', { link: 'https://meet.google.com/abc-defg-hij' }));
    const r = await ipc.invoke('bots:launch', { link: 'meet.google.com/abc-defg-hij' });
    expect(r).toMatchObject({ ok: false, code: 'already_active' });
    ipc.close();
  });

  it('refuses a 500-character bot name with a sentence', async () => {
    const { ipc } = await connected({ profile: 'g2' });
    const r = await ipc.invoke('bots:launch', { link: 'https://meet.google.com/abc-defg-hij', botName: 'n'.repeat(500) });
    expect(r).toMatchObject({ ok: false, code: 'invalid_bot_name' });
    ipc.close();
  });

  it('asks for the Teams passcode where the server needs it (G2)', async () => {
    const { ipc } = await connected({ profile: 'g2' });
    const r = await ipc.invoke('bots:launch', { link: '9387654321012' });
    expect(r).toMatchObject({ ok: false, code: 'passcode_required' });
    ipc.close();
  });

  it.each([
    ['rejected', 'The bot was denied entry', /denied/],
    ['lobby-timeout', 'Nobody admitted the bot', /in time/],
    ['join-failure', 'The bot could not finish', /could not join/],
  ] as const)('explains the %s outcome and alerts once', async (scenario, title, outcome) => {
    const { app, ipc, reads } = await connected({ profile: 'g3', scenario });
    const m = must(await ipc.invoke('bots:launch', { link: 'https://meet.google.com/abc-defg-hij' }));
    const done = await waitForMeeting(ipc, m.id, (x) => x.status === 'failed');
    expect(done.outcome).toMatch(outcome);
    // G3 announces the outcome on the meeting's channel and the user's: both must be in first.
    await afterEveryRepeat(app, ipc, reads);
    expect(titles(app, m.id).filter((t) => t === title)).toHaveLength(1);
    ipc.close();
  });

  it('follows statuses by polling while the live socket is down', async () => {
    const { app, ipc } = await connected({ profile: 'g3', scenario: 'lobby-wait' });
    const m = must(await ipc.invoke('bots:launch', { link: 'https://meet.google.com/abc-defg-hij' }));
    await waitForMeeting(ipc, m.id, (x) => x.status === 'awaiting_admission');
    app.simulator.setFault({ status: 503, body: 'down', paths: '/ws', count: 1000 });
    app.simulator.dropSockets();
    app.simulator.admit(m.id);
    await waitForMeeting(ipc, m.id, (x) => x.status === 'active');
    expect(must(await ipc.invoke('live:state')).status).not.toBe('connected');
    ipc.close();
  });

  it('keeps the meeting and says the connection is down when the server accepts the bot and then goes away', async () => {
    const { app, ipc } = await connected({ profile: 'g3', scenario: 'lobby-wait' });
    const m = must(await ipc.invoke('bots:launch', { link: 'https://meet.google.com/abc-defg-hij' }));
    await waitForMeeting(ipc, m.id, (x) => x.status === 'awaiting_admission');
    await app.simulator.close();
    await waitFor('the live socket to notice', async () => must(await ipc.invoke('live:state')).status !== 'connected', 5000);
    expect(must(await ipc.invoke('live:state')).status).toMatch(/reconnecting|offline/);
    // The last known state stays on screen; nothing is thrown away while the server is gone.
    expect(must(await ipc.invoke('bots:tracked')).find((x) => x.id === m.id)?.status).toBe('awaiting_admission');
    const stop = await ipc.invoke('bots:stop', { meetingId: m.id });
    expect(stop).toMatchObject({ ok: false, code: 'unreachable' });
    expect(app.ports.notifier.sent.filter((n) => n.title.startsWith('The bot is waiting'))).toHaveLength(1);
    ipc.close();
  });

  it('respects Do not disturb: no OS notification, the status still changes; alerts come back when it is turned off', async () => {
    const { app, ipc } = await connected({ profile: 'g3', scenario: 'lobby-wait' });
    must(await ipc.invoke('settings:update', { doNotDisturb: true }));
    const m = must(await ipc.invoke('bots:launch', { link: 'https://meet.google.com/abc-defg-hij' }));
    await waitForMeeting(ipc, m.id, (x) => x.status === 'awaiting_admission');
    expect(app.ports.tray.last?.state).toBe('attention');
    // The lobby and admitted alerts are raised as the app takes in each status, so once it shows
    // the meeting active, both were decided: neither may have reached the OS.
    app.simulator.admit(m.id);
    await waitForMeeting(ipc, m.id, (x) => x.status === 'active');
    expect(app.ports.notifier.sent).toEqual([]);
    expect(app.ports.tray.last?.state).toBe('active');
    // Turned off, the next alert (the transcript being ready) shows again: the setting is read
    // at each alert, and the notifier was there all along.
    must(await ipc.invoke('settings:update', { doNotDisturb: false }));
    await waitForMeeting(ipc, m.id, (x) => x.status === 'completed', 20_000);
    expect(titles(app, m.id)).toEqual(['Transcript ready']);
    ipc.close();
  });
});
