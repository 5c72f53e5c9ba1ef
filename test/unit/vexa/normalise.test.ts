import { describe, expect, it } from 'vitest';
import {
  normaliseMeeting,
  normaliseMeetingList,
  normaliseSegment,
  normaliseStatus,
  normaliseTranscript,
} from '../../../shared/vexa/normalise';
import { normaliseAuthMe, normaliseBotStatus, normaliseChat, normaliseShare, normaliseStop } from '../../../shared/vexa/normaliseMisc';
import { fixtureJson } from '../../support/fixtures';

const g1 = fixtureJson('vexa/g1.json');
const g2 = fixtureJson('vexa/g2.json');
const g3 = fixtureJson('vexa/g3.json');

describe('meetings', () => {
  it('normalises a G1 list: naive UTC times, data fields, transitions, deleted transcripts', () => {
    const { meetings, hasMore } = normaliseMeetingList(g1.meetings);
    expect(hasMore).toBeNull();
    expect(meetings).toHaveLength(3);
    const [done, redacted, failed] = meetings;
    expect(done).toMatchObject({
      id: 42,
      platform: 'google_meet',
      nativeMeetingId: 'abc-defg-hij',
      status: 'completed',
      startTime: Date.UTC(2025, 5, 27, 10, 17, 5, 493),
      name: 'Weekly sync',
      notes: 'Budget review',
      participants: ['Alice', 'Bob'],
      languages: ['en'],
      completionReason: 'stopped',
      meetingUrl: 'https://meet.google.com/abc-defg-hij',
      botContainerId: '3f2a9c1b7d',
      transcriptDeleted: false,
      shared: false,
    });
    expect(done!.statusTransitions.map((t) => `${t.from}>${t.to}`)).toEqual([
      'requested>joining',
      'joining>awaiting_admission',
      'awaiting_admission>active',
      'active>stopping',
      'stopping>completed',
    ]);
    expect(done!.statusTransitions[4]).toMatchObject({
      source: 'user',
      completionReason: 'stopped',
      at: Date.UTC(2025, 5, 27, 10, 59, 41, 120),
    });
    expect(redacted).toMatchObject({ nativeMeetingId: null, transcriptDeleted: true, completionReason: 'left_alone', name: null });
    expect(failed!.statusTransitions[0]).toMatchObject({
      failureStage: 'awaiting_admission',
      completionReason: 'awaiting_admission_timeout',
    });
  });

  it('folds G2 needs_human_help into needs_help and reads top-level completion fields', () => {
    const { meetings } = normaliseMeetingList(g2.meetings);
    expect(meetings[0]!.status).toBe('needs_help');
    expect(meetings[0]!.languages).toEqual(['de', 'en']);
    expect(meetings[1]).toMatchObject({
      status: 'failed',
      completionReason: 'awaiting_admission_rejected',
      failureStage: 'awaiting_admission',
    });
  });

  it('reads the G2 /bots projection and its has_more', () => {
    const { meetings, hasMore } = normaliseMeetingList(g2.botsList);
    expect(hasMore).toBe(true);
    expect(meetings[0]).toMatchObject({ id: 310, status: 'active', participants: ['Dana', 'Eli', 'Fay'], statusTransitions: [] });
  });

  it('keeps G3 planned and shared rows and artifact deletion', () => {
    const { meetings } = normaliseMeetingList(g3.meetings);
    expect(meetings.map((m) => [m.id, m.status, m.platform])).toEqual([
      [5120, 'active', 'jitsi'],
      [5119, 'scheduled', 'unknown'],
      [5100, 'completed', 'google_meet'],
    ]);
    expect(meetings[1]!.nativeMeetingId).toBeNull();
    expect(meetings[2]).toMatchObject({ shared: true, transcriptDeleted: true, completionReason: 'left_alone' });
  });

  it('reads a G3 full row with its status trail starting at null', () => {
    const m = normaliseMeeting(g3.meeting);
    expect(m.statusTransitions[0]).toMatchObject({
      from: null,
      to: 'joining',
      source: 'bot_callback',
      at: Date.UTC(2026, 7, 18, 10, 0, 5),
    });
    expect(m.statusTransitions[2]).toMatchObject({ to: 'failed', reason: 'admission timed out' });
    expect(m).toMatchObject({ status: 'failed', failureStage: 'awaiting_admission', completionReason: 'awaiting_admission_timeout' });
    expect((m.data.last_error as { reason: string }).reason).toBe('awaiting_admission_timeout');
  });

  it('reads the POST /bots 201 body of each generation', () => {
    for (const body of [g1.botCreated, g3.botCreated]) {
      const m = normaliseMeeting(body);
      expect(m.status).toBe('requested');
      expect(m.startTime).toBeNull();
    }
    expect(normaliseMeeting(g3.botCreated).data.sessions).toEqual(['0c9d3f5e-6a1b-4f2c-8d7e-1a2b3c4d5e6f']);
  });

  it('survives odd rows: unknown fields, wrong types, an unknown status, a row without id', () => {
    const { meetings } = normaliseMeetingList({
      meetings: [
        { id: '7', platform: 'zoom', status: 'hibernating', start_time: 12, data: 'oops', brand_new_field: { x: 1 } },
        { platform: 'zoom' },
        'not a row',
      ],
      has_more: 'maybe',
    });
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ id: 7, status: 'unknown', data: {}, participants: [], name: null });
  });

  it('rejects a body that is not a meeting list at all', () => {
    expect(() => normaliseMeetingList({ running_bots: [] })).toThrowError(expect.objectContaining({ code: 'invalid_response' }));
    expect(() => normaliseMeeting({ platform: 'zoom' })).toThrowError(expect.objectContaining({ code: 'invalid_response' }));
  });

  it('knows every status word of every generation', () => {
    for (const s of [
      'requested',
      'joining',
      'awaiting_admission',
      'active',
      'needs_help',
      'stopping',
      'completed',
      'failed',
      'idle',
      'scheduled',
      'deleted',
    ]) {
      expect(normaliseStatus(s)).toBe(s);
    }
    expect(normaliseStatus('needs_human_help')).toBe('needs_help');
    expect(normaliseStatus('ACTIVE')).toBe('active');
    expect(normaliseStatus(undefined)).toBe('unknown');
  });
});

