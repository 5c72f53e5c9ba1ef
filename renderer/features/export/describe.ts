import type { CapabilitiesView, MeetingRef, TrackedMeetingView } from '../../../shared/ipc/models';
import { aiToolLabel, SUBTITLE_FORMATS, type ExportFormat } from './formats';
import type { AiToolId } from '../../../shared/ipc/models';

/** Pure wording and option building for export, copy, share and hand-off (unit-tested). */

export type { MeetingRef } from '../../../shared/ipc/models';

/** A meeting of a server other than the connected one: export and copy work from the cache, sharing does not. */
export function onOtherServer(ref: MeetingRef, connectedServerId: string | null): boolean {
  return ref.serverId !== undefined && ref.serverId !== connectedServerId;
}

/** A followed meeting as a transcript reference: ids only, the core looks the name up. */
export function refFromTracked(meeting: TrackedMeetingView): MeetingRef {
  return { meetingId: meeting.id, platform: meeting.platform, nativeMeetingId: meeting.nativeId, serverId: meeting.serverId };
}

export interface ExportForm {
  format: ExportFormat;
  timestamps: 'wall-clock' | 'relative';
  speakers: boolean;
  includeDrafts: boolean;
  /** Keep the meeting's chat messages (offered where the transcript has some). */
  includeChat: boolean;
  /** Time range bounds as typed: "" or minutes and seconds. */
  from: string;
  to: string;
  /** Speakers to keep; null keeps everyone (the default, and what a new meeting starts with). */
  speakerFilter: string[] | null;
}

export const DEFAULT_EXPORT_FORM: ExportForm = {
  format: 'txt',
  timestamps: 'wall-clock',
  speakers: true,
  includeDrafts: false,
  includeChat: true,
  from: '',
  to: '',
  speakerFilter: null,
};

/**
 * Seconds from "mm:ss", "h:mm:ss" or whole minutes ("5"). Null for anything else, so a typo is
 * refused instead of silently exporting the wrong part.
 */
export function parseClockTime(text: string): number | null {
  const t = text.trim();
  if (/^\d{1,4}$/.test(t)) return Number(t) * 60;
  const m = /^(?:(\d{1,3}):)?(\d{1,4}):(\d{1,2})(?:\.(\d{1,3}))?$/.exec(t);
  if (!m) return null;
  const [, h, min, sec, frac] = m;
  const hours = h ? Number(h) : 0;
  const minutes = Number(min);
  const seconds = Number(sec);
  if (seconds >= 60 || (h !== undefined && minutes >= 60)) return null;
  return hours * 3600 + minutes * 60 + seconds + (frac ? Number(`0.${frac}`) : 0);
}

