import { jsIso, pyNaive, pyZulu, restTime } from './profiles';
import { recordingBody, recordingsOf } from './recordings';
import type { MeetingRecord, SegmentRecord, SimProfile, TransitionRecord } from './types';

function trailEntry(profile: SimProfile, t: TransitionRecord): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    from: t.from,
    to: t.to,
    timestamp: profile === 'g3' ? pyZulu(t.at) : pyNaive(t.at),
  };
  if (profile === 'g3') entry.timestamp_source = 'producer';
  entry.source = t.source;
  if (t.reason) entry.reason = t.reason;
  if (t.completionReason) entry.completion_reason = t.completionReason;
  if (t.failureStage) entry.failure_stage = t.failureStage;
  return entry;
}

/** Full `data`, including the status trail (G1/G2 everywhere; G3 only on single-row reads). */
export function fullData(profile: SimProfile, m: MeetingRecord): Record<string, unknown> {
  const data: Record<string, unknown> = { ...m.data };
  if (m.transitions.length > 0) data.status_transition = m.transitions.map((t) => trailEntry(profile, t));
  return data;
}

/** G3 list projection: forensic and bulky keys never reach a list. */
const G3_LIST_DROPS = ['speaker_events', 'bot_logs', 'recordings', 'status_transition', 'chat_messages', 'error_details', 'last_error'];

function g3ListData(m: MeetingRecord): Record<string, unknown> {
  const data: Record<string, unknown> = { ...m.data };
  for (const key of G3_LIST_DROPS) delete data[key];
  return data;
}

/**
 * G1 `MeetingResponse` (POST /bots, PATCH, GET /meetings); G2 adds the top-level completion
 * reason and failure stage; G3 returns its row shape with full data.
 */
export function meetingResponse(profile: SimProfile, m: MeetingRecord, viewerId = m.userId): Record<string, unknown> {
  if (profile === 'g3') return g3Row(m, fullData(profile, m), viewerId);
  const row: Record<string, unknown> = {
    id: m.id,
    user_id: m.userId,
    platform: m.platform,
    native_meeting_id: m.nativeId,
    constructed_meeting_url: m.constructedUrl,
    status: m.status,
    bot_container_id: m.botContainerId,
    start_time: restTime(profile, m.startTime),
    end_time: restTime(profile, m.endTime),
    data: fullData(profile, m),
    created_at: restTime(profile, m.createdAt),
    updated_at: restTime(profile, m.updatedAt),
  };
  if (profile === 'g2') {
    row.completion_reason = m.completionReason;
    row.failure_stage = m.failureStage;
  }
  return row;
}

function g3Row(m: MeetingRecord, data: Record<string, unknown>, viewerId: number): Record<string, unknown> {
  return {
    id: m.id,
    user_id: m.userId,
    platform: m.platform,
    native_meeting_id: m.nativeId,
    constructed_meeting_url: m.constructedUrl,
    status: m.status,
    bot_container_id: m.botContainerId,
    start_time: restTime('g3', m.startTime),
    end_time: restTime('g3', m.endTime),
    completion_reason: m.completionReason,
    failure_stage: m.failureStage,
    shared: viewerId !== m.userId,
    created_at: restTime('g3', m.createdAt),
    updated_at: restTime('g3', m.updatedAt),
    data,
  };
}

export function g3ListRow(m: MeetingRecord, viewerId = m.userId): Record<string, unknown> {
  return g3Row(m, g3ListData(m), viewerId);
}

/** G2 `GET /meetings/{id}` proxies `/bots/id/{id}`: no user id, no constructed URL. */
export function g2MeetingById(m: MeetingRecord): Record<string, unknown> {
  return {
    id: m.id,
    platform: m.platform,
    native_meeting_id: m.nativeId,
    status: m.status,
    bot_container_id: m.botContainerId,
    start_time: restTime('g2', m.startTime),
    end_time: restTime('g2', m.endTime),
    data: fullData('g2', m),
    created_at: restTime('g2', m.createdAt),
    updated_at: restTime('g2', m.updatedAt),
  };
}

/** G2 `GET /bots` list rows with the slim data summary (or full data with `include=data`). */
export function g2BotsRow(m: MeetingRecord, includeData: boolean): Record<string, unknown> {
  const participants = Array.isArray(m.data.participants) ? (m.data.participants as unknown[]) : [];
  const notes = typeof m.data.notes === 'string' ? m.data.notes : null;
  const last = m.transitions[m.transitions.length - 1];
  return {
    id: m.id,
    platform: m.platform,
    native_meeting_id: m.nativeId,
    status: m.status,
    bot_container_id: m.botContainerId,
    start_time: restTime('g2', m.startTime),
    end_time: restTime('g2', m.endTime),
    data: includeData
      ? fullData('g2', m)
      : {
          name: m.data.name ?? null,
          completion_reason: m.completionReason,
          participants: participants.slice(0, 3),
          participants_count: participants.length,
          notes_preview: notes === null ? null : notes.slice(0, 120),
          languages: m.data.languages ?? null,
          last_transition: last ? trailEntry('g2', last) : null,
          has_recording: false,
        },
    created_at: restTime('g2', m.createdAt),
    updated_at: restTime('g2', m.updatedAt),
  };
}

export function restSegment(profile: SimProfile, m: MeetingRecord, s: SegmentRecord): Record<string, unknown> {
  const base = m.startTime ?? m.createdAt;
  // G3 serves the absolute times the bot streamed (JavaScript ISO: milliseconds, `Z`);
  // `_fill_absolute_times` computes them only for producers that sent none.
  const absolute = profile === 'g3' ? jsIso : pyZulu;
  const seg: Record<string, unknown> = {
    start: s.start,
    end: s.end,
    text: s.text,
    language: s.language,
    created_at: restTime(profile, s.createdAt),
    speaker: s.speaker,
    completed: s.completed,
    absolute_start_time: absolute(base + s.start * 1000),
    absolute_end_time: absolute(base + s.end * 1000),
  };
  if (profile !== 'g1') seg.segment_id = s.segmentId;
  if (profile === 'g3') {
    seg.speaker_key = s.speakerKey;
    seg.source = s.source;
  }
  return seg;
}

/** `GET /transcripts/...`: the meeting head plus its segments sorted by start (drafts included). */
export function transcriptResponse(profile: SimProfile, m: MeetingRecord): Record<string, unknown> {
  const segments = [...m.segments.values()].sort((a, b) => a.start - b.start).map((s) => restSegment(profile, m, s));
  const body: Record<string, unknown> = {
    id: m.id,
    platform: m.platform,
    native_meeting_id: m.nativeId,
    constructed_meeting_url: m.constructedUrl,
    status: m.status,
    start_time: restTime(profile, m.startTime),
    end_time: restTime(profile, m.endTime),
    recordings: recordingsOf(m).map((r) => recordingBody(profile, r)),
    notes: typeof m.data.notes === 'string' ? m.data.notes : null,
    segments,
  };
  if (profile !== 'g1') body.data = fullData(profile, m);
  return body;
}
