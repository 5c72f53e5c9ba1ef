import { afterEach, describe, expect, it } from 'vitest';
import { createVexaClient, type VexaClient } from '../../../electron/core/vexa';
import { startSimulator, type Simulator } from '../../../electron/simulator';
import { isVexaError } from '../../../shared/vexa/errors';
import { icsFeed, startIcsServer, type IcsServer } from '../../support/icsServer';
import { waitFor } from '../../support/waitFor';

const KEY = 'vxa_tx_calendars0123456789abcdefghijklm';

let sim: Simulator | null = null;
let feeds: IcsServer | null = null;

afterEach(async () => {
  await sim?.close();
  await feeds?.close();
  sim = null;
  feeds = null;
});

async function rig(timeScale = 1): Promise<{ sim: Simulator; client: VexaClient; feeds: IcsServer }> {
  sim = await startSimulator({ profile: 'g3', port: 0, apiKeys: [{ key: KEY, scopes: ['bot', 'tx'] }], timeScale, rateLimitPerMinute: 0 });
  feeds = await startIcsServer();
  return { sim, client: createVexaClient({ baseUrl: sim.url, apiKey: KEY, generation: 'g3', retries: 0 }), feeds };
}

async function failure(p: Promise<unknown>): Promise<{ status: number | undefined; message: string }> {
  try {
    await p;
  } catch (e) {
    if (isVexaError(e)) return { status: e.status, message: e.userMessage };
    throw e;
  }
  throw new Error('expected the call to fail');
}

const HOUR = 3_600_000;

