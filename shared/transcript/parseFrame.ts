import { parseVexaTimestamp } from '../vexa/time';
import { isRecord, parseSegment } from './segmentRecord';
import type { SegmentParse } from './segmentRecord';
import type { RejectReason } from './types';

type Parsed = Exclude<SegmentParse, { error: string }>;

/** A transcript frame of any generation, checked and normalised (behaviour doc §5.1). */
export type TranscriptFrame =
  /** G1 `transcript.mutable` (and v0.6 `transcript.finalized`): keyed segments, drafts included. */
  | { kind: 'keyed'; segments: Parsed[] }
  /**
   * G2/G3 bundle: `confirmed` upserts; `pending` replaces the speaker's drafts, except in a G3
   * collector bundle (`batch`), which carries one ingested change and so only adds.
   */
  | { kind: 'bundle'; speaker: string | null; confirmed: Parsed[]; pending: Parsed[] | null; ts: number | null; batch: boolean }
  /** G3 bot envelope `{type:"transcript", meeting, segment}`. */
  | { kind: 'envelope'; segment: Parsed }
  | { kind: 'retract'; ids: string[] };

export type FrameParse = { ok: true; frame: TranscriptFrame } | { ok: false; reason: RejectReason; detail: string };

const KEYED_TYPES = new Set(['transcript.mutable', 'transcript.finalized']);

function invalid(detail: string): FrameParse {
  return { ok: false, reason: 'invalid-frame', detail };
}

/** Checks a whole list first: one malformed segment rejects the frame, so that a replacement set is never applied half. */
function parseList(raw: unknown, path: string, ts: number | null): Parsed[] | string {
  if (!Array.isArray(raw)) return `${path} is not a list`;
  const out: Parsed[] = [];
  for (let i = 0; i < raw.length; i++) {
    const p = parseSegment(raw[i], `${path}[${i}]`, ts);
    if ('error' in p) return p.error;
    out.push(p);
  }
  return out;
}

function frameTs(raw: Record<string, unknown>): number | null | string {
  const ts = raw.ts;
  if (ts == null || ts === '') return null;
  if (typeof ts !== 'string' && typeof ts !== 'number') return 'ts is not a timestamp';
  return parseVexaTimestamp(ts) ?? 'ts is not a timestamp';
}

export function parseTranscriptFrame(raw: unknown): FrameParse {
  if (!isRecord(raw)) return { ok: false, reason: 'not-an-object', detail: 'the frame is not a JSON object' };
  const type = raw.type;
  if (typeof type !== 'string') return invalid('type is missing');
  const ts = frameTs(raw);
  if (typeof ts === 'string') return invalid(ts);

  if (KEYED_TYPES.has(type)) {
    if (!isRecord(raw.payload)) return invalid('payload is not an object');
    const segments = parseList(raw.payload.segments, 'payload.segments', ts);
    return typeof segments === 'string' ? invalid(segments) : { ok: true, frame: { kind: 'keyed', segments } };
  }

  if (type === 'transcript') {
    if (raw.segment !== undefined) {
      const p = parseSegment(raw.segment, 'segment', ts);
      return 'error' in p ? invalid(p.error) : { ok: true, frame: { kind: 'envelope', segment: p } };
    }
    const speaker = raw.speaker;
    if (speaker != null && typeof speaker !== 'string') return invalid('speaker is not a string');
    if (raw.confirmed == null && raw.pending == null) return invalid('neither confirmed nor pending is present');
    const confirmed = raw.confirmed == null ? [] : parseList(raw.confirmed, 'confirmed', ts);
    if (typeof confirmed === 'string') return invalid(confirmed);
    const pending = raw.pending == null ? null : parseList(raw.pending, 'pending', ts);
    if (typeof pending === 'string') return invalid(pending);
    // Only the G3 collector stamps the link on its bundle (`meeting: {id, native_id, platform}`,
    // collector/ingest.py); the G2 bot and the G3 Teams bot send `meeting: {id}` with whole sets.
    const meeting = raw.meeting;
    const batch = isRecord(meeting) && ('native_id' in meeting || 'platform' in meeting);
    return { ok: true, frame: { kind: 'bundle', speaker: speaker ?? null, confirmed, pending, ts, batch } };
  }

  if (type === 'transcript_retract') {
    const ids = raw.segment_ids;
    if (!Array.isArray(ids)) return invalid('segment_ids is not a list');
    if (!ids.every((id): id is string => typeof id === 'string')) return invalid('segment_ids holds a value that is not a string');
    return { ok: true, frame: { kind: 'retract', ids } };
  }

  return { ok: false, reason: 'unknown-type', detail: `type "${type.slice(0, 40)}" is not a transcript frame` };
}
