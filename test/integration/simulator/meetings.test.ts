import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../../electron/simulator/index';
import { call, KEY, sendBot, start, waitForStatus } from './simHelpers';

describe.each(['g1', 'g2', 'g3'] as const)('meetings and transcripts, profile %s', (profile) => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start({ profile, seed: true, apiKeys: [{ key: KEY, maxConcurrent: 100 }] });
  });
  afterAll(() => sim.close());

  it('lists the seeded library newest first with the generation’s row shape', async () => {
    const res = await call(sim, 'GET', '/meetings');
    expect(res.status).toBe(200);
    const names = res.body.meetings.map((m: { data: { name: string } }) => m.data.name);
    expect(names).toEqual(['June release planning', 'Design review: onboarding', 'Support sync']);
    const first = res.body.meetings[0];
    expect(first).toMatchObject({ status: 'completed', platform: 'google_meet', native_meeting_id: 'kqv-mzrp-tdx' });
    if (profile === 'g3') {
      expect(first.data).not.toHaveProperty('status_transition');
      expect(first).toMatchObject({ completion_reason: 'left_alone', shared: false });
      expect(first.start_time).toMatch(/Z$/);
    } else {
      expect(first.data.status_transition.map((t: { to: string }) => t.to)).toEqual([
        'joining',
        'awaiting_admission',
        'active',
        'completed',
      ]);
      expect(first.start_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    }
  });

  it('pages lists the way the generation does', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push((await sendBot(sim, `pag-abcd-ef${'xyz'[i]}`, 'lobby-wait')).body.id);
    const all = (await call(sim, 'GET', '/meetings')).body.meetings;
    expect(all).toHaveLength(6);
    const paged = await call(sim, 'GET', '/meetings?limit=2&offset=1');
    const badLimit = await call(sim, 'GET', '/meetings?limit=0');
    if (profile === 'g1') {
      expect(paged.body.meetings).toHaveLength(6);
      return;
    }
    expect(paged.body.meetings.map((m: { id: number }) => m.id)).toEqual(all.slice(1, 3).map((m: { id: number }) => m.id));
    expect(badLimit.status).toBe(422);
    expect(badLimit.body.detail[0]).toMatchObject({ type: 'greater_than_equal', loc: ['query', 'limit'] });
    expect((await call(sim, 'GET', '/meetings?limit=101')).status).toBe(422);
    const filtered = await call(sim, 'GET', '/meetings?status=completed&platform=teams');
    expect(filtered.body.meetings.map((m: { native_meeting_id: string }) => m.native_meeting_id)).toEqual(['93817264501']);
    const bots = await call(sim, 'GET', '/bots?limit=2');
    expect(bots.body).toMatchObject({ has_more: true });
    expect(bots.body.meetings).toHaveLength(2);
    for (const id of ids) sim.admit(id);
  });

  it('gives the full row by id from G2 on (G1 has no such route)', async () => {
    const res = await call(sim, 'GET', '/meetings/3');
    if (profile === 'g1') {
      expect(res).toMatchObject({ status: 404, body: { detail: 'Not Found' } });
      return;
    }
    expect(res.status).toBe(200);
    expect(res.body.data.status_transition).toHaveLength(4);
    if (profile === 'g3')
      expect(res.body.data.status_transition[0]).toMatchObject({ from: null, to: 'joining', timestamp_source: 'producer' });
    expect(await call(sim, 'GET', '/meetings/999')).toMatchObject({ status: 404, body: { detail: 'Meeting not found' } });
    expect((await call(sim, 'GET', '/meetings/abc')).body.detail[0].type).toBe('int_parsing');
  });

  it('renames through PATCH only before G3', async () => {
    const res = await call(sim, 'PATCH', '/meetings/google_meet/kqv-mzrp-tdx', {
      body: { data: { name: 'Release planning (June)', notes: 'Flag the picker' } },
    });
    if (profile === 'g3') {
      expect(res).toMatchObject({ status: 422, body: { detail: 'no editable fields in body' } });
      const planned = await call(sim, 'PATCH', '/meetings/google_meet/kqv-mzrp-tdx', { body: { title: 'x' } });
      expect(planned).toMatchObject({ status: 409, body: { detail: 'Meeting is no longer planned (bot lifecycle owns it)' } });
      return;
    }
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ name: 'Release planning (June)', notes: 'Flag the picker' });
    expect((await call(sim, 'PATCH', '/meetings/google_meet/kqv-mzrp-tdx', { body: {} })).body).toEqual({
      detail: 'No data provided for update.',
    });
    expect((await call(sim, 'PATCH', '/meetings/google_meet/nop-nope-nop', { body: { data: { name: 'x' } } })).status).toBe(404);
    expect((await call(sim, 'GET', '/transcripts/google_meet/kqv-mzrp-tdx')).body.notes).toBe('Flag the picker');
  });

  it('returns transcripts with start/end segments and honours meeting_id before G3', async () => {
    const res = await call(sim, 'GET', '/transcripts/zoom/84213579601');
    expect(res.status).toBe(200);
    expect(res.body.segments.length).toBeGreaterThan(10);
    expect(res.body.segments[0]).toMatchObject({
      start: expect.any(Number),
      end: expect.any(Number),
      completed: true,
      absolute_start_time: expect.stringMatching(/Z$/),
    });
    expect(res.body.segments[0]).not.toHaveProperty('start_time');
    if (profile === 'g1') expect(res.body).not.toHaveProperty('data');
    else expect(res.body.data).toBeDefined();
    const wrongId = await call(sim, 'GET', '/transcripts/zoom/84213579601?meeting_id=2');
    if (profile === 'g3') expect(wrongId.status).toBe(200);
    else
      expect(wrongId).toMatchObject({
        status: 404,
        body: { detail: 'Meeting not found for platform zoom, ID 84213579601, and meeting_id 2' },
      });
    expect(await call(sim, 'GET', '/transcripts/zoom/11111111111')).toMatchObject({
      status: 404,
      body: { detail: 'Meeting not found for platform zoom and ID 11111111111' },
    });
  });

  it('deletes a finished transcript the way the generation does', async () => {
    const live = await sendBot(sim, 'del-abcd-efg', 'lobby-wait');
    const busy = await call(sim, 'DELETE', '/meetings/google_meet/del-abcd-efg');
    expect(busy.status).toBe(409);
    sim.admit(live.body.id);
    await waitForStatus(sim, live.body.id, 'active');
    await call(sim, 'DELETE', '/bots/google_meet/del-abcd-efg');
    await waitForStatus(sim, live.body.id, 'completed');

    const res = await call(sim, 'DELETE', '/meetings/teams/93817264501');
    expect(res.status).toBe(200);
    if (profile === 'g3') {
      expect(res.body).toMatchObject({
        status: 'deleted',
        deleted: 'completed_meeting_artifacts',
        native_meeting_id: '93817264501',
        // Its 27 stored lines and its one recording.
        objects_deleted: 28,
      });
    } else {
      expect(res.body).toEqual({
        message: 'Meeting teams/93817264501 transcripts and recording artifacts deleted; meeting data anonymized',
      });
      // The deleted row lost its link, so a repeat finds no meeting on it (not "already deleted").
      expect(await call(sim, 'DELETE', '/meetings/teams/93817264501')).toMatchObject({
        status: 404,
        body: { detail: 'Meeting not found for platform teams and ID 93817264501' },
      });
      const row = (await call(sim, 'GET', '/meetings')).body.meetings.find((m: { id: number }) => m.id === 2);
      expect(row).toMatchObject({ native_meeting_id: null, data: { redacted: true } });
    }
    expect((await call(sim, 'GET', '/transcripts/teams/93817264501')).status).toBe(404);
  });
});

