import { compareRendered } from '../../../shared/transcript';
import type { RenderedSegment } from '../../../shared/transcript';

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
