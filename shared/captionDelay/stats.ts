/**
 * Caption delay figures: how long after words were said their line appeared. Pure, shared by the
 * core (which measures) and the window (which words them).
 */

export interface DelayFigures {
  /** Median delay of the lines in the window, ms. */
  medianMs: number;
  /** 95th percentile (nearest rank), ms: 19 lines in 20 appeared at least this soon. */
  p95Ms: number;
  /** How many lines the figures are taken over. */
  lines: number;
}

/** Lines a meeting's figures are taken over: the newest ones, so the indicator follows a change of pace. */
export const DELAY_WINDOW = 200;
/** A median this far behind is late whatever the server usually does. */
export const LATE_FLOOR_MS = 10_000;
/** Past meetings a server needs before its usual delay counts. */
export const USUAL_MIN_MEETINGS = 3;
/** Lines a meeting needs before its figures may be called late (one slow line is no trend). */
export const LATE_MIN_LINES = 5;

/** The nearest-rank percentile (`p` in 0..100) of values sorted ascending; null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Median (the mean of the middle two for an even count) of values sorted ascending; null for none. */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median and 95th percentile of delays in any order; null for none. */
export function summarize(delays: readonly number[]): DelayFigures | null {
  if (delays.length === 0) return null;
  const sorted = [...delays].sort((a, b) => a - b);
  return { medianMs: Math.round(median(sorted)!), p95Ms: Math.round(percentile(sorted, 95)!), lines: sorted.length };
}

/** A server's usual delay: the median of its past meetings' medians, once it has enough of them. */
export function usualDelay(pastMedians: readonly number[]): number | null {
  if (pastMedians.length < USUAL_MIN_MEETINGS) return null;
  return Math.round(median([...pastMedians].sort((a, b) => a - b))!);
}

/**
 * Far above normal: a median past the fixed floor, or more than twice the server's usual and at
 * least a second over it (so a server usually at 0.4 s is not called late at 0.9 s).
 */
export function isLate(f: DelayFigures, usualMs: number | null): boolean {
  if (f.lines < LATE_MIN_LINES) return false;
  if (f.medianMs >= LATE_FLOOR_MS) return true;
  return usualMs !== null && f.medianMs > 2 * usualMs && f.medianMs - usualMs >= 1_000;
}
