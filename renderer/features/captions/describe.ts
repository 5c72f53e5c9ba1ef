import type { CaptionView, TrackedMeetingView } from '../../../shared/ipc/models';
import type { GapView } from './timeline';

/** Words and times of the live captions view: pure, so they are unit-tested. */

export type TimeFormat = 'relative' | 'clock';

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The meeting's zero on the captions' clock: the first line's absolute start minus its offset
 * into the session (`start` is seconds from the session start on every generation).
 */
export function meetingOrigin(first: Pick<CaptionView, 'absoluteStart' | 'start'> | undefined): number | null {
  if (!first) return null;
  // One G3 producer (and chat read apart from the transcript) gives epoch seconds instead (>= 1e9).
  const offset = Number.isFinite(first.start) && first.start > 0 && first.start < 1e9 ? first.start * 1000 : 0;
  return first.absoluteStart - offset;
}

/** "00:42", "12:05", "1:02:03": time from the meeting's start. */
export function formatOffset(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** Wall-clock time in the person's locale, to the second. */
export function formatClock(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** Hours and minutes in the person's locale (gap markers). */
export function formatHourMinute(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

export function captionTime(at: number, format: TimeFormat, origin: number | null): string {
  return format === 'clock' || origin === null ? formatClock(at) : formatOffset(at - origin);
}

export const speakerName = (speaker: string | null): string => speaker?.trim() || 'Unknown speaker';

export function gapText(gap: GapView): string {
  const range = gap.to === null ? `from ${formatHourMinute(gap.from)}` : `${formatHourMinute(gap.from)}–${formatHourMinute(gap.to)}`;
  return `Part of the meeting could not be recovered (${range})`;
}

const SPOKEN_MAX = 200;

function clip(text: string): string {
  const t = text.trim();
  return t.length > SPOKEN_MAX ? `${t.slice(0, SPOKEN_MAX - 1).trimEnd()}…` : t;
}

/** What the screen reader hears for captions confirmed since the last announcement. */
export function captionAnnouncement(lines: ReadonlyArray<Pick<CaptionView, 'speaker' | 'text'>>): string | null {
  const last = lines[lines.length - 1];
  if (!last) return null;
  const latest = `${speakerName(last.speaker)}: ${clip(last.text)}`;
  if (lines.length === 1) return latest;
  return `${lines.length} new captions. Latest, ${latest}`;
}

/**
 * What the view says in place of captions when there are none yet. A failed bot says why it
 * failed (the host denied it entry, nobody admitted it): that is what the person can act on.
 */
export function emptyCaptionsText(status: TrackedMeetingView['status'] | null, outcome: string | null = null): string {
  switch (status) {
    case 'requested':
    case 'joining':
      return 'The bot is joining. Captions start once it is in the meeting.';
    case 'awaiting_admission':
      return 'The bot is waiting in the lobby. Captions start once someone admits it.';
    case 'active':
      return 'Listening. Captions appear here as people speak.';
    case 'failed':
      return outcome ? `${outcome} Nothing was transcribed.` : 'The bot left before anything was transcribed.';
    default:
      return 'No captions yet.';
  }
}

/** A finished meeting with nothing transcribed deserves a warning, not silence. */
export function zeroCaptionsWarning(status: TrackedMeetingView['status'] | null, lines: number): string | null {
  if (status !== 'completed' || lines > 0) return null;
  return 'The meeting ended with no captions at all. If people spoke, the bot may not have heard them: check that the meeting audio reached it and that the language was right.';
}

/** The short line for the details popover about frames the app could not read. */
export function rejectedFramesText(count: number): string {
  if (count === 0) return 'Every live update from the server could be read.';
  return `${count} live ${count === 1 ? 'update' : 'updates'} from the server could not be read and ${count === 1 ? 'was' : 'were'} skipped. Captions confirmed later by the server are still complete.`;
}

/** Statuses in which the bot can be reconfigured (the server refuses it otherwise). */
export const canConfigure = (status: TrackedMeetingView['status']): boolean => status === 'active';

/** True once the bot was ever in the meeting, so there may be captions to show. */
export function hasBeenLive(meeting: Pick<TrackedMeetingView, 'status' | 'history'>): boolean {
  return meeting.status === 'active' || meeting.history.some((h) => h.status === 'active');
}
