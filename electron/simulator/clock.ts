/**
 * Simulated time. Virtual time runs `timeScale` times faster than the wall clock, starting at the
 * moment the clock is made, so every timestamp the server writes (status changes, segment times,
 * share expiry) stays consistent with the delays that produced it.
 */
export interface SimClock {
  readonly timeScale: number;
  /** Virtual epoch milliseconds. */
  now(): number;
  /** Runs `fn` after `virtualMs` of simulated time; returns a cancel function. */
  after(virtualMs: number, fn: () => void): () => void;
  /** Runs `fn` after `realMs` of wall time, unscaled (restarts, HTTP hangs). */
  afterReal(realMs: number, fn: () => void): () => void;
  clearAll(): void;
}

/**
 * `skewMs` sets the server's clock that far from this computer's (a server whose clock is off): every
 * timestamp it writes, and its HTTP `Date` header, carry the skew; delays do not.
 */
export function createClock(timeScale = 1, wallNow: () => number = Date.now, skewMs = 0): SimClock {
  if (!(timeScale > 0) || !Number.isFinite(timeScale)) throw new Error(`timeScale must be a positive number, got ${timeScale}`);
  const anchor = wallNow();
  const timers = new Set<NodeJS.Timeout>();

  const schedule = (realMs: number, fn: () => void): (() => void) => {
    const handle = setTimeout(
      () => {
        timers.delete(handle);
        fn();
      },
      Math.max(0, realMs),
    );
    timers.add(handle);
    return () => {
      clearTimeout(handle);
      timers.delete(handle);
    };
  };

  return {
    timeScale,
    now: () => anchor + skewMs + (wallNow() - anchor) * timeScale,
    after: (virtualMs, fn) => schedule(virtualMs / timeScale, fn),
    afterReal: schedule,
    clearAll: () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
