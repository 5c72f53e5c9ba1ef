import type { MeetingStatus } from '../vexa/types';

/** What a status means to the person who sent the bot. */
export const STATUS_LABELS: Record<MeetingStatus, string> = {
  requested: 'Requested',
  joining: 'Joining',
  awaiting_admission: 'Waiting in the lobby',
  needs_help: 'Needs help',
  active: 'Transcribing',
  stopping: 'Stopping',
  completed: 'Completed',
  failed: 'Failed',
  idle: 'Planned',
  scheduled: 'Scheduled',
  deleted: 'Deleted',
  unknown: 'Unknown',
};

export const TERMINAL_STATUSES: ReadonlySet<MeetingStatus> = new Set(['completed', 'failed', 'deleted']);

/**
 * How far along its life a meeting is. Statuses only move forward on the server, so a status read
 * earlier (a list page fetched before a status frame arrived, a late poll) never moves one back.
 */
export const STATUS_RANK: Readonly<Record<MeetingStatus, number>> = {
  idle: 0,
  scheduled: 0,
  unknown: 0,
  requested: 1,
  joining: 2,
  awaiting_admission: 3,
  needs_help: 4,
  active: 5,
  stopping: 6,
  completed: 7,
  failed: 7,
  deleted: 8,
};

/** Whether `next` may replace `current`: it is as far along or further. */
export function movesForward(current: MeetingStatus, next: MeetingStatus): boolean {
  return STATUS_RANK[next] >= STATUS_RANK[current];
}

/**
 * Plain-words explanations of every `completion_reason` the three server generations send
 * (G1, G2 additions, G3 lifecycle.v1, api.v1). Unknown reasons fall back to the status.
 */
const REASONS: Record<string, string> = {
  stopped: 'The bot was stopped.',
  stopped_before_admission: 'The bot was stopped before anyone let it in.',
  stopped_with_no_audio: 'The bot was stopped; it never heard any audio.',
  left_alone: 'Everyone else left, so the bot left too.',
  startup_alone: 'Nobody else was in the meeting when the bot arrived, so it left.',
  evicted: 'Someone removed the bot from the meeting.',
  awaiting_admission_timeout: 'Nobody admitted the bot from the waiting room in time.',
  awaiting_admission_rejected: 'The host denied the bot entry to the meeting.',
  never_admitted: 'The bot was never admitted to the meeting.',
  join_failure: 'The bot could not join the meeting.',
  validation_error: 'The server could not use this meeting link or id.',
  max_bot_time_exceeded: 'The bot reached its maximum time in a meeting and left.',
  auth_session_missing: 'The bot needed a signed-in session for this meeting and had none.',
};

const STAGES: Record<string, string> = {
  requested: 'before the bot started',
  joining: 'while joining',
  awaiting_admission: 'while waiting in the lobby',
  active: 'during the meeting',
};

export function explainCompletionReason(reason: string | null): string | null {
  return reason ? (REASONS[reason] ?? null) : null;
}

/** One or two sentences for a finished meeting, e.g. for the status card and the notification. */
export function explainOutcome(status: MeetingStatus, completionReason: string | null, failureStage: string | null): string {
  const reason = explainCompletionReason(completionReason);
  const stage = failureStage ? STAGES[failureStage] : undefined;
  if (status === 'completed') return reason ?? 'The meeting ended and the transcript is ready.';
  if (status === 'failed') {
    if (completionReason === 'join_failure' && failureStage === 'active') return 'The bot stopped working during the meeting.';
    if (reason) return reason;
    return stage ? `The bot failed ${stage}.` : 'The bot failed.';
  }
  if (status === 'needs_help') return 'The bot is stuck and needs a person to help it into the meeting.';
  return STATUS_LABELS[status];
}

/**
 * What the server says about how much it captured, from a meeting's `data` (G3): `stt_fault`
 * `{kinds:[{kind, count, status, detail}], total}`, the speech-to-text failures the bot counted
 * (it persists why a transcript is empty, Vexa-ai/vexa issues #53, #90, #343), and
 * `segments_captured`, the lines it stored (said only while this computer holds none of them,
 * `linesHeld`: where it holds some, the row counts them). Null when there is nothing to say.
 */
export function explainCapture(data: { sttFault: unknown; segmentsCaptured: unknown }, linesHeld = 0): string | null {
  const parts: string[] = [];
  const fault = describeSttFault(data.sttFault);
  if (fault) parts.push(fault);
  const n = typeof data.segmentsCaptured === 'number' && Number.isFinite(data.segmentsCaptured) ? data.segmentsCaptured : null;
  if (n === 0) parts.push(fault ? 'No lines were transcribed.' : 'The bot heard nothing it could transcribe: no lines were captured.');
  // A row already counts the lines this computer holds ("32 lines"): the server's count would say it twice.
  else if (n !== null && linesHeld === 0) parts.push(`${n} ${n === 1 ? 'line was' : 'lines were'} transcribed.`);
  return parts.length ? parts.join(' ') : null;
}

function describeSttFault(raw: unknown): string | null {
  if (!raw || typeof raw !== 'object') return null;
  const f = raw as { kinds?: unknown; total?: unknown };
  const kinds = Array.isArray(f.kinds) ? (f.kinds as Array<Record<string, unknown>>) : [];
  const total = typeof f.total === 'number' ? f.total : kinds.reduce((n, k) => n + (typeof k.count === 'number' ? k.count : 0), 0);
  if (total <= 0 && kinds.length === 0) return null;
  const payment = kinds.some((k) => k.status === 402 || /payment|balance|quota/i.test(String(k.kind ?? '')));
  const times = total === 1 ? 'once' : `${total} times`;
  return payment
    ? `The transcription service refused the audio ${times} because its account had no balance left.`
    : `The transcription service failed ${times}, so parts of the meeting were not transcribed.`;
}
