import type { CaptionView } from '../../../shared/ipc/models';
import { groupTurns, type SpeakerTurn } from '../../../shared/transcript/turns';
import { compareRendered } from '../../../shared/transcript/types';

/** A point in the rendered order: a line's start and key (`compareRendered`). */
export interface CaptionPosition {
  absoluteStart: number;
  key: string;
}

/** A speaker turn of caption lines (`shared/transcript` groups them as Vexa's dashboard does). */
export interface CaptionTurn extends Omit<SpeakerTurn, 'segments'> {
  segments: CaptionView[];
}

export interface ApplyOutcome {
  changed: boolean;
  /** Lines that became confirmed with this delta (new finals, or drafts that were confirmed). */
  newlyConfirmed: CaptionView[];
}

/** First index in `list` whose item is not before `item` (binary search with `compareRendered`). */
function lowerBound(list: readonly CaptionView[], item: { absoluteStart: number; key: string }): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareRendered(list[mid]!, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of values in ascending `values` that are ≤ `limit`. */
function countAtMost(values: readonly number[], limit: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isSorted(list: readonly CaptionView[]): boolean {
  for (let i = 1; i < list.length; i++) if (compareRendered(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}

/**
 * One meeting's captions as the live view holds them: a keyed map plus the list in rendered
 * order, both updated in place by each delta (binary search and splice, never a full sort), and
 * the speaker turns, regrouped only from the first turn a delta touched. Live updates land at
 * the end of a meeting, so a delta costs the same at ten lines as at ten thousand.
 */
export class CaptionIndex {
  private readonly byKey = new Map<string, CaptionView>();
  private order: CaptionView[] = [];
  /** Index in `order` of each turn's first line. */
  private turnStarts: number[] = [];
  private drafts = 0;
  /** Replaced (a new array) on every change, so memoised views can compare it. */
  turns: readonly CaptionTurn[] = [];

  get size(): number {
    return this.order.length;
  }

  get draftCount(): number {
    return this.drafts;
  }

  /** The lines in rendered order. Updated in place: read it, do not keep it. */
  get segments(): readonly CaptionView[] {
    return this.order;
  }

  get(key: string): CaptionView | undefined {
    return this.byKey.get(key);
  }

  /** Replaces everything (a snapshot). The core sends it in rendered order; anything else is sorted once. */
  reset(segments: readonly CaptionView[]): void {
    this.byKey.clear();
    const unique = new Map<string, CaptionView>();
    for (const s of segments) unique.set(s.key, s);
    this.order = [...unique.values()];
    if (!isSorted(this.order)) this.order.sort(compareRendered);
    this.drafts = 0;
    for (const s of this.order) {
      this.byKey.set(s.key, s);
      if (s.draft) this.drafts++;
    }
    this.turns = [];
    this.turnStarts = [];
    this.regroup(0);
  }

  /**
   * Replaces the lines of one stretch of the rendered order, from `from` (inclusive) up to `before`
   * (exclusive), an open end when left out, with `segments`: a snapshot of a meeting's newest lines
   * is the whole truth from its first line on, and the earlier lines that follow it the whole truth
   * before that line. Lines outside the stretch stay.
   */
  replaceStretch(segments: readonly CaptionView[], stretch: { from?: CaptionPosition; before?: CaptionPosition }): void {
    const { from, before } = stretch;
    const inside = (s: CaptionView) => (!from || compareRendered(s, from) >= 0) && (!before || compareRendered(s, before) < 0);
    // The stretch's copy of a line wins: it is newer than anything the index held for its key.
    const keys = new Set(segments.map((s) => s.key));
    const kept = this.order.filter((s) => !inside(s) && !keys.has(s.key));
    // In rendered order when the stretch is the start or the end, so `reset` need not sort.
    this.reset(from ? kept.concat(segments) : segments.concat(kept));
  }

  apply(upserted: readonly CaptionView[], removed: readonly string[]): ApplyOutcome {
    let dirty = Number.POSITIVE_INFINITY;
    const newlyConfirmed: CaptionView[] = [];
    for (const key of removed) {
      const old = this.byKey.get(key);
      if (!old) continue;
      const at = this.locate(old);
      this.order.splice(at, 1);
      this.byKey.delete(key);
      if (old.draft) this.drafts--;
      dirty = Math.min(dirty, at);
    }
    for (const seg of upserted) {
      const old = this.byKey.get(seg.key);
      if (old) {
        const at = this.locate(old);
        if (old.absoluteStart === seg.absoluteStart) {
          this.order[at] = seg;
          dirty = Math.min(dirty, at);
        } else {
          this.order.splice(at, 1);
          const to = lowerBound(this.order, seg);
          this.order.splice(to, 0, seg);
          dirty = Math.min(dirty, at, to);
        }
        if (old.draft) this.drafts--;
        if (old.draft && !seg.draft) newlyConfirmed.push(seg);
      } else {
        const to = lowerBound(this.order, seg);
        this.order.splice(to, 0, seg);
        dirty = Math.min(dirty, to);
        if (!seg.draft) newlyConfirmed.push(seg);
      }
      if (seg.draft) this.drafts++;
      this.byKey.set(seg.key, seg);
    }
    if (dirty === Number.POSITIVE_INFINITY) return { changed: false, newlyConfirmed };
    this.regroup(dirty);
    newlyConfirmed.sort(compareRendered);
    return { changed: true, newlyConfirmed };
  }

  /** Index of the turn holding the line at `segmentIndex` (the turn before it when the line is skipped as empty). */
  turnOfSegment(segmentIndex: number): number {
    return Math.max(0, countAtMost(this.turnStarts, segmentIndex) - 1);
  }

  /** The last `count` turns, oldest first. */
  lastTurns(count: number): readonly CaptionTurn[] {
    return this.turns.slice(Math.max(0, this.turns.length - count));
  }

  private locate(seg: CaptionView): number {
    const at = lowerBound(this.order, seg);
    if (this.order[at]?.key === seg.key) return at;
    // Unreachable while keys are unique and the stored copy is the one in the list; stay correct anyway.
    return this.order.findIndex((s) => s.key === seg.key);
  }

  /**
   * Turns before the one that ends just before `dirty` are unchanged; from that turn on, the
   * lines are grouped again. A turn's extent depends only on the lines from its first one on.
   */
  private regroup(dirty: number): void {
    const before = countAtMost(this.turnStarts, dirty - 1);
    const keep = Math.max(0, before - 1);
    const start = before === 0 ? 0 : this.turnStarts[keep]!;
    const tail = groupTurns(this.order.slice(start)) as CaptionTurn[];
    const starts: number[] = [];
    let p = start;
    for (const turn of tail) {
      const first = turn.segments[0];
      while (p < this.order.length && this.order[p] !== first) p++;
      starts.push(p);
    }
    this.turns = this.turns.slice(0, keep).concat(tail);
    this.turnStarts = this.turnStarts.slice(0, keep).concat(starts);
  }
}