describe('transcripts and segments', () => {
  it('reads a G1 transcript: no segment ids, keys by absolute start, notes at the top level', () => {
    const t = normaliseTranscript(g1.transcript);
    expect(t.meeting).toMatchObject({ id: 42, notes: 'Budget review', status: 'completed' });
    expect(t.segments).toHaveLength(2);
    expect(t.segments[0]).toEqual({
      key: `t:${Date.UTC(2025, 5, 27, 10, 17, 5, 493)}`,
      speaker: 'Alice',
      text: 'Morning, everyone.',
      start: 0,
      end: 4.2,
      absoluteStart: Date.UTC(2025, 5, 27, 10, 17, 5, 493),
      absoluteEnd: Date.UTC(2025, 5, 27, 10, 17, 9, 693),
      language: 'en',
      completed: true,
    });
  });

  it('reads G2 segment ids and drafts', () => {
    const t = normaliseTranscript(g2.transcript);
    expect(t.segments.map((s) => [s.key, s.completed])).toEqual([
      ['5d1e-dana-0', true],
      ['5d1e-eli-3200', false],
    ]);
    expect(t.segments[1]).toMatchObject({ text: '', absoluteStart: null, start: 3.2, end: 3.2 });
  });

  it('reads G3 segments with their source (chat arrives as a segment)', () => {
    const t = normaliseTranscript(g3.transcript);
    expect(t.segments.map((s) => s.source)).toEqual(['glow-bound', 'chat']);
    expect(t.segments[0]!.segmentId).toBe('7f6c1d2e:spk-1:1500');
    expect(t.meeting.name).toBe('Standup');
  });

  it('reads a G1 WS segment (end_time, +00:00) to the same key as its REST twin', () => {
    const ws = normaliseSegment(g1.wsSegment)!;
    expect(ws).toMatchObject({ end: 15, completed: false, absoluteStart: Date.UTC(2025, 5, 27, 10, 17, 17, 743) });
    const rest = normaliseSegment({ ...g1.wsSegment, end_time: undefined, end: 15, absolute_start_time: '2025-06-27T10:17:17.743417' })!;
    expect(rest.key).toBe(ws.key);
  });

  it('fills absolute times when a producer sends epoch seconds as start/end', () => {
    const s = normaliseSegment({ segment_id: 'a', start: 1_755_000_000, end: 1_755_000_002.5, text: 'hi', completed: true })!;
    expect(s.absoluteStart).toBe(1_755_000_000_000);
    expect(s.absoluteEnd).toBe(1_755_000_002_500);
  });

  it('returns null for things that are not segments', () => {
    expect(normaliseSegment({ start: 1 })).toBeNull();
    expect(normaliseSegment('x')).toBeNull();
  });
});

