import { explainCapture } from '../../../shared/meetings/outcome';
import { MEETING_STATUSES, type MeetingPatch, type MeetingStatus } from '../../../shared/vexa/types';
import { EDITABLE_FIELDS, type EditableField, type LibraryMeeting, type SegmentView, type TranscriptState } from './types';

/** Snippet markers: private-use characters, removed from every text the cache stores. */
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';
const MARKS = /[\uE000\uE001]/g;

/** Stored text never contains the snippet markers, so a marked snippet parses unambiguously. */
export function cleanText(text: string): string;
export function cleanText(text: string | null): string | null;
export function cleanText(text: string | null): string | null {
  return text === null ? null : text.replace(MARKS, '');
}

export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

const STATUS_SET: ReadonlySet<string> = new Set(MEETING_STATUSES);
export const asStatus = (s: string | null): MeetingStatus => (s && STATUS_SET.has(s) ? (s as MeetingStatus) : 'unknown');
const FIELD_SET: ReadonlySet<string> = new Set(EDITABLE_FIELDS);
export const asFields = (list: unknown): EditableField[] =>
  Array.isArray(list) ? list.filter((f): f is EditableField => typeof f === 'string' && FIELD_SET.has(f)) : [];

export interface MeetingRow {
  id: number;
  server_id: string;
  remote_id: number;
  platform: string;
  native_id: string | null;
  status: string;
  planned: number;
  start_time: number | null;
  end_time: number | null;
  created_at: number | null;
  updated_at: number | null;
  name: string | null;
  notes: string | null;
  participants: string;
  languages: string;
  completion_reason: string | null;
  failure_stage: string | null;
  meeting_url: string | null;
  shared: number;
  transcript_deleted: number;
  data: string;
  server_fields: string;
  local_fields: string;
  server_stamp: string | null;
  last_synced_at: number | null;
  status_seen_at: number | null;
  transcript_state: TranscriptState;
  transcript_synced_at: number | null;
  transcript_attempts: number;
  transcript_retry_at: number | null;
  transcript_error: string | null;
  segment_count: number;
  hidden_at: number | null;
}

/** The columns a list needs (no raw `data`), plus the fields in conflict from the outbox. */
export const MEETING_COLUMNS = `m.id, m.server_id, m.remote_id, m.platform, m.native_id, m.status, m.planned, m.start_time, m.end_time,
  m.created_at, m.updated_at, m.name, m.notes, m.participants, m.languages, m.completion_reason, m.failure_stage,
  m.meeting_url, m.shared, m.transcript_deleted, m.local_fields, m.last_synced_at, m.status_seen_at, m.transcript_state,
  m.transcript_synced_at, m.segment_count,
  CASE WHEN json_valid(m.data) THEN json_extract(m.data, '$.stt_fault') END AS stt_fault,
  CASE WHEN json_valid(m.data) THEN json_extract(m.data, '$.segments_captured') END AS segments_captured,
  (SELECT json_group_array(o.fields) FROM outbox o WHERE o.meeting_id = m.id AND o.state = 'conflict') AS conflicts`;

export type MeetingListRow = Pick<
  MeetingRow,
  | 'id'
  | 'server_id'
  | 'remote_id'
  | 'platform'
  | 'native_id'
  | 'status'
  | 'planned'
  | 'start_time'
  | 'end_time'
  | 'created_at'
  | 'updated_at'
  | 'name'
  | 'notes'
  | 'participants'
  | 'languages'
  | 'completion_reason'
  | 'failure_stage'
  | 'meeting_url'
  | 'shared'
  | 'transcript_deleted'
  | 'local_fields'
  | 'last_synced_at'
  | 'status_seen_at'
  | 'transcript_state'
  | 'transcript_synced_at'
  | 'segment_count'
> & {
  conflicts: string | null;
  /** G3 `data.stt_fault` as JSON text, `data.segments_captured` (outcome.ts `explainCapture`); absent from rows read another way. */
  stt_fault?: string | null;
  segments_captured?: number | null;
};

/** `label` names the meeting's server (see serverNames.ts). */
export function meetingView(r: MeetingListRow, label: (serverId: string) => string): LibraryMeeting {
  const conflictPatches = parseJson<string[]>(r.conflicts, []).map((f) => parseJson<MeetingPatch>(f, {}));
  const conflictFields = asFields([...new Set(conflictPatches.flatMap((p) => Object.keys(p)))]);
  return {
    id: r.id,
    serverId: r.server_id,
    serverLabel: label(r.server_id),
    remoteId: r.remote_id,
    platform: r.platform,
    nativeMeetingId: r.native_id,
    status: asStatus(r.status),
    planned: r.planned === 1,
    startTime: r.start_time,
    endTime: r.end_time,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    name: r.name,
    notes: r.notes,
    participants: parseJson<string[]>(r.participants, []),
    languages: parseJson<string[]>(r.languages, []),
    completionReason: r.completion_reason,
    failureStage: r.failure_stage,
    meetingUrl: r.meeting_url,
    shared: r.shared === 1,
    transcriptDeleted: r.transcript_deleted === 1,
    transcript: r.transcript_state,
    segmentCount: r.segment_count,
    lastSyncedAt: r.last_synced_at,
    statusSeenAt: r.status_seen_at,
    transcriptSyncedAt: r.transcript_synced_at,
    localFields: asFields(parseJson<unknown>(r.local_fields, [])),
    conflictFields,
    captureNote: explainCapture(
      { sttFault: parseJson<unknown>(r.stt_fault ?? null, null), segmentsCaptured: r.segments_captured ?? null },
      r.segment_count,
    ),
  };
}

export interface SegmentRow {
  key: string;
  speaker: string | null;
  text: string;
  start_s: number;
  end_s: number;
  abs_start: number | null;
  abs_end: number | null;
  language: string | null;
  confirmed: number;
  source: string | null;
  segment_id: string | null;
}

export function segmentView(r: SegmentRow): SegmentView {
  return {
    key: r.key,
    speaker: r.speaker,
    text: r.text,
    start: r.start_s,
    end: r.end_s,
    absoluteStart: r.abs_start,
    absoluteEnd: r.abs_end,
    language: r.language,
    confirmed: r.confirmed === 1,
    source: r.source,
    segmentId: r.segment_id,
  };
}

/** Value equality for editable fields (strings and string lists). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
