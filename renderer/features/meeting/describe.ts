import type { LibraryMeetingView, MeetingDetailView } from '../../../shared/ipc/library';
import { explainOutcome, STATUS_LABELS } from '../../../shared/meetings/outcome';
import type { MeetingStatus } from '../../../shared/vexa/types';
import type { BadgeTone } from '../../app/theme/Badge';

/** Pure wording of the meeting view: edit states, the status timeline, transcript states (unit-tested). */

export type EditableField = 'name' | 'notes' | 'participants' | 'languages';
type OutboxEditView = MeetingDetailView['edits'][number];
type TimelineView = MeetingDetailView['timeline'];

export const FIELD_LABELS: Record<EditableField, string> = {
  name: 'Name',
  notes: 'Notes',
  participants: 'Participants',
  languages: 'Languages',
};

export type EditChipKind = 'saving' | 'saved' | 'waiting' | 'failed' | 'local' | 'conflict';

export interface EditChip {
  kind: EditChipKind;
  label: string;
  tone: BadgeTone;
  /** A sentence under the field, for states that need one. */
  detail: string | null;
}

/**
 * The newest edit of a field that the core listed: open edits, and the field's latest finished
 * edit while it still stands (the outbox lists them oldest first).
 */
export function latestEditFor(field: EditableField, edits: readonly OutboxEditView[]): OutboxEditView | undefined {
  for (let i = edits.length - 1; i >= 0; i--) if (field in edits[i]!.fields) return edits[i];
  return undefined;
}

export interface EditContext {
  /** The meeting's server cannot be reached now (sync offline, live connection down). */
  offline: boolean;
  /** The meeting belongs to a server other than the connected one: its edits wait for it. */
  otherServer: boolean;
}

/** Why a rename stays here when the core gives no reason: G3 has no PATCH of a meeting that happened. */
export function localEditNote(field: EditableField): string | null {
  // Notes, participants and languages share one explanation above them (DETAILS_KEPT_HERE), not one each.
  return field === 'name' ? 'This server version cannot rename past meetings.' : null;
}

/** Said once above the meeting's details when their changes stay on this computer. */
export const DETAILS_KEPT_HERE =
  'Your notes, participants and languages for this meeting are kept on this computer; this server version keeps past meetings as they were.';

/** Whether any detail field holds a change kept here for the generation's reason (no other reason given). */
export function detailsKeptHere(edits: ReadonlyArray<Pick<OutboxEditView, 'fields' | 'state' | 'lastError'>>): boolean {
  return edits.some(
    (e) =>
      e.state === 'local' &&
      !e.lastError &&
      (e.fields.notes !== undefined || e.fields.participants !== undefined || e.fields.languages !== undefined),
  );
}

/**
 * The state chip beside an edited field. A finished edit reads "Saved", also after a restart: the
 * core lists a field's latest finished edit for a week, until the server's value changes. `saved`:
 * the field was edited in this view and no edit of it is listed any more.
 */
export function editChip(field: EditableField, edit: OutboxEditView | undefined, saved: boolean, ctx: EditContext): EditChip | null {
  if (!edit) return saved ? { kind: 'saved', label: 'Saved', tone: 'success', detail: null } : null;
  switch (edit.state) {
    case 'done':
      return { kind: 'saved', label: 'Saved', tone: 'success', detail: null };
    case 'local':
      // The core says why when it is not the generation (an older meeting of a recurring link).
      return { kind: 'local', label: 'Kept on this computer', tone: 'info', detail: edit.lastError ?? localEditNote(field) };
    case 'conflict':
      return { kind: 'conflict', label: 'Conflict', tone: 'warn', detail: 'The server changed this too. Choose which version to keep.' };
    case 'failed':
      return {
        kind: 'failed',
        label: 'Failed',
        tone: 'danger',
        detail: edit.lastError ? `The server refused the change: ${edit.lastError}` : 'The server refused the change.',
      };
    case 'pending':
    case 'sending':
      if (ctx.otherServer) {
        return {
          kind: 'waiting',
          label: 'Waiting for connection',
          tone: 'warn',
          detail: 'Sent when you connect to this meeting’s server again.',
        };
      }
      if (edit.state === 'pending' && (ctx.offline || edit.lastError !== null)) {
        return {
          kind: 'waiting',
          label: 'Waiting for connection',
          tone: 'warn',
          detail: 'Kept on this computer and sent when the server is back.',
        };
      }
      return { kind: 'saving', label: 'Saving…', tone: 'info', detail: null };
  }
}

