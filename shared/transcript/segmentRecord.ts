import { segmentFromWire } from '../vexa/normalise';
import { parseVexaTimestamp } from '../vexa/time';
import type { SegmentWire } from '../vexa/wire';
import type { DropReason, RenderedSegment } from './types';
import type { TranscriptSegment } from '../vexa/types';

/** A normalised segment plus what ordering and deduplication read on every update, computed once. */
export interface SegmentRecord {
  readonly key: string;
  readonly seg: TranscriptSegment;
  readonly startMs: number;
  readonly endMs: number;
  /** `speaker || ""`, the grouping the reference pipeline compares. */
  readonly speakerKey: string;
  readonly trimmed: string;
  /** `updated_at` of the segment, else the frame's `ts`; null when the producer gives neither. */
  readonly updatedAt: number | null;
  norm?: string;
}

export interface SegmentDrop {
  drop: DropReason;
  key: string | null;
}

/** A record (no `drop` or `error` field), a segment dropped by rule, or a malformed one. Unwrapped: one per live segment. */
export type SegmentParse = SegmentRecord | SegmentDrop | { error: string };

const notString = (v: unknown): boolean => v != null && typeof v !== 'string';
const notNumber = (v: unknown): boolean => v != null && (typeof v !== 'number' || !Number.isFinite(v));
const notStamp = (v: unknown): boolean => v != null && typeof v !== 'string' && typeof v !== 'number';

/**
 * Checks the fields the merge reads and nothing else: a field of the wrong type is an error (the
 * whole frame is rejected), an absent or null one is fine. Hand-written rather than zod because it
 * runs for every segment of every live frame and must not coerce (shared/vexa/wire.ts is lenient
 * on purpose for REST bodies). Fields are read by name, not from a list of names: V8 keeps named
 * reads on its fast path.
 */
export function checkSegment(raw: unknown, path: string): string | null {
  if (!isRecord(raw)) return `${path} is not an object`;
  if (typeof raw.text !== 'string') return `${path}.text is not a string`;
  if (notString(raw.segment_id)) return `${path}.segment_id is not a string`;
  if (notString(raw.speaker)) return `${path}.speaker is not a string`;
  if (notString(raw.speaker_key)) return `${path}.speaker_key is not a string`;
  if (notString(raw.language)) return `${path}.language is not a string`;
  if (notString(raw.source)) return `${path}.source is not a string`;
  if (notNumber(raw.start)) return `${path}.start is not a number`;
  if (notNumber(raw.end)) return `${path}.end is not a number`;
  if (notNumber(raw.end_time)) return `${path}.end_time is not a number`;
  if (notStamp(raw.absolute_start_time)) return `${path}.absolute_start_time is not a timestamp`;
  if (notStamp(raw.absolute_end_time)) return `${path}.absolute_end_time is not a timestamp`;
  if (notStamp(raw.updated_at)) return `${path}.updated_at is not a timestamp`;
  if (raw.completed != null && typeof raw.completed !== 'boolean') return `${path}.completed is not a boolean`;
  return null;
}

/** Validates and normalises one wire segment of any generation (REST or WS). */
export function parseSegment(raw: unknown, path: string, frameTs: number | null): SegmentParse {
  const error = checkSegment(raw, path);
  if (error) return { error };
  const w = raw as Record<string, unknown>;
  // checkSegment guarantees the shape segmentWire would produce, without its coercions.
  const seg = segmentFromWire(w as SegmentWire);
  // Each timestamp is parsed once (segmentFromWire parses the absolute times): a value that is
  // present but did not parse is a malformed segment.
  if (seg.absoluteStart === null && present(w.absolute_start_time)) return { error: `${path}.absolute_start_time is not a timestamp` };
  if (seg.absoluteEnd === null && present(w.absolute_end_time)) return { error: `${path}.absolute_end_time is not a timestamp` };
  const updatedAt = present(w.updated_at) ? parseVexaTimestamp(w.updated_at) : null;
  if (updatedAt === null && present(w.updated_at)) return { error: `${path}.updated_at is not a timestamp` };
  if (seg.absoluteStart === null) return { drop: 'no-start-time', key: seg.segmentId ?? null };
  const trimmed = seg.text.trim();
  if (trimmed === '') return { drop: 'empty-text', key: seg.key };
  const startMs = seg.absoluteStart;
  // Segments without an absolute end still get a span (the reference leaves it NaN and never dedups them).
  const endMs = seg.absoluteEnd ?? startMs + Math.max(0, seg.end - seg.start) * 1000;
  return {
    key: seg.key,
    seg,
    startMs,
    endMs,
    speakerKey: seg.speaker ?? '',
    trimmed,
    updatedAt: updatedAt ?? frameTs,
  };
}

function present(v: unknown): boolean {
  return v != null && v !== '';
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Same rendered content and same standing; a redelivery like this changes nothing. */
export function sameContent(a: SegmentRecord, b: SegmentRecord): boolean {
  const x = a.seg;
  const y = b.seg;
  return (
    a.key === b.key &&
    a.startMs === b.startMs &&
    a.endMs === b.endMs &&
    x.text === y.text &&
    x.speaker === y.speaker &&
    x.completed === y.completed &&
    x.language === y.language &&
    x.source === y.source &&
    x.start === y.start &&
    x.end === y.end &&
    a.updatedAt === b.updatedAt
  );
}

/** Whether two records make the same deduplication decisions (so a swap needs no rescan). */
export function sameDedupInputs(a: SegmentRecord, b: SegmentRecord): boolean {
  return (
    a.startMs === b.startMs &&
    a.endMs === b.endMs &&
    a.speakerKey === b.speakerKey &&
    a.seg.text === b.seg.text &&
    a.seg.completed === b.seg.completed
  );
}

export function renderRecord(rec: SegmentRecord, draft: boolean): RenderedSegment {
  const out: RenderedSegment = {
    ...rec.seg,
    absoluteStart: rec.startMs,
    absoluteEnd: rec.endMs,
    completed: draft ? false : rec.seg.completed,
    draft: draft || !rec.seg.completed,
  };
  return out;
}
