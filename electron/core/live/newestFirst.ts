import { compareRendered } from '../../../shared/transcript';
import type { RenderedSegment } from '../../../shared/transcript';
import { parseVexaTimestamp } from '../../../shared/vexa/time';

// A long meeting is opened on its newest lines (what the live view shows first) and the lines
// before them follow once those are painted.

/** A point in the rendered order (`compareRendered`): a line's start and key. */
export interface RenderedPosition {
  absoluteStart: number;
  key: string;
}

/** Index of the first line of `list` (rendered order) that is not before `at`. */
export function positionIn(list: readonly RenderedSegment[], at: RenderedPosition): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareRendered(list[mid]!, at) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last `newest` lines and how many come before them (all of them when `newest` is not given). */
export function newestOf(all: RenderedSegment[], newest: number | undefined): { segments: RenderedSegment[]; earlier: number } {
  if (newest === undefined || all.length <= newest) return { segments: all, earlier: 0 };
  return { segments: all.slice(all.length - newest), earlier: all.length - newest };
}

/**
 * A first read of a long meeting into an empty transcript, split so its newest lines can be
 * answered before the rest is merged (merging 10,000 lines is most of a first open): the `keep`
 * segments that start last, by their absolute start as the transcript orders lines, and the
 * others. Null when the read is too short for the split to pay.
 */
export function splitNewestRaw(raw: readonly unknown[], keep: number): { newest: unknown[]; rest: unknown[] } | null {
  if (raw.length <= keep * 2) return null;
  const starts = raw.map(absoluteStartOf);
  const order = raw.map((_, i) => i).sort((a, b) => starts[b]! - starts[a]!);
  const newest = new Set(order.slice(0, keep));
  const split = { newest: [] as unknown[], rest: [] as unknown[] };
  raw.forEach((s, i) => (newest.has(i) ? split.newest : split.rest).push(s));
  return split;
}

/** A raw segment's absolute start in ms; one without (the transcript drops it) sorts first. */
function absoluteStartOf(raw: unknown): number {
  const at = typeof raw === 'object' && raw !== null ? (raw as { absolute_start_time?: unknown }).absolute_start_time : undefined;
  return parseVexaTimestamp(at) ?? -Number.MAX_VALUE;
}
