import type { RenderedSegment, TranscriptModel } from '../../../../shared/transcript';
import { fixtureJson } from '../../../support/fixtures';

/** What a person reads in the live view: one line per caption, drafts marked with "…". */
export function captions(source: TranscriptModel | readonly RenderedSegment[]): string[] {
  const list = Array.isArray(source) ? (source as readonly RenderedSegment[]) : (source as TranscriptModel).snapshot();
  return list.map((s) => `${s.speaker ?? '?'}: ${s.text}${s.draft ? ' …' : ''}`);
}

export interface LiveFixture {
  rest: Record<string, unknown>[];
  frames: Record<string, unknown>[];
}

export function liveFixture(gen: 'g1' | 'g2' | 'g3'): LiveFixture {
  return fixtureJson<LiveFixture>(`transcript/${gen}-live.json`);
}

export const T0 = Date.UTC(2026, 7, 20, 9, 0, 0);

/** G3 wall-clock ISO string `s` seconds after T0. */
export const at = (s: number): string => new Date(T0 + Math.round(s * 1000)).toISOString();

interface SegOpts {
  id?: string;
  speaker?: string;
  start: number;
  end: number;
  text: string;
  completed?: boolean;
  updatedAt?: number;
}

/** A G2/G3 wire segment with times in seconds from T0. */
export function seg(o: SegOpts): Record<string, unknown> {
  const s: Record<string, unknown> = {
    start: o.start,
    end: o.end,
    text: o.text,
    language: 'en',
    speaker: o.speaker ?? 'Maya',
    completed: o.completed ?? true,
    absolute_start_time: at(o.start),
    absolute_end_time: at(o.end),
  };
  if (o.id !== undefined) s.segment_id = o.id;
  if (o.updatedAt !== undefined) s.updated_at = at(o.updatedAt);
  return s;
}

export function bundle(
  speaker: string,
  confirmed: Record<string, unknown>[],
  pending: Record<string, unknown>[],
  ts?: number,
): Record<string, unknown> {
  const f: Record<string, unknown> = { type: 'transcript', meeting: { id: 7 }, speaker, confirmed, pending };
  if (ts !== undefined) f.ts = at(ts);
  return f;
}

/** A G1 `transcript.mutable` frame: start/end_time, +00:00 absolute times, no segment_id. */
export function mutable(
  segments: Array<{ speaker?: string; start: number; end: number; text: string; completed: boolean }>,
  ts?: number,
): Record<string, unknown> {
  const py = (s: number): string => at(s).replace('Z', '000+00:00');
  const f: Record<string, unknown> = {
    type: 'transcript.mutable',
    meeting: { id: 7 },
    payload: {
      segments: segments.map((s) => ({
        start: s.start,
        end_time: s.end,
        text: s.text,
        language: 'en',
        completed: s.completed,
        speaker: s.speaker ?? 'Maya',
        session_uid: 'u1',
        absolute_start_time: py(s.start),
        absolute_end_time: py(s.end),
      })),
    },
  };
  if (ts !== undefined) f.ts = py(ts);
  return f;
}

export const retract = (...ids: string[]): Record<string, unknown> => ({
  type: 'transcript_retract',
  meeting: { id: 7 },
  segment_ids: ids,
});
export const envelope = (segment: Record<string, unknown>): Record<string, unknown> => ({
  type: 'transcript',
  meeting: { id: 7 },
  segment,
});
