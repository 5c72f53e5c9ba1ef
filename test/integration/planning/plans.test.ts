import { afterEach, describe, expect, it } from 'vitest';
import { createVexaClient, type VexaClient } from '../../../electron/core/vexa';
import { startSimulator, type Simulator } from '../../../electron/simulator';
import { isVexaError } from '../../../shared/vexa/errors';
import { waitFor } from '../../support/waitFor';

const KEY = 'vxa_tx_plans0123456789abcdefghijklmnopqr';

let sim: Simulator | null = null;

afterEach(async () => {
  await sim?.close();
  sim = null;
});

async function rig(profile: 'g1' | 'g2' | 'g3', timeScale = 50): Promise<{ sim: Simulator; client: VexaClient }> {
  sim = await startSimulator({ profile, port: 0, apiKeys: [{ key: KEY, scopes: ['bot', 'tx'] }], timeScale, rateLimitPerMinute: 0 });
  return { sim, client: createVexaClient({ baseUrl: sim.url, apiKey: KEY, generation: profile, retries: 0 }) };
}

async function failure(p: Promise<unknown>): Promise<{ code: string; status: number | undefined; message: string }> {
  try {
    await p;
  } catch (e) {
    if (isVexaError(e)) return { code: e.code, status: e.status, message: e.userMessage };
    throw e;
  }
  throw new Error('expected the call to fail');
}

const iso = (ms: number) => new Date(ms).toISOString();

describe('planned meetings (G3 POST/PATCH/DELETE /meetings)', () => {
  it('creates, lists, edits and cancels a plan', async () => {
    const { sim, client } = await rig('g3', 1);
    const at = sim.now() + 3 * 3_600_000;
    const p = await client
      .planning()
      .createPlan({ title: 'Design review', scheduledAt: iso(at), meetingUrl: 'https://meet.google.com/abc-defg-hij' });
    expect(p).toMatchObject({
      status: 'scheduled',
      title: 'Design review',
      scheduledAt: at,
      platform: 'google_meet',
      nativeMeetingId: 'abc-defg-hij',
      autoJoin: true,
    });
    expect((await client.planning().listPlans()).map((x) => x.id)).toEqual([p.id]);

    const moved = await client.planning().updatePlan(p.id, {
      title: 'Design review (moved)',
      scheduledAt: iso(at + 3_600_000),
      meetingUrl: 'https://meet.google.com/xyz-abcd-efg',
    });
    expect(moved).toMatchObject({ title: 'Design review (moved)', scheduledAt: at + 3_600_000, nativeMeetingId: 'xyz-abcd-efg' });

    const badLink = await failure(client.planning().updatePlan(p.id, { meetingUrl: 'https://example.com/not-a-meeting' }));
    expect(badLink.status).toBe(422);

    await client.planning().deletePlan(p.id);
    expect(await client.planning().listPlans()).toEqual([]);
  });

  it('answers 409 once a bot owns the meeting: a bot sent to its link claims the same row', async () => {
    const { client } = await rig('g3', 1);
    const p = await client
      .planning()
      .createPlan({ title: 'Standup', scheduledAt: iso(Date.now() + 3_600_000), meetingUrl: 'https://meet.google.com/abc-defg-hij' });
    const bot = await client.launchBot({ platform: 'google_meet', nativeMeetingId: 'abc-defg-hij' });
    expect(bot.id).toBe(p.id);
    const edit = await failure(client.planning().updatePlan(p.id, { title: 'Too late' }));
    expect(edit).toMatchObject({ status: 409 });
    expect(edit.message).toContain('no longer planned');
    expect(await failure(client.planning().deletePlan(p.id))).toMatchObject({ status: 409 });
    expect(await client.planning().listPlans()).toEqual([]);
  });

  it('sends the bot by itself about two minutes early: scheduled, then joining, active, and a transcript', async () => {
    const { sim, client } = await rig('g3', 60);
    const at = sim.now() + 4 * 60_000;
    const p = await client
      .planning()
      .createPlan({ title: 'Weekly sync', scheduledAt: iso(at), meetingUrl: 'https://meet.google.com/abc-defg-hij' });
    const active = await waitFor(
      'the scheduled bot to be active',
      async () => {
        const m = await client.getMeeting(p.id);
        return m.status === 'active' ? m : null;
      },
      30_000,
    );
    // Dispatched within the lead, not at the meeting's own time and not long before.
    const joined = active.statusTransitions.find((t) => t.to === 'joining')?.at ?? null;
    expect(joined).not.toBeNull();
    expect(joined!).toBeGreaterThanOrEqual(at - 120_000 - 1_000);
    expect(joined!).toBeLessThan(at);
    await waitFor('captions of the scheduled meeting', async () => (await client.getTranscriptById(p.id)).segments.length > 0, 30_000);
  });

  it('sends no bot to a plan whose auto-join is off (one occurrence skipped)', async () => {
    const { sim, client } = await rig('g3', 60);
    const at = sim.now() + 3 * 60_000;
    const p = await client
      .planning()
      .createPlan({ title: 'Skipped', scheduledAt: iso(at), meetingUrl: 'https://meet.google.com/abc-defg-hij' });
    await client.planning().updatePlan(p.id, { autoJoin: false });
    await waitFor('the meeting time and a sweep after it to pass', () => sim.now() > at + 60_000, 30_000);
    expect((await client.planning().listPlans()).map((x) => [x.id, x.status, x.autoJoin])).toEqual([[p.id, 'scheduled', false]]);
  });

  for (const profile of ['g1', 'g2'] as const) {
    it(`says plainly that ${profile === 'g1' ? 'Vexa 0.9' : 'Vexa 0.10'} cannot schedule a bot or follow calendars`, async () => {
      const { client } = await rig(profile, 1);
      expect(client.capabilities).toMatchObject({ plannedMeetings: false, calendars: false });
      const plan = await failure(client.planning().createPlan({ title: 'x' }));
      expect(plan.code).toBe('unsupported');
      expect(plan.message).toContain('scheduled bots need Vexa 0.12 or later');
      const cal = await failure(client.planning().listCalendars());
      expect(cal.message).toContain('calendar feeds need Vexa 0.12 or later');
    });
  }
});