describe('G3 planned meetings', () => {
  it('creates, edits, hides and deletes plans, announcing them on the user channel', async () => {
    const sim = await start({ profile: 'g3' });
    try {
      const plan = await call(sim, 'POST', '/meetings', { body: { title: 'Retro', meeting_url: 'https://meet.google.com/ret-roab-cde' } });
      expect(plan.body).toMatchObject({
        status: 'idle',
        platform: 'google_meet',
        native_meeting_id: 'ret-roab-cde',
        data: { title: 'Retro' },
      });
      const edited = await call(sim, 'PATCH', '/meetings/google_meet/ret-roab-cde', { body: { scheduled_at: '2030-01-01T10:00:00Z' } });
      expect(edited.body.status).toBe('scheduled');
      expect((await call(sim, 'GET', '/meetings?exclude_planned=true')).body.meetings).toEqual([]);
      expect((await call(sim, 'GET', '/meetings')).body.meetings).toHaveLength(1);
      // The row-id route answers a bare 204 (the native path's 200 body is its own).
      expect((await call(sim, 'DELETE', `/meetings/${plan.body.id}`)).status).toBe(204);
      expect((await call(sim, 'GET', '/meetings')).body.meetings).toEqual([]);
    } finally {
      await sim.close();
    }
  });
});