/**
 * An edit made while the library is kept in memory (the disk refused it) is lost on quit unless it
 * reached the server: its chip says so. One the server took ("Saved") is safe there.
 */
export function markUnkept(chip: EditChip | null, edit: OutboxEditView | undefined, memorySince: number | null): EditChip | null {
  if (!chip || !edit || memorySince === null || edit.updatedAt < memorySince || chip.kind === 'saved') return chip;
  if (chip.kind === 'local') {
    return {
      ...chip,
      label: 'Kept until you quit',
      tone: 'warn',
      detail: 'The library cannot be saved to disk right now, so this change is lost when you quit.',
    };
  }
  const note = 'Lost if you quit before it reaches the server: the library cannot be saved to disk right now.';
  // "Kept on this computer and sent when the server is back" would no longer be true.
  if (chip.kind === 'waiting') return { ...chip, detail: note };
  return { ...chip, detail: chip.detail ? `${chip.detail} ${note}` : note };
}

/** "2 h 05 min", "4 min 12 s", "38 s", "under a second". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return 'under a second';
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min ${String(s).padStart(2, '0')} s`;
  return `${s} s`;
}

/** Who moved the meeting on, in words (G1 `user`/`bot_callback`/…, G3 `creation`/`user_stop`/…, this app). */
const SOURCES: Record<string, string> = {
  creation: 'When the bot was requested',
  bot_callback: 'Reported by the bot',
  user: 'By a request to the server',
  user_stop: 'Someone stopped the bot',
  scheduler_timeout: 'The server’s time limit ran out',
  runtime_destroy: 'The bot’s machine was shut down',
  validation_error: 'The server refused the request',
  app: 'Seen by this app',
};

export function sourceWords(source: string | null): string | null {
  if (!source || source === 'unknown') return null;
  return SOURCES[source] ?? source.replace(/_/g, ' ');
}

export function statusLabel(status: MeetingStatus): string {
  return STATUS_LABELS[status] ?? status;
}

export interface TimelineRowView {
  key: string;
  status: MeetingStatus;
  label: string;
  at: number | null;
  duration: string | null;
  /** Share of the bar (0–1); 0 for states without a known duration. */
  share: number;
  source: string | null;
  /** Why the meeting ended, in plain words; only on the last, terminal step. */
  note: string | null;
}

const TERMINAL: ReadonlySet<MeetingStatus> = new Set(['completed', 'failed', 'deleted']);

export function timelineRows(
  timeline: TimelineView,
  meeting: Pick<LibraryMeetingView, 'completionReason' | 'failureStage' | 'captureNote'>,
): TimelineRowView[] {
  const total = timeline.entries.reduce((sum, e) => sum + (e.durationMs ?? 0), 0);
  return timeline.entries.map((e, i) => {
    const terminal = TERMINAL.has(e.to);
    const reason = e.completionReason ?? (terminal ? meeting.completionReason : null) ?? e.reason;
    const stage = e.failureStage ?? (terminal ? meeting.failureStage : null);
    return {
      key: `${i}:${e.to}:${e.at ?? ''}`,
      status: e.to,
      label: statusLabel(e.to),
      at: e.at,
      // A terminal state lasts forever; its "duration" is only the wait for the end time.
      duration: e.durationMs !== null && !terminal ? formatDuration(e.durationMs) : null,
      share: total > 0 && e.durationMs !== null && !terminal ? e.durationMs / total : 0,
      source: sourceWords(e.source),
      // The end says how it ended and, where the server reports it, what it captured (stt_fault, segments_captured).
      note: terminal
        ? [explainOutcome(e.to, reason, stage), i === timeline.entries.length - 1 ? meeting.captureNote : null].filter(Boolean).join(' ')
        : e.reason
          ? e.reason.replace(/_/g, ' ')
          : null,
    };
  });
}

