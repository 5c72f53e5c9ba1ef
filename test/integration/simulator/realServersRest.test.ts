/**
 * REST behaviour the simulator copies from the real server code (shared/reference/
 * vexa-server-behaviour.md and the sources it cites), each where a client can notice it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../../electron/simulator/index';
import { ADMIN, call, KEY, sendBot, start, waitForStatus } from './simHelpers';

const byId = async (sim: Simulator, id: number) =>
  ((await call(sim, 'GET', '/meetings')).body.meetings as Array<Record<string, unknown>>).find((m) => m.id === id);

describe.each(['g1', 'g2', 'g3'] as const)('the user webhook, profile %s', (profile) => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start({ profile, apiKeys: [KEY, { key: 'tx-only', scopes: ['tx'], email: 'reader@example.com' }] });
  });
  afterAll(() => sim.close());

  it('PUT stores it and answers the whole user record, the secret left out', async () => {
    const put = await call(sim, 'PUT', '/user/webhook', {
      body: {
        webhook_url: 'https://example.com/hooks/vexa',
        webhook_secret: 's3cret-value-f3a9',
        webhook_events: { 'meeting.completed': true },
      },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id: 1, email: 'demo@example.com', data: { webhook_url: 'https://example.com/hooks/vexa' } });
    expect(put.body.data).not.toHaveProperty('webhook_secret');
    if (profile === 'g1') expect(put.body.data).not.toHaveProperty('webhook_events');
    else expect(put.body.data.webhook_events).toEqual({ 'meeting.completed': true });
  });

  it('GET reads it back with the secret masked on G3 and is not a route before', async () => {
    const got = await call(sim, 'GET', '/user/webhook');
    if (profile !== 'g3') {
      expect(got).toMatchObject({ status: 405, body: { detail: 'Method Not Allowed' } });
      return;
    }
    expect(got.body).toEqual({
      webhook_url: 'https://example.com/hooks/vexa',
      webhook_secret_set: true,
      webhook_secret: '********f3a9',
      webhook_events: { 'meeting.completed': true },
    });
  });

  it('refuses a null URL as a validation error and follows each gateway’s scopes', async () => {
    const bad = await call(sim, 'PUT', '/user/webhook', { body: { webhook_url: null } });
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0]).toMatchObject({ type: 'string_type', loc: ['body', 'webhook_url'] });
    const reader = await call(sim, 'PUT', '/user/webhook', { key: 'tx-only', body: { webhook_url: '' } });
    // G2's gateway puts /user/ under the bot scope; G3 lets a bot or tx key manage its webhook.
    expect(reader.status).toBe(profile === 'g2' ? 403 : 200);
  });
});

describe.each(['g1', 'g2'] as const)('repeating DELETE /meetings on a link, profile %s', (profile) => {
  it('anonymises the next-older meeting on that link, then answers 404: never "already deleted"', async () => {
    const sim = await start({ profile });
    try {
      const older = (await sendBot(sim, 'rec-abcd-efg')).body.id as number;
      await waitForStatus(sim, older, 'completed');
      const newer = (await sendBot(sim, 'rec-abcd-efg')).body.id as number;
      await waitForStatus(sim, newer, 'completed');
      const deleted = { message: 'Meeting google_meet/rec-abcd-efg transcripts and recording artifacts deleted; meeting data anonymized' };

      expect((await call(sim, 'DELETE', '/meetings/google_meet/rec-abcd-efg')).body).toEqual(deleted);
      expect(await byId(sim, newer)).toMatchObject({ native_meeting_id: null, data: { redacted: true } });
      expect(await byId(sim, older)).toMatchObject({ native_meeting_id: 'rec-abcd-efg' });

      const again = await call(sim, 'DELETE', '/meetings/google_meet/rec-abcd-efg');
      expect(again).toMatchObject({ status: 200, body: deleted });
      expect(await byId(sim, older)).toMatchObject({ native_meeting_id: null, data: { redacted: true } });

      expect(await call(sim, 'DELETE', '/meetings/google_meet/rec-abcd-efg')).toMatchObject({
        status: 404,
        body: { detail: 'Meeting not found for platform google_meet and ID rec-abcd-efg' },
      });
    } finally {
      await sim.close();
    }
  });
});

describe('G2 rate limiting by default', () => {
  it('stamps X-RateLimit-* on every reply, errors too, and refuses the 121st request of a minute', async () => {
    const sim = await start({ profile: 'g2', rateLimitPerMinute: undefined });
    try {
      const first = await call(sim, 'GET', '/meetings');
      expect([first.headers.get('x-ratelimit-limit'), first.headers.get('x-ratelimit-remaining')]).toEqual(['120', '119']);
      const missing = await call(sim, 'GET', '/no-such-route');
      expect(missing.status).toBe(404);
      expect(missing.headers.get('x-ratelimit-remaining')).toBe('118');
      // Every key value has a bucket of its own, a refused one too, and is still told what is left.
      const refused = await call(sim, 'GET', '/meetings', { key: 'wrong' });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('x-ratelimit-remaining')).toBe('119');
      for (let i = 0; i < 117; i++) await call(sim, 'GET', '/health');
      const last = await call(sim, 'GET', '/meetings');
      expect([last.status, last.headers.get('x-ratelimit-remaining')]).toEqual([200, '0']);
      const limited = await call(sim, 'GET', '/meetings');
      expect(limited).toMatchObject({ status: 429, body: { detail: 'Rate limit exceeded', retry_after: 1 } });
      expect(limited.headers.get('retry-after')).toBe('1');
      expect(limited.headers.get('x-ratelimit-limit')).toBeNull();
      // The admin API counts in its own bucket of 30.
      const admin = await call(sim, 'GET', '/admin/users', { key: null, admin: ADMIN });
      expect([admin.status, admin.headers.get('x-ratelimit-limit')]).toEqual([200, '30']);
    } finally {
      await sim.close();
    }
  });

  it.each(['g1', 'g3'] as const)('leaves %s unlimited unless asked', async (profile) => {
    const sim = await start({ profile, rateLimitPerMinute: undefined });
    try {
      for (let i = 0; i < 125; i++) await call(sim, 'GET', '/health');
      const res = await call(sim, 'GET', '/meetings');
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-limit')).toBeNull();
    } finally {
      await sim.close();
    }
  });
});

describe('G2 bots by id and their participants', () => {
  let sim: Simulator;
  let id: number;
  beforeAll(async () => {
    sim = await start({ profile: 'g2', apiKeys: [KEY, { key: 'other', email: 'other@example.com' }] });
    id = (await sendBot(sim, 'par-abcd-efg')).body.id;
    await waitForStatus(sim, id, 'completed');
  });
  afterAll(() => sim.close());

  it('GET /bots/id/{id} returns the caller’s row, 404 for anyone else’s, 422 for a non-integer', async () => {
    const own = await call(sim, 'GET', `/bots/id/${id}`);
    expect(own.body).toMatchObject({ id, platform: 'google_meet', native_meeting_id: 'par-abcd-efg', status: 'completed' });
    expect(own.body.data.status_transition.length).toBeGreaterThan(2);
    expect(await call(sim, 'GET', `/bots/id/${id}`, { key: 'other' })).toMatchObject({
      status: 404,
      body: { detail: 'Meeting not found' },
    });
    expect((await call(sim, 'GET', '/bots/id/abc')).body.detail[0]).toMatchObject({ type: 'int_parsing', loc: ['path', 'meeting_id'] });
  });

  it('GET /bots/{platform}/{id}/participants counts who spoke', async () => {
    const res = await call(sim, 'GET', '/bots/google_meet/par-abcd-efg/participants');
    expect(res.body).toMatchObject({ id, platform: 'google_meet', native_meeting_id: 'par-abcd-efg', participant_count: 3 });
    const names = (res.body.participants as Array<{ name: string; segment_count: number }>).map((p) => p.name).sort();
    expect(names).toEqual(['Daniel Okafor', 'Maya Lindqvist', 'Priya Raman']);
    const total = (res.body.participants as Array<{ segment_count: number }>).reduce((n, p) => n + p.segment_count, 0);
    expect(total).toBe(sim.truth(id).length);
    expect(res.body.participants[0]).toMatchObject({ first_seen: expect.any(String), speaking_time_seconds: expect.any(Number) });
  });

  it.each(['g1', 'g3'] as const)('does not exist on %s', async (profile) => {
    const other = await start({ profile });
    try {
      expect((await call(other, 'GET', '/bots/google_meet/par-abcd-efg/participants')).status).toBe(404);
    } finally {
      await other.close();
    }
  });
});

describe.each(['g2', 'g3'] as const)('a bot that needs a person, profile %s', (profile) => {
  it(profile === 'g3' ? 'is not among the running bots while it waits' : 'stays among the running containers', async () => {
    const sim = await start({ profile });
    try {
      const id = (await sendBot(sim, 'hlp-abcd-efg', 'needs-help')).body.id as number;
      const stuck = profile === 'g3' ? 'needs_help' : 'needs_human_help';
      await waitForStatus(sim, id, stuck);
      const running = (await call(sim, 'GET', '/bots/status')).body;
      if (profile === 'g3') {
        expect(running).toEqual({ running: [], running_bots: [], count: 0 });
        expect((await call(sim, 'GET', `/meetings/${id}`)).body.status).toBe('needs_help');
      } else {
        expect(running.running_bots).toEqual([expect.objectContaining({ meeting_status: 'needs_human_help', status: 'running' })]);
      }
      sim.admit(id);
      await waitForStatus(sim, id, 'active');
      const back = (await call(sim, 'GET', '/bots/status')).body;
      expect(profile === 'g3' ? back.count : back.running_bots.length).toBe(1);
    } finally {
      await sim.close();
    }
  });
});