describe('bot status, share, stop, auth, chat', () => {
  it('reads all three /bots/status shapes into the same entries', () => {
    const [one] = normaliseBotStatus(g1.botsStatus);
    expect(one).toMatchObject({ meetingId: 43, status: 'active', containerId: '3f2a9c1b7d', nativeMeetingId: 'xyz-abcd-efg' });
    const [two] = normaliseBotStatus(g2.botsStatus);
    expect(two).toMatchObject({ meetingId: 310, status: 'needs_help', startTime: Date.UTC(2026, 4, 2, 15, 1, 10) });
    const three = normaliseBotStatus(g3.botsStatus);
    expect(three).toHaveLength(1);
    expect(three[0]).toMatchObject({
      meetingId: 5120,
      platform: 'jitsi',
      status: 'active',
      containerId: 'w-5120',
      meetingUrl: 'https://meet.example.org/standup',
    });
    expect(
      normaliseBotStatus({
        running_bots: [{ container_id: 'abc123', meeting_id: 123, platform: 'google_meet', native_meeting_id: 'abc-defg-hij' }],
      })[0],
    ).toMatchObject({
      meetingId: 123,
      status: 'unknown',
    });
  });

  it('reads a G1/G2 public share link and a G3 capability token', () => {
    expect(normaliseShare(g1.share)).toEqual({
      kind: 'public-url',
      url: 'https://vexa.example.org/public/transcripts/Zx3v9Q0kP1rT7yLm2nB4cA.txt',
      shareId: 'Zx3v9Q0kP1rT7yLm2nB4cA',
      expiresAt: Date.UTC(2025, 5, 27, 11, 15),
    });
    expect(normaliseShare(g3.share)).toEqual({
      kind: 'capability-token',
      token: '5120.Qm9vdHN0cmFwU2VjcmV0VmFsdWU',
      id: '88',
      mode: 'open',
      expiresAt: Date.UTC(2026, 7, 21, 9),
    });
    expect(() => normaliseShare({ nothing: true })).toThrowError(expect.objectContaining({ code: 'invalid_response' }));
  });

  it('reads stop answers of each generation', () => {
    expect(normaliseStop(g1.stopAccepted)).toEqual({ accepted: true, message: 'The bot is leaving the meeting.' });
    expect(normaliseStop(g1.stopAlreadyCompleted)).toEqual({
      accepted: false,
      alreadyFinished: true,
      message: 'The bot had already left this meeting.',
    });
    expect(normaliseStop(g3.stop).accepted).toBe(true);
  });

  it('reads /auth/me with and without scopes', () => {
    expect(normaliseAuthMe(g3.authMe)).toEqual({ userId: '1001', email: 'ops@example.com', scopes: ['bot', 'tx'], maxConcurrent: 3 });
    expect(normaliseAuthMe({ user_id: 5, email: 'a@b.c' }).scopes).toBeNull();
    expect(() => normaliseAuthMe({ hello: 'world' })).toThrowError(expect.objectContaining({ code: 'invalid_response' }));
  });

  it('reads chat messages with millisecond timestamps', () => {
    expect(normaliseChat(g1.chat)).toEqual([
      { sender: 'Alice', text: 'Slides are in the doc', timestamp: 1751019450000, isFromBot: false },
    ]);
    expect(normaliseChat(g3.chat)).toEqual([]);
  });
});
