import type { TranscriptSegment } from '../vexa/types';

/**
 * One caption line as the live view and the cache see it. `absoluteStart`/`absoluteEnd` are
 * always known here (segments without a start time cannot be placed and are dropped).
 */
export interface RenderedSegment extends TranscriptSegment {
  absoluteStart: number;
  absoluteEnd: number;
  /** A live draft that may still change (a pending segment, or `completed:false`). */
  draft: boolean;
}

/** Why an accepted frame left one of its segments (or itself) out. */
export type DropReason =
  /** Empty or whitespace-only text: nothing to show (G3 allows empty drafts through). */
  | 'empty-text'
  /** No absolute start time to place it on the timeline. */
  | 'no-start-time'
  /** The key was retracted (`transcript_retract`); late deliveries stay removed. */
  | 'retracted'
  /** A draft for a key that is already final. */
  | 'draft-after-final'
  /** An update older (`updated_at`/`ts`) than the one already held for that key. */
  | 'older-than-current'
  /** A bundle older (`ts`) than the speaker's current draft set. */
  | 'stale-bundle'
  /** `pending` drafts without a `speaker` to own them (the replacement set has no owner). */
  | 'pending-without-speaker'
  /** A G3 bot draft envelope: the collector bundle right behind it carries the speaker's full set. */
  | 'draft-envelope';

export interface DroppedSegment {
  key: string | null;
  reason: DropReason;
}

export type RejectReason = 'not-an-object' | 'unknown-type' | 'invalid-frame';

export interface Applied {
  ok: true;
  /** Keys whose stored state changed (confirmed, draft or retracted). */
  changed: string[];
  /** Rendered segments that appeared or changed; place them with `compareRendered`. */
  upserted: RenderedSegment[];
  /** Keys that are no longer rendered. */
  removed: string[];
  dropped: DroppedSegment[];
  version: number;
}

export interface Rejected {
  ok: false;
  reason: RejectReason;
  /** Names the offending field, never echoes its content. */
  detail: string;
  version: number;
}

export type ApplyResult = Applied | Rejected;

/** The rendered order: by absolute start, then by key so that equal starts never depend on arrival order. */
export function compareRendered(a: { absoluteStart: number; key: string }, b: { absoluteStart: number; key: string }): number {
  if (a.absoluteStart !== b.absoluteStart) return a.absoluteStart - b.absoluteStart;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
