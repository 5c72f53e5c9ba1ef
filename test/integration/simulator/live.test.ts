import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator, SimSegment } from '../../../electron/simulator/index';
import { call, FrameLog, KEY, sendBot, start, waitForStatus, type Frame } from './simHelpers';

interface Heard {
  text: string;
  speaker: string;
  completed: boolean;
}

/** What a client ends up showing: the confirmed segments it assembled from live frames. */
function assemble(profile: 'g1' | 'g2' | 'g3', frames: Frame[]): Heard[] {
  const byKey = new Map<string, Heard & { start: number }>();
  for (const f of frames) {
    if (profile === 'g1' && f.type === 'transcript.mutable') {
      // G1 has no segment_id: clients key by absolute start time.
      for (const s of f.payload.segments) byKey.set(String(Date.parse(s.absolute_start_time)), s);
    } else if (profile === 'g2' && f.type === 'transcript') {
      for (const s of [...f.confirmed, ...f.pending]) byKey.set(s.segment_id, s);
    } else if (profile === 'g3' && f.type === 'transcript' && f.segment) {
      byKey.set(f.segment.segment_id, f.segment);
    } else if (profile === 'g3' && f.type === 'transcript_retract') {
      for (const id of f.segment_ids) byKey.delete(id);
    }
  }
  return [...byKey.values()]
    .filter((s) => s.completed)
    .sort((a, b) => a.start - b.start)
    .map((s) => ({ text: s.text, speaker: s.speaker, completed: true }));
}

const view = (truth: SimSegment[]): Heard[] => truth.map((s) => ({ text: s.text, speaker: s.speaker, completed: true }));
const isStatus = (status: string) => (f: Frame) => f.type === 'meeting.status' && (f.payload?.status === status || f.status === status);

