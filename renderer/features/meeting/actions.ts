import type { MeetingPatch } from '../../../shared/vexa/types';
import { api } from '../../platform/api';
import { announce } from '../announcer/store';
import { releaseLiveCopy } from '../captions/release';
import { useConnectionStore } from '../connection/store';
import type { EditableField } from './describe';
import { EchoGuard, type OpenKind } from './echoGuard';
import { useMeetingStore, type MeetingFocus, type OpenMeeting } from './store';

/**
 * A meeting being transcribed changes with every batch of captions stored; each re-open also asks
 * the server for the meeting again, so re-opens are spaced by at least this much.
 */
const REOPEN_SPACING_MS = 1_500;

const echoes = new EchoGuard();
let loadSeq = 0;
let inFlight = false;
let queued: OpenKind | null = null;
/** When the last background re-open started (a re-open right after the person's own open is not held back). */
let lastStart = 0;
let spacingTimer: ReturnType<typeof setTimeout> | null = null;

/** The core refreshes a meeting on open only from the server it is connected to. */
function coreRefreshes(serverId: string | null): boolean {
  return serverId !== null && useConnectionStore.getState().view?.server?.id === serverId;
}

async function load(kind: OpenKind): Promise<void> {
  const open = useMeetingStore.getState().open;
  if (!open) return;
  const seq = ++loadSeq;
  const serverId = useMeetingStore.getState().detail?.meeting.serverId ?? open.serverId;
  // Counted before the request: the echo can arrive before the answer when nothing needs the network.
  if (coreRefreshes(serverId)) echoes.opened(kind, Date.now());
  useMeetingStore.getState().setLoad({ loading: true });
  // Opened on a search hit, a long transcript comes as the lines around the hit first.
  const around = kind === 'user' ? (open.focus?.segmentKey ?? undefined) : undefined;
  const result = await api.invoke('library:open', { id: open.id, ...(around ? { around } : {}) });
  if (seq !== loadSeq || useMeetingStore.getState().open?.id !== open.id) return;
  if (result.ok) {
    useMeetingStore.getState().setDetail(result.value);
    releaseLiveCopy(result.value.meeting);
    // Not awaited: the open is done once its lines are shown. Awaiting the rest (megabytes for a
    // long meeting) held every later open, the next search hit's included, behind it.
    if (result.value.window) void loadWholeTranscript(open);
  } else useMeetingStore.getState().setLoad({ loading: false, error: result.message });
}

/**
 * A person going through search results opens a hit, glances and goes back: the rest of a 20,000-line
 * transcript (megabytes to read, send and lay out) is asked for only once they stayed this long
 * after the hit's lines were painted, so it never holds up the next hit they open.
 */
const WHOLE_AFTER_MS = 300;

/**
 * The rest of a transcript opened at a search hit, asked for once the hit's lines are painted (or
 * where no frame comes, a hidden window) while that open (`open`, not a later one of the same
 * meeting) is still on screen. Should it fail, the meeting is opened again, whole: no line may
 * stay missing.
 */
async function loadWholeTranscript(open: OpenMeeting): Promise<void> {
  const { id } = open;
  await new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, WHOLE_AFTER_MS));
    setTimeout(resolve, WHOLE_AFTER_MS + 250);
  });
  if (useMeetingStore.getState().open !== open) return;
  const whole = await api.invoke('library:segments', { id });
  // Only for the open that asked: the meeting opened again since (the next search hit) asks once
  // its own lines are painted, and laying out 20,000 lines before that would delay them.
  if (useMeetingStore.getState().open !== open) return;
  if (whole.ok) useMeetingStore.getState().setWholeTranscript(id, whole.value.segments);
  else requestLoad('reopen');
}

/** One open at a time; events arriving meanwhile fold into one more open afterwards. */
function requestLoad(kind: OpenKind): void {
  if (inFlight || (spacingTimer !== null && kind === 'reopen')) {
    queued = queued === 'user' || kind === 'user' ? 'user' : 'reopen';
    return;
  }
  if (spacingTimer !== null) {
    // What the person asked for does not wait for the spacing of background re-opens.
    clearTimeout(spacingTimer);
    spacingTimer = null;
    queued = null;
  }
  const wait = lastStart + REOPEN_SPACING_MS - Date.now();
  if (kind === 'reopen' && wait > 0) {
    queued = 'reopen';
    spacingTimer = setTimeout(() => {
      spacingTimer = null;
      const next = queued;
      queued = null;
      if (next) requestLoad(next);
    }, wait);
    return;
  }
  inFlight = true;
  if (kind === 'reopen') lastStart = Date.now();
  void load(kind).finally(() => {
    inFlight = false;
    const next = queued;
    queued = null;
    if (next) requestLoad(next);
  });
}