/** "mm:ss", or "h:mm:ss" from an hour on. */
export function formatClockTime(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const mm = String(minutes).padStart(2, '0');
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** What `export:preview`, `export:save` and `export:copy` take (shared/ipc ExportOptionsSchema). */
export interface ExportOptionsInput {
  timestamps?: 'relative' | 'wall-clock';
  timeZone?: string;
  speakers?: boolean;
  includeDrafts?: boolean;
  includeChat?: boolean;
  range?: { from: number; to: number };
  speakerFilter?: string[];
}

export type RangeField = 'from' | 'to';

export type BuiltOptions = { ok: true; options: ExportOptionsInput } | { ok: false; field: RangeField; message: string };

// The contract's range needs both ends; an open end is "to the end of the meeting".
const OPEN_END = Number.MAX_SAFE_INTEGER;
const TIME_HINT = 'Use minutes and seconds, like 12:30 (or 1:05:00 past an hour).';

/** The form as export options; the time zone makes clock times read as on this computer. */
export function buildExportOptions(form: ExportForm, timeZone: string | undefined): BuiltOptions {
  // A form remembered before the chat choice existed keeps chat, the default.
  const options: ExportOptionsInput = {
    speakers: form.speakers,
    includeDrafts: form.includeDrafts,
    includeChat: form.includeChat !== false,
  };
  if (form.speakerFilter) options.speakerFilter = form.speakerFilter;
  if (!SUBTITLE_FORMATS.has(form.format)) options.timestamps = form.timestamps;
  if (timeZone) options.timeZone = timeZone;
  const fromText = form.from.trim();
  const toText = form.to.trim();
  if (fromText || toText) {
    const from = fromText ? parseClockTime(fromText) : 0;
    if (from === null) return { ok: false, field: 'from', message: TIME_HINT };
    const to = toText ? parseClockTime(toText) : OPEN_END;
    if (to === null) return { ok: false, field: 'to', message: TIME_HINT };
    if (to <= from) return { ok: false, field: 'to', message: 'The end must come after the start.' };
    options.range = { from, to };
  }
  return { ok: true, options };
}

/** What the preview is a preview of, when it is not the file itself. */
export function previewNote(format: ExportFormat): string | null {
  if (format === 'docx') return 'A Word document is laid out as pages; this is its text.';
  if (format === 'pdf') return 'A PDF is laid out as pages; this is its text.';
  return null;
}

export type ShareMode = 'public-url' | 'capability-token' | 'none';

/** G1/G2 make public links; G3 mints tokens for other Vexa users; some servers do neither. */
export function shareMode(capabilities: Pick<CapabilitiesView, 'publicShareLinks' | 'shareTokens'> | null | undefined): ShareMode {
  if (capabilities?.publicShareLinks) return 'public-url';
  if (capabilities?.shareTokens) return 'capability-token';
  return 'none';
}

export function shareMenuLabel(mode: ShareMode): string {
  return mode === 'capability-token' ? 'Share with a Vexa user…' : 'Share link…';
}

/** "Expires in 59:58", "Expires in 23 h 59 min", "Expired"; null when the server gave no expiry. */
export function expiryCountdown(expiresAt: number | null, now: number): { text: string; expired: boolean } | null {
  if (expiresAt === null) return null;
  const left = Math.ceil((expiresAt - now) / 1000);
  if (left <= 0) return { text: 'Expired', expired: true };
  if (left >= 3600) {
    const hours = Math.floor(left / 3600);
    const minutes = Math.floor((left % 3600) / 60);
    return { text: `Expires in ${hours} h ${String(minutes).padStart(2, '0')} min`, expired: false };
  }
  return { text: `Expires in ${formatClockTime(left)}`, expired: false };
}

/** Said of an export made from the lines on this computer because the server was out of reach. */
export const PARTIAL_NOTE = 'The server cannot be reached, so this holds only the lines on this computer.';

export function copiedMessage(as: 'text' | 'markdown', partial = false): string {
  const done = as === 'markdown' ? 'Copied the transcript as Markdown' : 'Copied the transcript as text';
  return partial ? `${done}. ${PARTIAL_NOTE}` : done;
}

export function savedMessage(
  outcome: ({ mode: 'saved'; path: string } | { mode: 'download'; fileName: string }) & { partial?: boolean },
): string {
  const done = outcome.mode === 'saved' ? `Saved to ${outcome.path}` : `Downloaded ${outcome.fileName}`;
  return outcome.partial ? `${done}. ${PARTIAL_NOTE}` : done;
}

export function handoffMessage(tool: AiToolId, mode: 'link' | 'prompt' | 'clipboard', partial = false): string {
  const label = aiToolLabel(tool);
  if (mode === 'link') return `Opened ${label} with a link to the transcript`;
  if (mode === 'prompt')
    return `Your prompt is too long to open ${label} with, so it is on your clipboard with the link to the transcript — paste it into ${label}. A shorter prompt in Settings goes in directly.`;
  const done = `The transcript is on your clipboard — paste it into ${label}`;
  return partial ? `${done}. ${PARTIAL_NOTE}` : done;
}

/** Shown beside a template that forgot `{url}`: the core adds the link at the end (handoff.ts promptFor). */
export function promptWarning(template: string): string | null {
  if (!template.trim()) return 'An empty prompt uses the default.';
  return template.includes('{url}') ? null : 'There is no {url}: the link will be added at the end.';
}
