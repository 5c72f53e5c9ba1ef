import type { LibraryMeetingView, SyncStateView } from '../../../shared/ipc/library';
import type { LiveStateView, ServerView } from '../../../shared/ipc/models';
import type { BadgeTone } from '../../app/theme/Badge';
import { formatDateTime, lazyDateFormat } from '../../app/format';
import { explainCompletionReason, explainOutcome, STATUS_LABELS } from '../../../shared/meetings/outcome';
import type { MeetingRef } from '../export/describe';

/** Pure wording of the library: rows, sync, offline (unit-tested). */

// One wording of platforms everywhere (the launch field, the library, the live view).
export { platformLabel } from '../../../shared/meeting-link';
import { platformLabel } from '../../../shared/meeting-link';

/** The meeting's name, else "Google Meet abc-defg-hij". */
export function meetingTitle(meeting: { name: string | null; platform: string; nativeMeetingId: string | null; id: number }): string {
  const name = meeting.name?.trim();
  if (name) return name;
  return `${platformLabel(meeting.platform)} ${meeting.nativeMeetingId ?? `#${meeting.id}`}`;
}

/** A library meeting's title; a row without a name or native id is named by the server's row id. */
export function libraryTitle(m: Pick<LibraryMeetingView, 'name' | 'platform' | 'nativeMeetingId' | 'remoteId'>): string {
  return meetingTitle({ name: m.name, platform: m.platform, nativeMeetingId: m.nativeMeetingId, id: m.remoteId });
}

/** A search hit's meeting, titled exactly as its row in the list is. */
export function searchHitTitle(hit: {
  meetingName: string | null;
  platform: string;
  nativeMeetingId: string | null;
  remoteId: number;
}): string {
  return libraryTitle({ name: hit.meetingName, platform: hit.platform, nativeMeetingId: hit.nativeMeetingId, remoteId: hit.remoteId });
}

// G1–G3 status vocabularies together; G3 persists `needs_help`, G2 names it `needs_human_help`.
const statuses: Record<string, { label: string; tone: BadgeTone }> = {
  scheduled: { label: 'Scheduled', tone: 'accent' },
  idle: { label: 'Planned', tone: 'accent' },
  requested: { label: 'Requested', tone: 'info' },
  joining: { label: 'Joining', tone: 'info' },
  awaiting_admission: { label: 'In the lobby', tone: 'warn' },
  active: { label: 'Transcribing', tone: 'success' },
  needs_help: { label: 'Needs help', tone: 'warn' },
  needs_human_help: { label: 'Needs help', tone: 'warn' },
  stopping: { label: 'Stopping', tone: 'info' },
  completed: { label: 'Completed', tone: 'neutral' },
  failed: { label: 'Failed', tone: 'danger' },
  deleted: { label: 'Deleted', tone: 'neutral' },
};

export function meetingStatus(status: string): { label: string; tone: BadgeTone } {
  return statuses[status] ?? { label: status.replace(/_/g, ' '), tone: 'neutral' };
}

// A bot may still be at work: a row last seen in one of these can be out of date when its server is not connected.
const IN_FLIGHT: ReadonlySet<string> = new Set(['requested', 'joining', 'awaiting_admission', 'needs_help', 'active', 'stopping']);

export interface LibraryStatusView {
  label: string;
  tone: BadgeTone;
  /** Why the label is hedged, for the tooltip and screen readers; null when the label says it all. */
  detail: string | null;
}

/**
 * A library meeting's status. On a server that is not connected (another server, the ended
 * demo) nobody tells the app when a bot leaves, so a meeting last seen in flight shows that status
 * "as of" when it was seen, never plainly "Transcribing".
 */
export function libraryStatus(
  m: Pick<LibraryMeetingView, 'status' | 'serverId' | 'statusSeenAt' | 'lastSyncedAt'>,
  connectedServerId: string | null,
): LibraryStatusView {
  const shown = meetingStatus(m.status);
  if (m.serverId === connectedServerId || !IN_FLIGHT.has(m.status)) return { ...shown, detail: null };
  const at = m.statusSeenAt ?? m.lastSyncedAt;
  const word = STATUS_LABELS[m.status];
  return {
    label: at === null ? `${word} when last seen` : `${word} as of ${asOf().format(at)}`,
    tone: 'neutral',
    detail:
      m.serverId === 'demo'
        ? 'The demo has ended, so this is the last status the app saw.'
        : 'This meeting’s server is not connected, so this is the last status the app saw. Connect to it to see how the meeting went on.',
  };
}