export function openMeeting(id: number, options: { focus?: MeetingFocus | null; serverId?: string | null } = {}): void {
  const current = useMeetingStore.getState().open;
  if (current?.id !== id) echoes.reset();
  useMeetingStore.getState().setOpen({ id, serverId: options.serverId ?? null, focus: options.focus ?? null });
  requestLoad('user');
}

export function closeMeeting(): void {
  echoes.reset();
  loadSeq++;
  queued = null;
  if (spacingTimer !== null) clearTimeout(spacingTimer);
  spacingTimer = null;
  useMeetingStore.getState().setOpen(null);
}

/** `library:changed`: re-read the open meeting when it is concerned (see EchoGuard). */
export function meetingChanged(change: { meetingIds: number[] | null }): void {
  const open = useMeetingStore.getState().open;
  if (!open) return;
  if (change.meetingIds === null) {
    requestLoad('reopen');
    return;
  }
  if (!change.meetingIds.includes(open.id)) return;
  if (echoes.shouldReopen(Date.now())) requestLoad('reopen');
}

/** A sync pass ended (edits may have been sent without a change event): re-read the open meeting. */
export function refreshOpenMeeting(): void {
  if (useMeetingStore.getState().open) requestLoad('reopen');
}

/** The core announces an edit once, and once more after sending it when the meeting's server is connected. */
function editAnnouncements(serverId: string | null): number {
  return coreRefreshes(serverId) ? 2 : 1;
}

/** Sends one field's new value through the outbox; the chip beside the field follows its state. */
export async function saveEdit<F extends EditableField>(field: F, value: NonNullable<MeetingPatch[F]>): Promise<boolean> {
  const detail = useMeetingStore.getState().detail;
  if (!detail) return false;
  const patch: MeetingPatch = { [field]: value };
  echoes.changing(editAnnouncements(detail.meeting.serverId));
  const result = await api.invoke('library:edit', { id: detail.meeting.id, patch });
  if (!result.ok) {
    useMeetingStore.getState().setFieldError(field, result.message);
    return false;
  }
  useMeetingStore.getState().editSent(field, result.value, value);
  return true;
}

/** A conflict or a failed edit: keep mine (queue it again) or take the server's value. */
export async function resolveEdit(editId: number, choice: 'keep-mine' | 'use-server'): Promise<string | null> {
  echoes.changing(editAnnouncements(useMeetingStore.getState().detail?.meeting.serverId ?? null));
  const result = await api.invoke('library:resolveEdit', { editId, choice });
  if (!result.ok) return result.message;
  if (result.value) useMeetingStore.getState().replaceEdit(result.value);
  requestLoad('reopen');
  announce(choice === 'keep-mine' ? 'Your version is kept and will be sent.' : 'The server’s version is shown.');
  return null;
}

export type DeleteResult =
  | { ok: true }
  /** Removed from this computer only: the server keeps the meeting, `message` says why. */
  | { ok: true; keptOnServer: string }
  | { ok: false; message: string };

/**
 * Deletes from this computer or from the server too. A meeting the server kept (an older meeting
 * of a recurring link on a server that only reaches the newest) stays open until the person has
 * read why: `closeMeeting` then.
 */
export async function deleteMeeting(where: 'local' | 'server'): Promise<DeleteResult> {
  const detail = useMeetingStore.getState().detail;
  if (!detail) return { ok: false, message: 'This meeting is no longer in the library.' };
  const result = await api.invoke('library:delete', { id: detail.meeting.id, where });
  if (!result.ok) return { ok: false, message: result.message };
  if (result.value?.serverKept) {
    announce(result.value.message);
    return { ok: true, keptOnServer: result.value.message };
  }
  closeMeeting();
  announce(
    where === 'server' ? 'The meeting was deleted on the server and on this computer.' : 'The meeting was removed from this computer.',
  );
  return { ok: true };
}
