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
    // G2 adds what a person needs to help a stuck bot: the bot's reason and `vnc_url`, always the
    // gateway path `/b/{meeting_id}` of the bot's browser (v0.10 meeting_api/callbacks.py
    // `bot_status_change_callback`). The simulator has no browser behind that path.
    const payload =
      status === 'needs_human_help'
        ? { status, data: { escalation_reason: 'admission needs a person', vnc_url: `/b/${m.id}`, escalated_at: pyNaive(at) } }
        : { status };
    return { meeting: { type: 'meeting.status', meeting, payload, user_id: m.userId, ts: pyNaive(at) }, user: null };
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

/**
 * The collector stores what the bot streamed and adds `updated_at` (ingest.py `_coerce_segment`):
 * the absolute times are the bot's own JavaScript ISO strings (milliseconds and `Z`).
 */
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
    absolute_start_time: jsIso(absolute(m, s.start)),
    absolute_end_time: jsIso(absolute(m, s.end)),
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
 * The G3 Teams bot's "speaker-snapshot" envelope (bot adapters/transcript-redis.ts): keyed by the
 * speaker key, not the display name, with that key's complete pending set and no `ts`.
 */
function teamsSnapshot(m: MeetingRecord, key: string, confirmed: SegmentRecord[], drafts: readonly SegmentRecord[]): unknown {
  return {
    type: 'transcript',
    meeting: { id: m.id },
    speaker: key,
    confirmed: confirmed.map((s) => g3BotSegment(m, s)),
    pending: drafts.filter((d) => d.speakerKey === key).map((d) => g3BotSegment(m, d)),
  };
}

/**
 * What subscribers receive for one change: `live` at once (the bot's own publish, or G1's
 * collector), `ingested` after the G3 collector has taken the same change from the stream.
 */
export interface ChangeFrames {
  live: unknown[];
  ingested: unknown[];
}

/**
 * Frames for one changed segment. `drafts` are every draft of the meeting after the change.
 * - G2: the bot's bundle; `pending` is the speaker's complete draft set.
 * - G3: the bot's own envelope first (Teams: the speaker-snapshot keyed by speaker key; other
 *   platforms: `{meeting, segment}`), then the collector's bundle after it ingested the segment.
 *   The collector publishes what the batch held (ingest.py): `pending` is that batch's drafts, the
 *   bundle is keyed by display name, and `meeting.platform` is null because the bot stamps only the
 *   native id on what it streams.
 */
export function transcriptFrames(
  profile: SimProfile,
  m: MeetingRecord,
  seg: SegmentRecord,
  drafts: readonly SegmentRecord[],
  at: number,
): ChangeFrames {
  if (profile === 'g1') {
    return {
      live: [{ type: 'transcript.mutable', meeting: { id: m.id }, payload: { segments: [g1Segment(m, seg)] }, ts: pyOffset(at) }],
      ingested: [],
    };
  }
  if (profile === 'g2') {
    const bundle = {
      type: 'transcript',
      meeting: { id: m.id },
      speaker: seg.speaker,
      confirmed: seg.completed ? [g2Segment(m, seg)] : [],
      pending: drafts.filter((d) => d.speaker === seg.speaker).map((p) => g2Segment(m, p)),
      ts: jsIso(at),
    };
    return { live: [bundle], ingested: [] };
  }
  const bot =
    m.platform === 'teams'
      ? teamsSnapshot(m, seg.speakerKey, seg.completed ? [seg] : [], drafts)
      : { type: 'transcript', meeting: { id: m.id }, segment: g3BotSegment(m, seg) };
  const collector = {
    type: 'transcript',
    meeting: { id: m.id, native_id: m.nativeId, platform: null },
    speaker: seg.speaker,
    confirmed: seg.completed ? [g3CollectorSegment(m, seg)] : [],
    pending: seg.completed ? [] : [g3CollectorSegment(m, seg)],
    ts: pyZulu(at),
  };
  return { live: [bot], ingested: [collector] };
}

/**
 * G3 withdraws drafts twice, as it sends segments twice: the bot announces the retraction live
 * (and the Teams bot then republishes the pending set of every speaker key it touched), and the
 * collector announces it again once it has deleted them from the stream it ingests.
 */
export function retractFrames(m: MeetingRecord, retracted: readonly SegmentRecord[], drafts: readonly SegmentRecord[]): ChangeFrames {
  const frame = { type: 'transcript_retract', meeting: { id: m.id }, segment_ids: retracted.map((s) => s.segmentId) };
  const republished =
    m.platform === 'teams' ? [...new Set(retracted.map((s) => s.speakerKey))].map((key) => teamsSnapshot(m, key, [], drafts)) : [];
  return { live: [frame, ...republished], ingested: [frame] };
}

export function chatFrame(m: MeetingRecord, chat: ChatRecord, at: number): unknown {
  return {
    type: 'chat.new_message',
    meeting: { id: m.id },
    payload: { sender: chat.sender, text: chat.text, timestamp: chat.timestamp, is_from_bot: chat.isFromBot },
    ts: jsIso(at),
  };
}