// Short enough for a badge; the year would only matter for a meeting left running a year ago.
const asOf = lazyDateFormat({ month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

/**
 * How a finished meeting ended and what the server captured, in plain words, for its row: the
 * completion reason (`left_alone`, `stopped`, `awaiting_admission_rejected`, …) and, where the
 * server reports them, speech-to-text failures and the number of lines captured. Null otherwise.
 */
export function endingNote(
  m: Pick<LibraryMeetingView, 'status' | 'completionReason' | 'failureStage' | 'captureNote'>,
): { text: string; tone: 'danger' | 'muted' } | null {
  const capture = m.captureNote ?? null;
  if (m.status === 'failed') {
    const why = explainOutcome(m.status, m.completionReason, m.failureStage);
    return { text: capture ? `${why} ${capture}` : why, tone: 'danger' };
  }
  if (m.status !== 'completed') return null;
  const why = explainCompletionReason(m.completionReason);
  const text = [why, capture].filter(Boolean).join(' ');
  return text ? { text, tone: 'muted' } : null;
}

/** Why a failed meeting failed, in plain words; null for any other meeting. */
export function failureText(m: Pick<LibraryMeetingView, 'status' | 'completionReason' | 'failureStage'>): string | null {
  return m.status === 'failed' ? explainOutcome(m.status, m.completionReason, m.failureStage) : null;
}

/** The moment that best dates a meeting: when it started, else when it was requested. */
export function meetingTime(meeting: { startTime: number | null; createdAt: number | null }): number | null {
  return meeting.startTime ?? meeting.createdAt;
}

export interface TranscriptLabel {
  label: string;
  tone: BadgeTone;
}

/**
 * What this computer holds of the meeting's transcript; null for a meeting that has not happened.
 * Lines still arriving are "live" only while the meeting's server is connected (see `libraryStatus`).
 */
export function transcriptLabel(
  m: Pick<LibraryMeetingView, 'transcript' | 'transcriptDeleted' | 'planned' | 'status' | 'segmentCount' | 'serverId'>,
  connectedServerId: string | null,
): TranscriptLabel | null {
  if (m.transcriptDeleted) return { label: 'Deleted on server', tone: 'danger' };
  if (m.planned) return null;
  switch (m.transcript) {
    case 'complete':
      return { label: 'Transcript on this computer', tone: 'success' };
    case 'partial':
      return (m.status === 'active' || m.status === 'stopping') && m.serverId === connectedServerId
        ? { label: 'Live transcript on this computer', tone: 'info' }
        : { label: 'Part of the transcript on this computer', tone: 'warn' };
    case 'unavailable':
      return { label: 'No transcript on the server', tone: 'neutral' };
    case 'none':
      if (m.status === 'failed' && m.segmentCount === 0) return { label: 'No transcript', tone: 'neutral' };
      return { label: 'Not downloaded yet', tone: 'neutral' };
  }
}

/** "just now", "2 min ago", "3 h ago", "4 days ago", else the date. */
export function relativeTime(at: number, now: number): string {
  const seconds = Math.round((now - at) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 7) return days === 1 ? 'yesterday' : `${days} days ago`;
  return `on ${formatDateTime(at)}`;
}

export type SyncTone = 'idle' | 'busy' | 'offline' | 'error' | 'local';

export interface SyncBarView {
  tone: SyncTone;
  text: string;
  /** A second, quieter line: when the next attempt runs, what failed. */
  detail: string | null;
  /** The refresh button reads "Retry" instead of "Refresh". */
  retry: boolean;
}

function secondsUntil(at: number | null, now: number): number | null {
  if (at === null) return null;
  const s = Math.ceil((at - now) / 1000);
  return s > 0 ? s : null;
}

/** The line above the list: synced when, syncing, offline (the cache is shown), or what failed. */
export function syncBarView(state: SyncStateView | null, now: number): SyncBarView {
  if (!state) return { tone: 'local', text: 'Showing what is on this computer', detail: null, retry: false };
  const wait = secondsUntil(state.retryAt, now);
  const next = wait === null ? null : `Trying again in ${wait} s.`;
  switch (state.phase) {
    case 'syncing':
      return { tone: 'busy', text: 'Syncing…', detail: null, retry: false };
    case 'offline':
      return { tone: 'offline', text: 'Offline — showing what is on this computer', detail: next, retry: true };
    case 'error':
      return {
        tone: 'error',
        text: 'Could not sync with the server — showing what is on this computer',
        detail: [state.error?.message ?? null, next].filter(Boolean).join(' ') || null,
        retry: true,
      };
    case 'idle':
      return {
        tone: 'idle',
        text: state.lastSyncedAt === null ? 'Not synced yet' : `Synced ${relativeTime(state.lastSyncedAt, now)}`,
        detail: null,
        retry: false,
      };
  }
}

/** "Downloading transcripts 12 of 40" while the background download runs; null otherwise. */
export function transcriptProgressText(p: SyncStateView['transcripts']): string | null {
  if (!p.running || p.total === 0) return null;
  return `Downloading transcripts ${Math.min(p.done, p.total)} of ${p.total}`;
}

/** After a background download: the transcripts that could not be read this time. */
export function transcriptFailuresText(p: SyncStateView['transcripts']): string | null {
  if (p.running || p.failed === 0) return null;
  return p.failed === 1
    ? '1 transcript could not be downloaded; it is tried again later.'
    : `${p.failed} transcripts could not be downloaded; they are tried again later.`;
}

/** The line above search results: how many, and whether they are ranked. */
export function searchSummary(result: { ranked: boolean; hasMore: boolean; meetings: unknown[]; segments: unknown[] }): {
  count: string;
  hint: string | null;
} {
  const total = result.meetings.length + result.segments.length;
  return {
    count: result.hasMore ? `More than ${total} results` : `${total} ${total === 1 ? 'result' : 'results'}`,
    // Too many matches to rank (the first letters of a word): they come in index order.
    hint: result.ranked ? null : 'Showing the first matches; keep typing to narrow them.',
  };
}

export interface OfflineBadgeView {
  label: string;
  detail: string;
}

/**
 * The top bar's one word for "offline": the library could not reach the server, or the live connection
 * is down (offline, or still reconnecting after a failed attempt: one dropped socket that comes straight
 * back is not worth the alarm). Connecting, idle and a refused key are not "offline". While it shows,
 * the live indicator does not say "Offline" again and the server pill loses its green.
 */
export function offlineBadge(
  sync: Pick<SyncStateView, 'phase'> | null,
  live: Pick<LiveStateView, 'status' | 'attempt'> | null,
): OfflineBadgeView | null {
  const syncOffline = sync?.phase === 'offline';
  const liveDown = live?.status === 'offline' || (live?.status === 'reconnecting' && live.attempt >= 2);
  if (!syncOffline && !liveDown) return null;
  return {
    label: 'Offline',
    detail:
      'The server cannot be reached. The library shows what is on this computer, search still works, and edits wait until the server is back.',
  };
}

/** How a server is named in filters and settings: the connected one by its label, others by host. */
export function serverLabel(serverId: string, current: Pick<ServerView, 'id' | 'label'> | null | undefined): string {
  if (current && current.id === serverId) return current.label;
  if (serverId === 'demo') return 'Demo';
  try {
    return new URL(serverId).host || serverId;
  } catch {
    return serverId;
  }
}

/** "12 KB", "3.4 MB", "1.2 GB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} ${units[unit]}`;
}

/** When the cleared meetings come back: the connected server's at once (the core syncs it), the others' on their next connection. */
export function refillText(connectedLabel: string | null, servers: number): string {
  if (connectedLabel === null) return 'they are downloaded again when you connect to their server.';
  if (servers <= 1) return `the meetings of ${connectedLabel} are downloaded again right away.`;
  return `the meetings of ${connectedLabel} are downloaded again right away, those of other servers when you next connect to them.`;
}

export function countText(n: number, one: string, many: string): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/**
 * A library meeting as an export reference (ids only: the core looks the name up), whatever its status. A meeting of another server than
 * the connected one (or of the ended demo) is exported from the lines this computer holds, so it
 * needs some; the core says when they are only part of the transcript.
 */
export function exportRef(m: LibraryMeetingView, connectedServerId: string | null): MeetingRef | null {
  if (!m.nativeMeetingId || m.transcriptDeleted) return null;
  if (m.serverId !== connectedServerId && m.transcript !== 'complete' && m.segmentCount === 0) return null;
  return { meetingId: m.remoteId, platform: m.platform, nativeMeetingId: m.nativeMeetingId, serverId: m.serverId };
}
