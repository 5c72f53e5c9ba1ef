import type { SimContext } from './context';
import type { MeetingRecord } from './types';

/**
 * In-band `health` frames: `{type:"health", meeting:"<platform>/<native_id>", source, kind, status?, detail}`,
 * throttled to one per (meeting, source, kind) every 15 s. Vexa's own docs announce them on `/ws`
 * ("`health` frames surface engine/no-signal faults in-band", docs/docs/how-to/stream-transcript.mdx),
 * but only the v0.12 line's local all-in-one desktop gateway sends them
 * (core/meetings/services/desktop/src/desktop.ts `reportFault`: `capture`/`no-signal` when no audio
 * frames arrive for 8 s, `engine`/<kind> when the speech-to-text backend refuses a chunk); the cloud
 * gateway forwards nothing of the kind. The simulator serves them on its G3 profile, the generation
 * that desktop gateway belongs to, in the `no-audio` and `stt-fault` scenarios.
 */
export const HEALTH_EVERY_MS = 15_000;

export interface HealthFault {
  source: 'capture' | 'engine';
  kind: string;
  status?: number;
  detail: string;
}

export const NO_SIGNAL: HealthFault = {
  source: 'capture',
  kind: 'no-signal',
  detail: 'no audio frames for 8s — capture not flowing (stream not minted / muted / no speakers?)',
};

/** What the G3 bot counts and reports on its terminal callback when the speech-to-text backend refuses every chunk. */
export const PAYMENT_REQUIRED: HealthFault = {
  source: 'engine',
  kind: 'payment_required',
  status: 402,
  detail: 'Insufficient balance. Available: 0.00 minutes',
};

export function healthFrame(m: MeetingRecord, fault: HealthFault): Record<string, unknown> {
  return {
    type: 'health',
    meeting: `${m.platform}/${m.nativeId ?? ''}`,
    source: fault.source,
    kind: fault.kind,
    ...(fault.status !== undefined ? { status: fault.status } : {}),
    detail: fault.detail,
  };
}

export function publishHealth(ctx: SimContext, m: MeetingRecord, fault: HealthFault): void {
  ctx.publisher.toMeeting(m.id, healthFrame(m, fault));
}

/**
 * `data.stt_fault` as the G3 bot reports it on its terminal lifecycle callback and meeting-api
 * persists it: `{kinds:[{kind, count, status, detail, first_at}], total}` (the "degraded meeting
 * persists why the transcript is empty" contract test in Vexa-ai/vexa).
 */
export function sttFaultData(fault: HealthFault, count: number, firstAt: string): Record<string, unknown> {
  return { kinds: [{ kind: fault.kind, count, status: fault.status ?? null, detail: fault.detail, first_at: firstAt }], total: count };
}