describe('calendar feeds (G3 /user/calendars)', () => {
  it('adds a feed (the secret address never comes back), changes its bot name and auto-join, removes it', async () => {
    const { client, feeds } = await rig();
    const secret = feeds.url('/calendar/ical/private-s3cr3t/basic.ics');
    const added = await client.planning().addCalendar({ name: 'Work', icsUrl: secret, autoJoin: false, botName: 'Work Notes' });
    expect(added).toMatchObject({ name: 'Work', autoJoin: false, botName: 'Work Notes', enabled: true, maskedUrl: '127.0.0.1/….ics' });
    expect(JSON.stringify(await client.planning().listCalendars())).not.toContain('s3cr3t');

    const changed = await client.planning().updateCalendar(added.id, { autoJoin: true, botName: 'Notes bot' });
    expect(changed).toMatchObject({ autoJoin: true, botName: 'Notes bot' });

    await client.planning().removeCalendar(added.id);
    expect(await client.planning().listCalendars()).toEqual([]);
    expect(await failure(client.planning().removeCalendar(added.id))).toMatchObject({ status: 404 });
  });

  it('refuses an embed page and a non-web address with the reason, and an eleventh feed with 409', async () => {
    const { client, feeds } = await rig();
    const embed = await failure(
      client.planning().addCalendar({ name: 'Embed', icsUrl: 'https://calendar.google.com/calendar/embed?src=x' }),
    );
    expect(embed.status).toBe(422);
    expect(embed.message).toContain('embed page');
    expect(await failure(client.planning().addCalendar({ name: 'File', icsUrl: 'file:///etc/passwd' }))).toMatchObject({ status: 422 });
    for (let i = 0; i < 10; i++) await client.planning().addCalendar({ name: `Feed ${i + 1}`, icsUrl: feeds.url(`/f${i}.ics`) });
    const eleventh = await failure(client.planning().addCalendar({ name: 'One too many', icsUrl: feeds.url('/f10.ics') }));
    expect(eleventh.status).toBe(409);
    expect(eleventh.message).toMatch(/at most 10 calendars/i);
  });

  it('syncs a feed into plans (a weekly repeat as its next occurrence), follows moves and cancellations, and names a broken feed', async () => {
    const { sim, client, feeds } = await rig();
    const now = Math.floor(sim.now() / 1000) * 1000; // feeds write whole seconds
    const weeklyStart = now - 3 * 24 * HOUR; // began three days ago: the next one is in four days
    feeds.set(
      '/work.ics',
      icsFeed([
        { uid: 'weekly-1', summary: 'Team weekly', start: weeklyStart, rrule: 'FREQ=WEEKLY', link: 'https://meet.google.com/abc-defg-hij' },
        { uid: 'once-1', summary: 'Customer call', start: now + 5 * HOUR, link: 'https://meet.google.com/xyz-abcd-efg' },
        { uid: 'nolink', summary: 'Lunch', start: now + 2 * HOUR },
      ]),
    );
    const cal = await client.planning().addCalendar({ name: 'Work', icsUrl: feeds.url('/work.ics'), botName: 'Work Notes' });
    const first = await client.planning().syncCalendar(cal.id);
    expect(first).toMatchObject({ calendarId: cal.id, lastError: null, counts: { created: 3, updated: 0, cancelled: 0 } });
    const plans = await client.planning().listPlans();
    const byTitle = Object.fromEntries(plans.map((p) => [p.title, p]));
    expect(byTitle['Team weekly']).toMatchObject({
      scheduledAt: weeklyStart + 7 * 24 * HOUR,
      nativeMeetingId: 'abc-defg-hij',
      autoJoin: true,
    });
    expect(byTitle['Team weekly']!.calendars).toEqual([{ id: cal.id, name: 'Work', autoJoin: true, botName: 'Work Notes' }]);
    expect(byTitle['Lunch']).toMatchObject({ platform: 'unknown', nativeMeetingId: null });

    // The customer call moves by an hour; lunch is cancelled.
    feeds.set(
      '/work.ics',
      icsFeed([
        { uid: 'weekly-1', summary: 'Team weekly', start: weeklyStart, rrule: 'FREQ=WEEKLY', link: 'https://meet.google.com/abc-defg-hij' },
        { uid: 'once-1', summary: 'Customer call', start: now + 6 * HOUR, link: 'https://meet.google.com/xyz-abcd-efg' },
        { uid: 'nolink', summary: 'Lunch', start: now + 2 * HOUR, status: 'CANCELLED' },
      ]),
    );
    expect((await client.planning().syncCalendar(cal.id)).counts).toEqual({ created: 0, updated: 1, cancelled: 1 });
    const after = await client.planning().listPlans();
    expect(after.map((p) => p.title).sort()).toEqual(['Customer call', 'Team weekly']);
    expect(after.find((p) => p.title === 'Customer call')!.scheduledAt).toBe(now + 6 * HOUR);

    feeds.set('/work.ics', 'gone', 404, 'text/plain');
    const broken = await client.planning().syncCalendar(cal.id);
    expect(broken.lastError).toBe('the URL answered HTTP 404');
    expect(await client.planning().lastSync(cal.id)).toMatchObject({ lastError: 'the URL answered HTTP 404' });
  });

  it('skipping one occurrence (auto-join off on its plan) survives the next sync; the feed auto-joins the rest with its bot name', async () => {
    const { sim, client, feeds } = await rig(60);
    const now = sim.now();
    feeds.set(
      '/team.ics',
      icsFeed([
        { uid: 'skip-me', summary: 'Skipped sync', start: now + 4 * 60_000, link: 'https://meet.google.com/abc-defg-hij' },
        { uid: 'join-me', summary: 'Joined sync', start: now + 4 * 60_000, link: 'https://meet.google.com/xyz-abcd-efg' },
      ]),
    );
    const cal = await client.planning().addCalendar({ name: 'Team', icsUrl: feeds.url('/team.ics'), botName: 'Team Notes' });
    await client.planning().syncCalendar(cal.id);
    const plans = await client.planning().listPlans();
    const skipped = plans.find((p) => p.title === 'Skipped sync')!;
    const joined = plans.find((p) => p.title === 'Joined sync')!;
    await client.planning().updatePlan(skipped.id, { autoJoin: false });
    await client.planning().syncCalendar(cal.id);
    expect((await client.planning().listPlans()).find((p) => p.id === skipped.id)?.autoJoin).toBe(false);

    await waitFor(
      'the calendar bot to be active',
      async () => {
        const m = await client.getMeeting(joined.id);
        return m.status === 'active' ? m : null;
      },
      30_000,
    );
    await waitFor(
      'captions in the auto-joined meeting',
      async () => (await client.getTranscriptById(joined.id)).segments.length > 0,
      30_000,
    );
    const still = await client.getMeeting(skipped.id);
    expect(still.status).toBe('scheduled');
  });
});
