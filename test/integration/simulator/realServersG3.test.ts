/**
 * G3 (v0.12) REST details a client can notice, as the real meeting-api and gateway answer them
 * (shared/reference/vexa-server-behaviour.md; meeting-api collector/app.py, lifecycle/stop_router.py,
 * bot_spawn/service.py).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../../electron/simulator/index';
import { call, sendBot, start, waitForStatus } from './simHelpers';

const BOT_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('G3 meetings and transcripts', () => {
  let sim: Simulator;
  let rejected: number;
  let done: number;
  beforeAll(async () => {
    sim = await start({ profile: 'g3', seed: true });
    rejected = (await sendBot(sim, 'rej-abcd-efg', 'rejected')).body.id;
    done = (await sendBot(sim, 'don-abcd-efg')).body.id;
    await waitForStatus(sim, rejected, 'failed');
    await waitForStatus(sim, done, 'completed');
  });
  afterAll(() => sim.close());

  it('answers POST /bots without `shared`, which list rows carry', async () => {
    const created = await sendBot(sim, 'shr-abcd-efg', 'lobby-wait');
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('shared');
    expect(created.body).toMatchObject({ completion_reason: null, failure_stage: null, data: { sessions: [expect.any(String)] } });
    const listed = (await call(sim, 'GET', '/meetings')).body.meetings.find((m: { id: number }) => m.id === created.body.id);
    expect(listed.shared).toBe(false);
  });

  it('writes the terminal reasons into data as well as the top-level columns', async () => {
    const failed = (await call(sim, 'GET', `/meetings/${rejected}`)).body;
    expect(failed).toMatchObject({ completion_reason: 'awaiting_admission_rejected', failure_stage: 'awaiting_admission' });
    expect(failed.data).toMatchObject({ completion_reason: 'awaiting_admission_rejected', failure_stage: 'awaiting_admission' });
    const completed = (await call(sim, 'GET', `/meetings/${done}`)).body;
    expect(completed.data).toMatchObject({ completion_reason: 'left_alone' });
    expect(completed.data).not.toHaveProperty('failure_stage');
  });

  it('serves segment times as the bot wrote them: milliseconds and Z', async () => {
    const segments = (await call(sim, 'GET', '/transcripts/google_meet/don-abcd-efg')).body.segments as Array<Record<string, string>>;
    expect(segments.length).toBeGreaterThan(20);
    for (const s of segments) {
      expect(s.absolute_start_time).toMatch(BOT_ISO);
      expect(s.absolute_end_time).toMatch(BOT_ISO);
    }
  });

  it('answers PATCH by link with 404 for an unknown meeting before it looks at the body', async () => {
    expect(await call(sim, 'PATCH', '/meetings/google_meet/zzz-zzzz-zzz', { body: { data: { name: 'x' } } })).toMatchObject({
      status: 404,
      body: { detail: 'Meeting not found for platform google_meet and ID zzz-zzzz-zzz' },
    });
    // A known meeting gets the body checked next, and only then the bot-owned refusal.
    expect(await call(sim, 'PATCH', '/meetings/google_meet/don-abcd-efg', { body: { data: { name: 'x' } } })).toMatchObject({
      status: 422,
      body: { detail: 'no editable fields in body' },
    });
    expect((await call(sim, 'PATCH', '/meetings/google_meet/don-abcd-efg', { body: { title: 'x' } })).status).toBe(409);
    // The row-id route checks the body first.
    expect(await call(sim, 'PATCH', '/meetings/9999', { body: { data: {} } })).toMatchObject({ status: 422 });
    expect(await call(sim, 'PATCH', '/meetings/9999', { body: { title: 'x' } })).toMatchObject({ status: 404 });
  });

  it('answers chat of an unknown meeting with 404 and an empty list for its own', async () => {
    expect(await call(sim, 'GET', '/bots/google_meet/zzz-zzzz-zzz/chat')).toMatchObject({
      status: 404,
      body: { detail: 'Meeting not found for platform google_meet and ID zzz-zzzz-zzz' },
    });
    expect((await call(sim, 'GET', '/bots/google_meet/don-abcd-efg/chat')).body).toEqual({ messages: [] });
  });

  it('treats an unknown platform as an unknown meeting on transcripts, and as a 422 string on DELETE /bots', async () => {
    expect(await call(sim, 'GET', '/transcripts/webex/room-1')).toMatchObject({
      status: 404,
      body: { detail: 'Meeting not found for platform webex and ID room-1' },
    });
    expect(await call(sim, 'DELETE', '/bots/webex/room-1')).toMatchObject({
      status: 422,
      body: { detail: "unsupported platform 'webex' — must be one of: browser_session, google_meet, jitsi, teams, telemost, zoom" },
    });
  });
});

describe.each(['g1', 'g2'] as const)('an unknown platform on %s', (profile) => {
  it('is a typed path parameter: 422 with pydantic items on transcripts and DELETE /bots', async () => {
    const sim = await start({ profile });
    try {
      for (const [method, path] of [
        ['GET', '/transcripts/webex/room-1'],
        ['DELETE', '/bots/webex/room-1'],
      ] as const) {
        const res = await call(sim, method, path);
        expect(res.status).toBe(422);
        expect(res.body.detail[0]).toMatchObject({ type: 'enum', loc: ['path', 'platform'], input: 'webex' });
      }
    } finally {
      await sim.close();
    }
  });
});
