import { normaliseStatus } from '../vexa/normalise';
import { helpReasonText, type HelpRequest } from './health';
import { parseVexaTimestamp } from '../vexa/time';
import type { MeetingStatus } from '../vexa/types';

/** A status change read from any generation's WebSocket frame. */
export interface StatusUpdate {
  meetingId: number | null;
  platform: string | null;
  nativeId: string | null;
  status: MeetingStatus;
  /** When the server says it happened (epoch ms), or null. */
  at: number | null;
  completionReason: string | null;
  failureStage: string | null;
  /** `needs_help` on G2: what the server says about it (health.ts `HelpRequest`). */
  help?: HelpRequest | null;
}

const rec = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const int = (v: unknown): number | null =>
  typeof v === 'number' && Number.isInteger(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null;

function helpOf(d: Record<string, unknown>): HelpRequest | null {
  const reason = helpReasonText(d.escalation_reason ?? d.reason);
  const screen = str(d.vnc_url);
  return reason || screen ? { reason, screen, at: parseVexaTimestamp(d.escalated_at) } : null;
}

/**
 * Reads `meeting.status` frames of every generation, or returns null for anything else:
 * - G1/G2 and the G3 `bm:` channel: `{type, meeting:{id, platform, native_id}, payload:{status, data?}, ts}`;
 * - G3's flat user-channel frame, sent without a subscription: `{type, meeting_id, native, status, when}`.
 */
export function parseStatusFrame(frame: Record<string, unknown>): StatusUpdate | null {
  if (frame.type !== 'meeting.status') return null;
  const meeting = rec(frame.meeting);
  const payload = rec(frame.payload);
  if (meeting && payload) {
    const status = normaliseStatus(payload.status);
    if (status === 'unknown') return null;
    const data = rec(payload.data);
    return {
      ...(status === 'needs_help' ? { help: helpOf(data ?? payload) } : {}),
      meetingId: int(meeting.id),
      platform: str(meeting.platform),
      nativeId: str(meeting.native_id),
      status,
      at: parseVexaTimestamp(frame.ts),
      completionReason: str(payload.completion_reason) ?? str(data?.completion_reason),
      failureStage: str(payload.failure_stage) ?? str(data?.failure_stage),
    };
  }
  if ('meeting_id' in frame && 'status' in frame) {
    const status = normaliseStatus(frame.status);
    const meetingId = int(frame.meeting_id);
    if (status === 'unknown' || meetingId === null) return null;
    return {
      meetingId,
      platform: str(frame.platform),
      nativeId: str(frame.native),
      status,
      at: parseVexaTimestamp(frame.when),
      completionReason: str(frame.completion_reason),
      failureStage: str(frame.failure_stage),
    };
  }
  return null;
}
