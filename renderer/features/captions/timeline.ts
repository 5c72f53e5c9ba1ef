import type { CaptionTurn } from './captionIndex';

/** A stretch of the meeting that nothing could recover (the socket was down and REST failed too). */
export interface GapView {
  from: number;
  to: number | null;
}

export type TimelineRow = { kind: 'turn'; key: string; turn: CaptionTurn; turnIndex: number } | { kind: 'gap'; key: string; gap: GapView };

/** The rows of the caption list: speaker turns with gap markers placed by time. */
export interface Timeline {
  readonly count: number;
  at(row: number): TimelineRow | undefined;
  rowOfTurn(turnIndex: number): number;
}

/** Index of the first turn that starts at or after `at`. */
function firstTurnFrom(turns: readonly CaptionTurn[], at: number): number {
  let lo = 0;
  let hi = turns.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (turns[mid]!.absoluteStart < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Rows are computed on demand rather than copied into an array: a meeting holds thousands of
 * turns and a handful of gaps at most, and the list asks only for the rows in view.
 */
export function buildTimeline(turns: readonly CaptionTurn[], gaps: readonly GapView[]): Timeline {
  const placed = [...gaps]
    .sort((a, b) => a.from - b.from)
    .map((gap, i) => ({ gap, before: firstTurnFrom(turns, gap.from), row: 0, index: i }));
  for (const p of placed) p.row = p.before + p.index;
  return {
    count: turns.length + placed.length,
    at(row) {
      let shift = 0;
      for (const p of placed) {
        if (p.row === row) return { kind: 'gap', key: `gap:${p.gap.from}`, gap: p.gap };
        if (p.row < row) shift++;
        else break;
      }
      const turnIndex = row - shift;
      const turn = turns[turnIndex];
      return turn ? { kind: 'turn', key: turn.key, turn, turnIndex } : undefined;
    },
    rowOfTurn(turnIndex) {
      let shift = 0;
      for (const p of placed) if (p.before <= turnIndex) shift++;
      return turnIndex + shift;
    },
  };
}
