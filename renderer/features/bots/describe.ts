import type { TrackedMeetingView } from '../../../shared/ipc/models';
import { isolate } from '../../../shared/bidi';
import { STATUS_LABELS, TERMINAL_STATUSES } from '../../../shared/meetings/outcome';
import { keyOfTracked } from '../../app/meetingKey';
import type { BadgeTone } from '../../app/theme/Badge';

/** Words and numbers for the meetings the app follows: pure, so they are unit-tested. */

export type MeetingStatusView = TrackedMeetingView['status'];

/** Past this, a bot still requested or joining gets a warning with a way to cancel it. */
export const SLOW_JOIN_MS = 60_000;

const tones: Record<MeetingStatusView, BadgeTone> = {
  requested: 'info',
  joining: 'info',
  awaiting_admission: 'warn',
  needs_help: 'danger',
  active: 'success',
  stopping: 'neutral',
  completed: 'neutral',
  failed: 'danger',
  idle: 'neutral',
  scheduled: 'accent',
  deleted: 'neutral',
  unknown: 'neutral',
};

export function statusChip(status: MeetingStatusView): { label: string; tone: BadgeTone } {
  return { label: STATUS_LABELS[status], tone: tones[status] };
}

/** G3 files a bot stopped before admission under `failed`; to the person who stopped it, it simply stopped. */
function stoppedByUser(meeting: Pick<TrackedMeetingView, 'status' | 'completionReason'>): boolean {
  return isFinished(meeting.status) && (meeting.completionReason?.startsWith('stopped') ?? false);
}

/** The chip on a meeting's card: its status, except that a bot someone stopped reads "Stopped", not "Failed". */
export function meetingChip(meeting: Pick<TrackedMeetingView, 'status' | 'completionReason'>): { label: string; tone: BadgeTone } {
  return stoppedByUser(meeting) ? { label: 'Stopped', tone: 'neutral' } : statusChip(meeting.status);
}

/** Failures read as such; a completed meeting or a stop the person asked for does not. */
export function outcomeTone(meeting: Pick<TrackedMeetingView, 'status' | 'completionReason'>): 'neutral' | 'danger' {
  return meeting.status === 'failed' && !stoppedByUser(meeting) ? 'danger' : 'neutral';
}

export function isFinished(status: MeetingStatusView): boolean {
  return TERMINAL_STATUSES.has(status);
}

/** States in which a person must act in the meeting itself. */
export function needsAttention(status: MeetingStatusView): boolean {
  return status === 'awaiting_admission' || status === 'needs_help';
}

/** A stop makes sense only while the bot is on its way or in the meeting. */
export function canStop(status: MeetingStatusView): boolean {
  return ['requested', 'joining', 'awaiting_admission', 'needs_help', 'active'].includes(status);
}

/** "0:42", "12:05", "1:02:03": a clock-like duration that reads well while it ticks. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** "1 hour 2 minutes", "3 minutes 5 seconds", "42 seconds": the same duration for screen readers. */
export function elapsedWords(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (h > 0) return m > 0 ? `${unit(h, 'hour')} ${unit(m, 'minute')}` : unit(h, 'hour');
  if (m > 0) return s > 0 ? `${unit(m, 'minute')} ${unit(s, 'second')}` : unit(m, 'minute');
  return unit(s, 'second');
}

/** ISO 8601 duration for a <time> element. */
export function isoDuration(ms: number): string {
  return `PT${Math.max(0, Math.floor(ms / 1000))}S`;
}

/** Time in the current status, from this computer's clock (the core stamps `since` with it too). */
export function timeInStatus(meeting: Pick<TrackedMeetingView, 'since'>, now: number): number {
  return Math.max(0, now - meeting.since);
}

/** How long the bot has been on its way, counted from its first requested or joining status. */
export function joiningFor(meeting: Pick<TrackedMeetingView, 'status' | 'since' | 'history'>, now: number): number | null {
  if (meeting.status !== 'requested' && meeting.status !== 'joining') return null;
  const start = meeting.history.find((h) => h.status === 'requested' || h.status === 'joining')?.at ?? meeting.since;
  return Math.max(0, now - start);
}