export function timelineOriginNote(origin: TimelineView['origin']): string | null {
  if (origin === 'server') return 'From the server’s history';
  if (origin === 'app') return 'From what this app saw';
  return null;
}

export interface TranscriptPlaceholder {
  title: string;
  body: string;
  /** A download is expected now (show progress). */
  busy: boolean;
}

/** What the transcript area says when there are no lines to show. */
export function transcriptPlaceholder(
  m: Pick<LibraryMeetingView, 'transcript' | 'transcriptDeleted' | 'planned' | 'status'>,
  ctx: { reachable: boolean },
): TranscriptPlaceholder {
  if (m.transcriptDeleted) {
    return {
      title: 'Deleted on the server',
      body: 'The transcript of this meeting was deleted on the server; there is nothing left to download.',
      busy: false,
    };
  }
  if (m.planned)
    return { title: 'Not happened yet', body: 'This meeting is planned. Its transcript appears once a bot has joined it.', busy: false };
  if (m.transcript === 'unavailable' || (m.status === 'failed' && m.transcript === 'none')) {
    return {
      title: 'No transcript',
      body: 'The server has no transcript for this meeting: nothing was said while the bot was in it.',
      busy: false,
    };
  }
  if (!ctx.reachable) {
    return {
      title: 'Transcript not downloaded yet',
      body: 'It downloads as soon as this meeting’s server can be reached.',
      busy: false,
    };
  }
  return { title: 'Transcript not downloaded yet', body: 'Downloading it from the server…', busy: true };
}

const LANGUAGE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

/** A language code as the servers take it ("en", "pt-br"), or a sentence saying what is wrong. */
export function checkLanguage(text: string): { ok: true; value: string } | { ok: false; message: string } {
  const value = text.trim().toLowerCase();
  if (!LANGUAGE.test(value) || value.length > 16) return { ok: false, message: 'Use a language code such as en, de or pt-br.' };
  return { ok: true, value };
}

/** The value of a field as shown in the conflict dialog. */
export function fieldValueText(value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.join(', ') : '(none)';
  if (typeof value === 'string') return value.trim() ? value : '(empty)';
  return '(none)';
}

export interface ServerDeleteOption {
  /** "From the server too" can be chosen. */
  allowed: boolean;
  /** What it does, or why it cannot be chosen. */
  text: string;
}

/**
 * "From the server too" in the delete dialog. The core deletes only on the connected server. A
 * planned meeting without a meeting link has no platform or meeting ID: only a server with planned
 * meetings (Vexa 0.12, G3) deletes it, by its number (`deletesPlans`: its `plannedMeetings` capability).
 */
export function serverDeleteOption(
  m: Pick<LibraryMeetingView, 'planned' | 'nativeMeetingId'>,
  ctx: { otherServer: boolean; deletesPlans: boolean; serverName: string },
): ServerDeleteOption {
  if (ctx.otherServer) return { allowed: false, text: `Connect to ${ctx.serverName} to delete it there.` };
  if (m.planned && m.nativeMeetingId === null && !ctx.deletesPlans) {
    return {
      allowed: false,
      text: 'This server version cannot delete a planned meeting that has no meeting link. Delete it where it was planned (calendar or dashboard).',
    };
  }
  if (m.planned) return { allowed: true, text: 'Deletes the plan on the server, so no bot joins it, for every app using this account.' };
  return { allowed: true, text: 'Deletes the transcript and recordings on the server, for everyone who can see this meeting.' };
}

/** The confirmation of a delete on the server: a plan goes entirely, a meeting keeps an empty row there. */
export function serverDeleteConfirmText(title: string, planned: boolean): string {
  return planned
    ? `The planned meeting “${title}” is deleted on the server and from this computer, and no bot will join it. This cannot be undone.`
    : `The transcript and recordings of “${title}” are deleted on the server for everyone, and from this computer. This cannot be undone.`;
}
