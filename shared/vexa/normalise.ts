import { parseVexaTimestamp } from './time';
import { MEETING_STATUSES } from './types';
import type { Meeting, MeetingStatus, StatusTransition, Transcript, TranscriptSegment } from './types';
import { meetingListWire, meetingWire, parseRows, parseWire, segmentWire, statusTransitionWire, transcriptWire } from './wire';
import type { MeetingWire, SegmentWire } from './wire';

const STATUS_SET: ReadonlySet<string> = new Set(MEETING_STATUSES);

/** Folds every generation's status spelling into one vocabulary. */
export function normaliseStatus(raw: unknown): MeetingStatus {
  if (typeof raw !== 'string') return 'unknown';
  const s = raw.trim().toLowerCase();
  // api.v1/G2 spell it needs_human_help; the G3 state machine persists needs_help.
  if (s === 'needs_human_help') return 'needs_help';
  return STATUS_SET.has(s) ? (s as MeetingStatus) : 'unknown';
}

function asString(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

function asStringList(v: unknown): string[] {
  if (typeof v === 'string') return v.trim() === '' ? [] : [v];
  if (!Array.isArray(v)) return [];
  return v.filter((x): x is string => typeof x === 'string' && x.trim() !== '');
}

function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

export function normaliseTransitions(raw: unknown): StatusTransition[] {
  if (!Array.isArray(raw)) return [];
  return parseRows(statusTransitionWire, raw, (t) => {
    if (!t.to) return null;
    return {
      from: t.from ? normaliseStatus(t.from) : null,
      to: normaliseStatus(t.to),
      at: parseVexaTimestamp(t.timestamp),
      source: t.source ?? null,
      reason: t.reason ?? null,
      completionReason: t.completion_reason ?? null,
      failureStage: t.failure_stage ?? null,
    };
  });
}

export function meetingFromWire(w: MeetingWire): Meeting {
  const data = w.data ?? {};
  const deletion = asRecord(data.artifact_deletion);
  return {
    id: w.id,
    platform: w.platform ?? 'unknown',
    nativeMeetingId: w.native_meeting_id ?? null,
    status: normaliseStatus(w.status),
    startTime: parseVexaTimestamp(w.start_time),
    endTime: parseVexaTimestamp(w.end_time),
    createdAt: parseVexaTimestamp(w.created_at),
    updatedAt: parseVexaTimestamp(w.updated_at),
    // G3 planned meetings carry a title instead of data.name.
    name: asString(data.name) ?? asString(w.title) ?? asString(data.title),
    // Transcript responses carry notes at the top level; meeting rows keep them in data.
    notes: asString(w.notes) ?? asString(data.notes),
    participants: asStringList(data.participants),
    languages: asStringList(data.languages ?? data.language),
    // G1 keeps completion_reason in data only; G2/G3 also put it at the top level.
    completionReason: w.completion_reason ?? asString(data.completion_reason),
    failureStage: w.failure_stage ?? asString(data.failure_stage),
    statusTransitions: normaliseTransitions(data.status_transition),
    meetingUrl: w.constructed_meeting_url ?? asString(data.constructed_meeting_url) ?? asString(data.meeting_url),
    botContainerId: w.bot_container_id ?? null,
    shared: w.shared === true,
    transcriptDeleted: data.redacted === true || deletion?.state === 'completed',
    data,
  };
}

export function normaliseMeeting(raw: unknown): Meeting {
  return meetingFromWire(parseWire(meetingWire, raw, 'a meeting'));
}

export function normaliseMeetingList(raw: unknown): { meetings: Meeting[]; hasMore: boolean | null } {
  const list = parseWire(meetingListWire, raw, 'a meeting list');
  return {
    meetings: parseRows(meetingWire, list.meetings, meetingFromWire),
    hasMore: list.has_more ?? null,
  };
}

/** The merge key of a segment (the rule that works for every generation, behaviour doc §5.1). */
export function segmentKey(seg: { segmentId?: string; absoluteStart: number | null; start: number }): string {
  if (seg.segmentId) return seg.segmentId;
  if (seg.absoluteStart !== null) return `t:${seg.absoluteStart}`;
  return `r:${seg.start.toFixed(3)}`;
}

/** Epoch-second values in start/end come from one G3 producer; the server treats >= 1e9 as epoch. */
const EPOCH_SECONDS = 1e9;

export function segmentFromWire(w: SegmentWire): TranscriptSegment {
  const start = w.start ?? 0;
  const end = w.end ?? w.end_time ?? start;
  let absoluteStart = parseVexaTimestamp(w.absolute_start_time);
  let absoluteEnd = parseVexaTimestamp(w.absolute_end_time);
  if (absoluteStart === null && start >= EPOCH_SECONDS) absoluteStart = Math.round(start * 1000);
  if (absoluteEnd === null && end >= EPOCH_SECONDS) absoluteEnd = Math.round(end * 1000);
  const segmentId = w.segment_id ?? undefined;
  const segment: TranscriptSegment = {
    key: '',
    speaker: w.speaker ?? null,
    text: w.text ?? '',
    start,
    end,
    absoluteStart,
    absoluteEnd,
    language: w.language ?? null,
    // Stored REST segments of G1 carry no flag and are final.
    completed: w.completed ?? true,
  };
  if (segmentId) segment.segmentId = segmentId;
  if (w.source) segment.source = w.source;
  segment.key = segmentKey(segment);
  return segment;
}

/** One segment from REST or from any WS frame shape; null when it is not a segment at all. */
export function normaliseSegment(raw: unknown): TranscriptSegment | null {
  const parsed = segmentWire.safeParse(raw);
  if (!parsed.success || typeof parsed.data.text !== 'string') return null;
  return segmentFromWire(parsed.data);
}

export function normaliseSegments(raw: unknown): TranscriptSegment[] {
  if (!Array.isArray(raw)) return [];
  return parseRows(segmentWire, raw, (w) => (typeof w.text === 'string' ? segmentFromWire(w) : null));
}

/** `GET /transcripts/{p}/{n}` and G3 `/transcripts/by-id/{id}`. */
export function normaliseTranscript(raw: unknown): Transcript {
  const w = parseWire(transcriptWire, raw, 'a transcript');
  return { meeting: meetingFromWire(w), segments: normaliseSegments(w.segments) };
}
