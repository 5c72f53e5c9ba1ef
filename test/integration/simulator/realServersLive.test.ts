/**
 * The `/ws` control protocol and the G3 Teams frame mix as the real gateways and bots produce them
 * (Vexa-ai/vexa@v0.10.7:services/api-gateway/main.py, core/gateway/.../multiplex.py,
 * core/meetings/services/bot/src/adapters/transcript-redis.ts, collector/ingest.py).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../../electron/simulator/index';
import { call, FrameLog, start, waitForStatus, type Frame } from './simHelpers';

describe.each(['g1', 'g2', 'g3'] as const)('WebSocket unsubscribe, profile %s', (profile) => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start({ profile });
    await call(sim, 'POST', '/bots', { body: { platform: 'google_meet', native_meeting_id: 'uns-abcd-efg', bot_name: 'sim:lobby-wait' } });
  });
  afterAll(() => sim.close());

  it('answers only `unsubscribed` when something was removed, only an error when nothing was', async () => {
    const ws = await FrameLog.open(sim);
    await ws.subscribe('google_meet', 'uns-abcd-efg');
    const reply = async (meetings: unknown): Promise<Frame[]> => {
      const from = ws.frames.length;
      ws.send({ action: 'unsubscribe', meetings });
      ws.send({ action: 'ping' });
      await ws.waitFor((f) => f.type === 'pong', 'pong', from);
      // Status frames of the waiting bot may interleave; the pong marks the end of the reply.
      const end = ws.frames.findIndex((f, i) => i >= from && f.type === 'pong');
      return ws.frames.slice(from, end).filter((f) => f.type !== 'meeting.status');
    };
    const known = { platform: 'google_meet', native_id: 'uns-abcd-efg' };
    expect(await reply([known, { platform: 'google_meet', native_id: 'not-mine-xyz' }, 7])).toEqual([
      { type: 'unsubscribed', meetings: [known] },
    ]);
    expect(await reply([known, { platform: 'zoom' }])).toEqual([
      {
        type: 'error',
        error: 'invalid_unsubscribe_payload',
        details: ['meetings[0] not currently subscribed', "meetings[1] missing 'platform' or 'native_id'"],
      },
    ]);
    expect(await reply([])).toEqual([{ type: 'unsubscribed', meetings: [] }]);
    expect(await reply('all')).toEqual([{ type: 'error', error: 'invalid_unsubscribe_payload', details: "'meetings' must be a list" }]);
    ws.close();
  });

  it(
    profile === 'g3'
      ? 'answers a non-object JSON message with invalid_json and keeps the socket'
      : 'ends the socket after a non-object JSON message',
    async () => {
      const ws = await FrameLog.open(sim);
      ws.send('[1]');
      if (profile === 'g3') {
        expect(await ws.waitFor((f) => f.type === 'error', 'error')).toEqual({ type: 'error', error: 'invalid_json' });
        ws.send({ action: 'ping' });
        await ws.waitFor((f) => f.type === 'pong', 'pong');
        ws.close();
        return;
      }
      expect((await ws.waitClosed()).code).toBe(1000);
      expect(ws.frames).toEqual([{ type: 'error', error: "'list' object has no attribute 'get'" }]);
    },
  );
});

describe('a G3 Teams meeting on the wire', () => {
  let sim: Simulator;
  let ws: FrameLog;
  let id: number;
  beforeAll(async () => {
    sim = await start({ profile: 'g3' });
    ws = await FrameLog.open(sim);
    const sent = await call(sim, 'POST', '/bots', {
      body: { platform: 'teams', native_meeting_id: '93817264502', bot_name: 'sim:lobby-wait' },
    });
    id = sent.body.id;
    await waitForStatus(sim, id, 'awaiting_admission');
    await ws.subscribe('teams', '93817264502');
    sim.admit(id);
    await waitForStatus(sim, id, 'completed');
  });
  afterAll(async () => {
    ws.close();
    await sim.close();
  });

  const transcript = (): Frame[] => ws.frames.filter((f) => f.type === 'transcript' || f.type === 'transcript_retract');

  it('carries the bot’s speaker-snapshots, keyed by speaker key without `ts`, next to the collector’s bundles keyed by name', () => {
    const snapshots = transcript().filter((f) => f.type === 'transcript' && !('ts' in f));
    const collector = transcript().filter((f) => f.type === 'transcript' && 'ts' in f);
    expect(transcript().some((f) => 'segment' in f)).toBe(false);
    const keys = new Set(snapshots.map((f) => f.speaker as string));
    for (const k of ['p1', 'p2', 'p3']) expect(keys).toContain(k);
    for (const k of keys) expect(k).toMatch(/^(p[1-3]|cluster-\d+)$/);
    expect(new Set(collector.map((f) => f.speaker))).toEqual(new Set(['Maya Lindqvist', 'Daniel Okafor', 'Priya Raman']));
    expect(snapshots[0]).toEqual({
      type: 'transcript',
      meeting: { id },
      speaker: expect.any(String),
      confirmed: expect.any(Array),
      pending: expect.any(Array),
    });
    expect(collector[0].meeting).toEqual({ id, native_id: '93817264502', platform: null });
    // Every segment the collector publishes, the bot published first under its speaker key.
    const botIds = new Set(snapshots.flatMap((f) => [...f.confirmed, ...f.pending].map((s: { segment_id: string }) => s.segment_id)));
    for (const f of collector) for (const s of [...f.confirmed, ...f.pending]) expect(botIds).toContain(s.segment_id);
    expect(sim.truth(id).length).toBeGreaterThan(25);
  });

  it('withdraws a provisional draft live, republishes that key’s pending set, then withdraws it again from the collector', () => {
    const frames = transcript();
    const first = frames.findIndex((f) => f.type === 'transcript_retract');
    const retract = frames[first];
    const [draftId] = retract.segment_ids as string[];
    const key = draftId!.split(':')[1];
    expect(frames[first + 1]).toEqual({ type: 'transcript', meeting: { id }, speaker: key, confirmed: [], pending: [] });
    const again = frames.findIndex((f, i) => i > first && f.type === 'transcript_retract');
    expect(frames[again]).toEqual(retract);
    // Between the two: the bot's final under the bound speaker; after the second: the collector's copy.
    const between = frames.slice(first + 2, again);
    expect(between).toHaveLength(1);
    expect(between[0]).toMatchObject({ speaker: expect.stringMatching(/^p[1-3]$/), confirmed: [{ completed: true }], pending: [] });
    expect(between[0]).not.toHaveProperty('ts');
    expect(frames[again + 1]).toMatchObject({ ts: expect.any(String), confirmed: [{ segment_id: between[0].confirmed[0].segment_id }] });
  });
});
