/**
 * Where the audio is in the transcript, and the reverse. Segment times are seconds from the
 * session start; the recording starts at `offset` seconds into the session (0 unless the server
 * says when its first sample was captured, G3 `capture_started_at_ms`).
 */

export interface TimedLine {
  key: string;
  /** Seconds from the session start. */
  start: number;
  end: number;
}

/**
 * The line being heard at `audioSeconds` into the recording: the last line that started by then,
 * while it lasts; null in the silence between lines and before the first. `lines` sorted by start.
 */
export function lineAtTime(lines: readonly TimedLine[], audioSeconds: number, offset = 0): string | null {
  const t = audioSeconds + offset;
  let lo = 0;
  let hi = lines.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]!.start <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Lines may overlap (two speakers at once): the latest start that still lasts wins, else an earlier one that does.
  for (let i = found; i >= 0 && i > found - 4; i--) {
    const line = lines[i]!;
    if (t < line.end) return line.key;
  }
  return null;
}

/** Where in the recording a line begins (never before its start). */
export function audioTimeOf(line: Pick<TimedLine, 'start'>, offset = 0): number {
  return Math.max(0, line.start - offset);
}

/**
 * Seconds from the session start to the recording's first sample: the capture instant minus the
 * session start (a line's absolute start less its offset), or 0 when either is unknown.
 */
export function recordingOffset(captureStartedAt: number | null, first: { start: number; absoluteStart: number } | undefined): number {
  if (captureStartedAt === null || !first) return 0;
  const sessionStart = first.absoluteStart - first.start * 1000;
  const offset = (captureStartedAt - sessionStart) / 1000;
  return Number.isFinite(offset) ? offset : 0;
}
