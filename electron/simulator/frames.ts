import { jsIso, pyNaive, pyOffset, pyZulu } from './profiles';
import type { ChatRecord, MeetingRecord, MeetingStatus, SegmentRecord, SimProfile } from './types';

/** G3 publishes only what the bot reported; the server-written requested/stopping never reach WS. */
const G3_PUBLISHED: ReadonlySet<MeetingStatus> = new Set(['joining', 'awaiting_admission', 'active', 'needs_help', 'completed', 'failed']);

export interface StatusFrames {
  /** Goes to sockets subscribed to the meeting (`bm:meeting:{id}:status`). */
  meeting: unknown | null;
  /** G3 only: goes to every socket of the owner (`u:{user_id}:meetings`). */
  user: unknown | null;
}

export function statusFrames(profile: SimProfile, m: MeetingRecord, status: MeetingStatus, at: number): StatusFrames {
  const meeting = { id: m.id, platform: m.platform, native_id: m.nativeId };
  if (profile === 'g1') {
    return { meeting: { type: 'meeting.status', meeting, payload: { status }, ts: pyNaive(at) }, user: null };
  }
  if (profile === 'g2') {
    return { meeting: { type: 'meeting.status', meeting, payload: { status }, user_id: m.userId, ts: pyNaive(at) }, user: null };
  }
  if (!G3_PUBLISHED.has(status)) return { meeting: null, user: null };
  return {
    meeting: { type: 'meeting.status', meeting, payload: { status }, user_id: m.userId, ts: pyOffset(at) },
    user: userStatusFrame(m, status, at),
  };
}

/** G3's flat user-channel frame; also used for planned-meeting intents and `deleted`. */
export function userStatusFrame(m: MeetingRecord, status: string, at: number): unknown {
  return { type: 'meeting.status', meeting_id: m.id, native: m.nativeId, status, when: pyOffset(at) };
}

function absolute(m: MeetingRecord, seconds: number): number {
  return (m.startTime ?? m.createdAt) + seconds * 1000;
}

function g1Segment(m: MeetingRecord, s: SegmentRecord): Record<string, unknown> {
  // G1 mixes `start` with `end_time`, has no segment_id, and writes absolute times with +00:00.
  return {
    start: s.start,
    end_time: s.end,
    text: s.text,
    language: s.language,
    completed: s.completed,
    speaker: s.speaker,
    session_uid: m.sessionUid,
    speaker_mapping_status: 'MAPPED',
    absolute_start_time: pyOffset(absolute(m, s.start)),
    absolute_end_time: pyOffset(absolute(m, s.end)),
  };
}

function g2Segment(m: MeetingRecord, s: SegmentRecord): Record<string, unknown> {
  return {
    start: s.start,
    end: s.end,
    text: s.text,
    language: s.language,
    completed: s.completed,
    speaker: s.speaker,
    segment_id: s.segmentId,
    absolute_start_time: jsIso(absolute(m, s.start)),
    absolute_end_time: jsIso(absolute(m, s.end)),
  };
}

function g3CollectorSegment(m: MeetingRecord, s: SegmentRecord): Record<string, unknown> {
  return {
    segment_id: s.segmentId,
    start: s.start,
    end: s.end,
    text: s.text,
    language: s.language,
    speaker: s.speaker,
    speaker_key: s.speakerKey,
    completed: s.completed,
    source: s.source,
    absolute_start_time: pyZulu(absolute(m, s.start)),
    absolute_end_time: pyZulu(absolute(m, s.end)),
    updated_at: pyZulu(s.updatedAt),
  };
}

/** The transcript.v1 segment the G3 bot publishes on its own. */
function g3BotSegment(m: MeetingRecord, s: SegmentRecord): Record<string, unknown> {
  return {
    segment_id: s.segmentId,
    speaker: s.speaker,
    speaker_key: s.speakerKey,
    text: s.text,
    start: s.start,
    end: s.end,
    completed: s.completed,
    language: s.language,
    source: s.source,
    absolute_start_time: jsIso(absolute(m, s.start)),
    absolute_end_time: jsIso(absolute(m, s.end)),
  };
}

/**
 * Frames for one changed segment. `pending` is the speaker's complete current draft set (G2/G3
 * bundles replace it wholesale). G3 sends the same segment twice: the bot envelope first, then
 * the collector bundle after ingest.
 */
export function transcriptFrames(
  profile: SimProfile,
  m: MeetingRecord,
  seg: SegmentRecord,
  pending: SegmentRecord[],
  at: number,
): unknown[] {
  if (profile === 'g1') {
    return [{ type: 'transcript.mutable', meeting: { id: m.id }, payload: { segments: [g1Segment(m, seg)] }, ts: pyOffset(at) }];
  }
  if (profile === 'g2') {
    return [
      {
        type: 'transcript',
        meeting: { id: m.id },
        speaker: seg.speaker,
        confirmed: seg.completed ? [g2Segment(m, seg)] : [],
        pending: pending.map((p) => g2Segment(m, p)),
        ts: jsIso(at),
      },
    ];
  }
  return [
    { type: 'transcript', meeting: { id: m.id }, segment: g3BotSegment(m, seg) },
    {
      type: 'transcript',
      meeting: { id: m.id, native_id: m.nativeId, platform: m.platform },
      speaker: seg.speaker,
      confirmed: seg.completed ? [g3CollectorSegment(m, seg)] : [],
      pending: pending.map((p) => g3CollectorSegment(m, p)),
      ts: pyZulu(at),
    },
  ];
}

export function retractFrame(m: MeetingRecord, segmentIds: string[]): unknown {
  return { type: 'transcript_retract', meeting: { id: m.id }, segment_ids: segmentIds };
}

export function chatFrame(m: MeetingRecord, chat: ChatRecord, at: number): unknown {
  return {
    type: 'chat.new_message',
    meeting: { id: m.id },
    payload: { sender: chat.sender, text: chat.text, timestamp: chat.timestamp, is_from_bot: chat.isFromBot },
    ts: jsIso(at),
  };
}