describe.each(['g1', 'g2', 'g3'] as const)('a live meeting, profile %s', (profile) => {
  let sim: Simulator;
  let ws: FrameLog;
  let id: number;
  beforeAll(async () => {
    sim = await start({ profile });
    ws = await FrameLog.open(sim);
    id = (await sendBot(sim, 'liv-abcd-efg', 'lobby-wait')).body.id;
    await waitForStatus(sim, id, 'awaiting_admission');
    const subscribed = await ws.subscribe('google_meet', 'liv-abcd-efg');
    expect(subscribed).toEqual({ type: 'subscribed', meetings: [{ platform: 'google_meet', native_id: 'liv-abcd-efg' }] });
    sim.admit(id);
    await ws.waitFor(isStatus('completed'), 'completed status frame');
  });
  afterAll(async () => {
    ws.close();
    await sim.close();
  });

  it('streams drafts that settle into exactly the transcript the server keeps', async () => {
    const truth = sim.truth(id);
    expect(truth.length).toBeGreaterThan(25);
    expect(new Set(truth.map((s) => s.speaker))).toEqual(new Set(['Maya Lindqvist', 'Daniel Okafor', 'Priya Raman']));
    expect(assemble(profile, ws.frames)).toEqual(view(truth));

    const rest = await call(sim, 'GET', '/transcripts/google_meet/liv-abcd-efg');
    expect(rest.body.status).toBe('completed');
    expect(rest.body.segments.map((s: { text: string }) => s.text)).toEqual(truth.map((s) => s.text));
    expect(rest.body.segments[0]).toMatchObject({ start: truth[0]!.start, end: truth[0]!.end, completed: true });
    if (profile === 'g1') expect(rest.body.segments[0]).not.toHaveProperty('segment_id');
    else expect(rest.body.segments[0].segment_id).toBe(truth[0]!.segment_id);
    if (profile === 'g3') expect(rest.body.segments[0]).toMatchObject({ speaker_key: 'p1', source: 'glow-bound' });
  });

  it('uses the generation’s transcript frame shape', () => {
    const transcriptFrames = ws.frames.filter((f) => f.type === 'transcript.mutable' || f.type === 'transcript');
    expect(transcriptFrames.length).toBeGreaterThan(60);
    if (profile === 'g1') {
      const seg = transcriptFrames[0].payload.segments[0];
      expect(Object.keys(seg)).toEqual(expect.arrayContaining(['start', 'end_time', 'absolute_start_time', 'session_uid']));
      expect(seg).not.toHaveProperty('segment_id');
      expect(seg.absolute_start_time).toMatch(/\+00:00$/);
      expect(transcriptFrames.some((f) => f.payload.segments[0].completed === false)).toBe(true);
    }
    if (profile === 'g2') {
      const bundle = transcriptFrames.find((f) => f.confirmed.length > 0);
      expect(bundle).toMatchObject({
        meeting: { id },
        speaker: expect.any(String),
        pending: expect.any(Array),
        ts: expect.stringMatching(/Z$/),
      });
      expect(bundle.confirmed[0]).toMatchObject({
        segment_id: expect.any(String),
        start: expect.any(Number),
        end: expect.any(Number),
        completed: true,
      });
      expect(transcriptFrames.some((f) => f.pending.length > 0)).toBe(true);
    }
    if (profile === 'g3') {
      // The same confirmed segment arrives twice: the bot's envelope, then the collector's bundle.
      const envelope = transcriptFrames.find((f) => f.segment?.completed);
      const bundle = transcriptFrames.find((f) =>
        f.confirmed?.some((s: { segment_id: string }) => s.segment_id === envelope.segment.segment_id),
      );
      // The bot stamps only the native id on what it streams, so the collector knows no platform.
      expect(bundle.meeting).toEqual({ id, native_id: 'liv-abcd-efg', platform: null });
      expect(bundle.confirmed[0].text).toBe(envelope.segment.text);
      const retract = ws.frames.find((f) => f.type === 'transcript_retract');
      expect(retract).toMatchObject({ meeting: { id }, segment_ids: [expect.stringContaining('provisional')] });
      // Withdrawn twice too: by the bot live, and by the collector once it has deleted the draft.
      expect(ws.frames.filter((f) => f.type === 'transcript_retract' && f.segment_ids[0] === retract.segment_ids[0])).toEqual([
        retract,
        retract,
      ]);
      expect(sim.truth(id).map((s) => s.segment_id)).not.toContain(retract.segment_ids[0]);
    }
  });

  it('publishes status frames in the generation’s shape', () => {
    const status = ws.frames.filter((f) => f.type === 'meeting.status' && f.meeting);
    expect(status.map((f) => f.payload.status)).toEqual(['active', 'completed']);
    expect(status[0].meeting).toEqual({ id, platform: 'google_meet', native_id: 'liv-abcd-efg' });
    if (profile === 'g1') expect(status[0]).not.toHaveProperty('user_id');
    else expect(status[0].user_id).toEqual(expect.any(Number));
    expect(status[0].ts).toMatch(profile === 'g3' ? /\+00:00$/ : /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
  });

  it('carries in-meeting chat on the generation’s channel', async () => {
    const chat = await call(sim, 'GET', '/bots/google_meet/liv-abcd-efg/chat');
    if (profile === 'g3') {
      expect(chat.body).toEqual({ messages: [] });
      const rest = await call(sim, 'GET', '/transcripts/google_meet/liv-abcd-efg');
      expect(rest.body.segments.filter((s: { source: string }) => s.source === 'chat')).toHaveLength(1);
    } else {
      expect(chat.body.messages).toEqual([
        { sender: 'Priya Raman', text: expect.stringContaining('prototype'), timestamp: expect.any(Number), is_from_bot: false },
      ]);
      expect(ws.frames.some((f) => f.type === 'chat.new_message')).toBe(true);
    }
  });
});

describe('status frames on stop', () => {
  it.each(['g1', 'g2'] as const)('%s publishes stopping then completed to subscribers', async (profile) => {
    const sim = await start({ profile, timeScale: 50 });
    const ws = await FrameLog.open(sim);
    try {
      const id = (await sendBot(sim, 'stp-abcd-efg', 'lobby-wait')).body.id;
      await ws.subscribe('google_meet', 'stp-abcd-efg');
      sim.admit(id);
      await ws.waitFor(isStatus('active'), 'active');
      await call(sim, 'DELETE', '/bots/google_meet/stp-abcd-efg');
      await ws.waitFor(isStatus('completed'), 'completed');
      const statuses = ws.frames.filter((f) => f.type === 'meeting.status').map((f) => f.payload.status);
      expect(statuses.slice(-2)).toEqual(['stopping', 'completed']);
      const meeting = (await call(sim, 'GET', '/meetings')).body.meetings[0];
      expect(meeting.data.completion_reason).toBe('stopped');
      expect(meeting.data.status_transition.map((t: { to: string }) => t.to)).toEqual([
        'joining',
        'awaiting_admission',
        'active',
        'stopping',
        'completed',
      ]);
    } finally {
      ws.close();
      await sim.close();
    }
  });

  it('g3 sends flat user-channel frames without a subscription and never requested or stopping', async () => {
    const sim = await start({ profile: 'g3', timeScale: 50 });
    const ws = await FrameLog.open(sim, { viaHeader: true });
    try {
      const id = (await sendBot(sim, 'flt-abcd-efg', 'lobby-wait')).body.id;
      await ws.waitFor((f) => f.status === 'awaiting_admission', 'lobby frame');
      sim.admit(id);
      await ws.waitFor((f) => f.status === 'active', 'active frame');
      expect((await call(sim, 'DELETE', '/bots/google_meet/flt-abcd-efg')).status).toBe(200);
      const done = await ws.waitFor((f) => f.status === 'completed', 'completed frame');
      expect(done).toEqual({
        type: 'meeting.status',
        meeting_id: id,
        native: 'flt-abcd-efg',
        status: 'completed',
        when: expect.stringMatching(/\+00:00$/),
      });
      expect(ws.frames.map((f) => f.status)).toEqual(['joining', 'awaiting_admission', 'active', 'completed']);
      const full = (await call(sim, 'GET', `/meetings/${id}`)).body;
      expect(full).toMatchObject({ status: 'completed', completion_reason: 'stopped', data: { stop_requested: true } });
      expect(full.data.status_transition[0]).toMatchObject({ from: null, to: 'joining', timestamp_source: 'producer' });
      expect(full.data.status_transition.at(-1)).toMatchObject({ from: 'active', to: 'completed', source: 'user_stop' });
    } finally {
      ws.close();
      await sim.close();
    }
  });
});

describe('scenarios', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start({ profile: 'g3', apiKeys: [{ key: KEY, maxConcurrent: 10 }] });
  });
  afterAll(() => sim.close());

  it.each([
    ['lobby-timeout', 'failed', 'awaiting_admission_timeout', 'awaiting_admission'],
    ['rejected', 'failed', 'awaiting_admission_rejected', 'awaiting_admission'],
    ['join-failure', 'failed', 'join_failure', 'joining'],
    ['crash', 'failed', 'join_failure', 'active'],
    ['silence', 'completed', 'left_alone', null],
  ])('%s ends %s with %s', async (scenario, status, reason, stage) => {
    const nativeId = `${scenario.slice(0, 3)}-scen-ari`.replace(/[^a-z-]/g, 'x');
    const id = (await sendBot(sim, nativeId, scenario)).body.id;
    await waitForStatus(sim, id, status);
    const row = (await call(sim, 'GET', `/meetings/${id}`)).body;
    expect(row).toMatchObject({ status, completion_reason: reason, failure_stage: stage });
    const spoken = sim.truth(id).length;
    if (scenario === 'crash') expect(spoken).toBe(9);
    else expect(spoken).toBe(0);
  });

  it('long meetings produce hundreds of distinct lines', async () => {
    const fast = await start({ profile: 'g2', timeScale: 3000 });
    try {
      const id = (await sendBot(fast, 'lng-abcd-efg', 'long')).body.id;
      await waitForStatus(fast, id, 'completed');
      const truth = fast.truth(id);
      expect(truth.length).toBeGreaterThan(200);
      expect(new Set(truth.map((s) => s.text)).size).toBe(truth.length);
    } finally {
      await fast.close();
    }
  });
});
