import type { CaptionDelayView } from '../../../shared/ipc/captionDelay';

/** Seconds with one decimal: "2.1 s". */
export function seconds(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
}

/** The indicator's words: "Captions ~2.1 s behind (95%: 3.4 s)". */
export function delaySummary(v: CaptionDelayView): string {
  return `Captions ~${seconds(v.medianMs)} behind (95%: ${seconds(v.p95Ms)})`;
}

/** What the figures mean, for the tooltip and screen readers. */
export function delayExplanation(v: CaptionDelayView): string {
  const over = v.lines === 1 ? 'the first line' : `the last ${v.lines} lines`;
  const usual = v.usualMs === null ? '' : ` This server usually takes ~${seconds(v.usualMs)}.`;
  return (
    `Over ${over}, half appeared within ${seconds(v.medianMs)} of being said, and 19 in 20 within ${seconds(v.p95Ms)}.` +
    ` Measured from when the words were said (by the server's clock, corrected for its difference to this computer's)` +
    ` to when their line first reached this app, as a first draft or, without one, as the finished line.${usual}`
  );
}

export const LATE_HINT = 'Captions are running much later than usual — the server may be overloaded.';

export const MEASURING = 'Caption delay: waiting for the first line';

/** The meeting details' line: "2.1 s typical, 95% within 3.4 s (31 lines)". */
export function keptSummary(v: CaptionDelayView): string {
  return `${seconds(v.medianMs)} typical, 95% within ${seconds(v.p95Ms)} (${v.lines} ${v.lines === 1 ? 'line' : 'lines'})`;
}