export function isSlowToJoin(meeting: Pick<TrackedMeetingView, 'status' | 'since' | 'history'>, now: number): boolean {
  const elapsed = joiningFor(meeting, now);
  return elapsed !== null && elapsed > SLOW_JOIN_MS;
}

export interface HistoryStep {
  status: MeetingStatusView;
  label: string;
  /** Time spent in this status; null for a finished meeting's final status. */
  durationMs: number | null;
  current: boolean;
}

/** The status history as steps with the time spent in each, the current one last. */
export function historySteps(meeting: Pick<TrackedMeetingView, 'status' | 'history'>, now: number): HistoryStep[] {
  const finished = isFinished(meeting.status);
  return meeting.history.map((entry, index) => {
    const next = meeting.history[index + 1];
    const last = next === undefined;
    return {
      status: entry.status,
      label: STATUS_LABELS[entry.status],
      durationMs: last ? (finished ? null : Math.max(0, now - entry.at)) : Math.max(0, next.at - entry.at),
      current: last,
    };
  });
}

/** What the lobby banner says for one meeting. */
export function attentionText(meeting: Pick<TrackedMeetingView, 'status' | 'name'>): { title: string; detail: string } {
  // The meeting's name comes from the server: isolated, it cannot reorder the sentence around it.
  const name = isolate(meeting.name);
  if (meeting.status === 'needs_help') {
    return {
      title: `The bot needs help in ${name}`,
      detail: 'It is stuck and needs a person to help it into the meeting. Open the meeting to check, or stop the bot.',
    };
  }
  return { title: `The bot is waiting in the lobby of ${name}`, detail: 'Admit it in the meeting.' };
}

/**
 * What the screen reader hears when a followed meeting changes status, or null for steps that
 * need no interruption (the card shows them). `server`: the server's name, said once the app
 * knows more than one server (two servers' meetings may bear the same name).
 */
export function statusAnnouncement(
  meeting: Pick<TrackedMeetingView, 'status' | 'name' | 'outcome'>,
  server: string | null = null,
): string | null {
  const name = server ? `${meeting.name} on ${server}` : meeting.name;
  switch (meeting.status) {
    case 'awaiting_admission':
      return `The bot is waiting in the lobby of ${name}. Admit it in the meeting.`;
    case 'needs_help':
      return `The bot needs help in ${name}.`;
    case 'active':
      return `The bot is transcribing ${name}.`;
    case 'completed':
    case 'failed':
      return `${name}: ${meeting.outcome ?? STATUS_LABELS[meeting.status]}`;
    default:
      return null;
  }
}

/**
 * The announcements a new list deserves compared with the previous one. `serverName` gives the
 * name to say for a server, or null while one server is all the app knows.
 */
export function statusChanges(
  previous: readonly TrackedMeetingView[],
  next: readonly TrackedMeetingView[],
  serverName: (serverId: string) => string | null = () => null,
): string[] {
  const before = new Map(previous.map((m) => [keyOfTracked(m), m.status]));
  const messages: string[] = [];
  for (const meeting of next) {
    const was = before.get(keyOfTracked(meeting));
    if (was === meeting.status) continue;
    // A meeting first seen already finished (e.g. listed at start-up) is history, not news.
    if (was === undefined && isFinished(meeting.status)) continue;
    const message = statusAnnouncement(meeting, serverName(meeting.serverId));
    if (message) messages.push(message);
  }
  return messages;
}

/** Running meetings first (most urgent on top), then finished ones, each newest first as the core sends them. */
export function orderForDisplay(meetings: readonly TrackedMeetingView[]): TrackedMeetingView[] {
  const rank = (m: TrackedMeetingView) => (needsAttention(m.status) ? 0 : isFinished(m.status) ? 2 : 1);
  return meetings
    .map((meeting, index) => ({ meeting, index }))
    .sort((a, b) => rank(a.meeting) - rank(b.meeting) || a.index - b.index)
    .map((x) => x.meeting);
}

/** Seconds left before a stop the person can still undo, rounded up, for the countdown they see. */
export function secondsLeft(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}
