import type { Transcript } from '../../../shared/vexa';
import { wallClock } from './time';

/** Leaves room for a folder path within common 255-byte name limits and Windows MAX_PATH habits. */
export const MAX_FILE_NAME_BYTES = 200;
const FALLBACK = 'Transcript';

// Separators and the characters Windows forbids in names; bidi overrides and isolates, which can
// make `evil‮txt.exe` look like `evilexe.txt`.
const FORBIDDEN = /[/\\:*?"<>|]/g;
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
// Windows reserves these device names, with or without an extension, in any case, and also with
// superscript digits (COM¹ ...).
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const encoder = new TextEncoder();
const byteLength = (s: string): number => encoder.encode(s).length;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

function cleanPart(value: string): string {
  return value.normalize('NFC').replace(LONE_SURROGATES, '').replace(INVISIBLE, ' ').replace(FORBIDDEN, '-').replace(/\s+/g, ' ').trim();
}

/** Cuts at a grapheme boundary, so no multi-byte character or emoji sequence is split. */
function truncateBytes(value: string, maxBytes: number): string {
  if (byteLength(value) <= maxBytes) return value;
  let out = '';
  let bytes = 0;
  for (const { segment } of graphemes.segment(value)) {
    const b = byteLength(segment);
    if (bytes + b > maxBytes) break;
    out += segment;
    bytes += b;
  }
  return out;
}

/** Names may not end in a dot or a space on Windows; a leading dot hides the file elsewhere. */
function trimDotsAndSpaces(value: string): string {
  return value.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
}

function guardReserved(name: string): string {
  const dot = name.indexOf('.');
  const stem = (dot < 0 ? name : name.slice(0, dot)).trimEnd();
  return RESERVED.test(stem) ? `${stem}_${name.slice(stem.length)}` : name;
}

function datePart(date: Date | number | string | null | undefined, timeZone: string): string {
  if (date === null || date === undefined) return '';
  const ms = date instanceof Date ? date.getTime() : typeof date === 'number' ? date : Date.parse(date);
  if (!Number.isFinite(ms) || ms < 0 || ms > 253_402_300_799_999) return '';
  return wallClock(timeZone).parts(ms).date;
}

/**
 * `<meeting name> <YYYY-MM-DD>.<ext>`, safe on Windows, macOS and Linux: no separators, control or
 * bidi characters, no reserved device names, no leading or trailing dots or spaces, at most 200
 * bytes of UTF-8, and "Transcript" when nothing of the name is left.
 */
export function exportFileName(
  meetingName: string | null | undefined,
  date: Date | number | string | null | undefined,
  ext: string,
  timeZone = 'UTC',
): string {
  const extension = ext
    .replace(/^\.+/, '')
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(0, 16);
  const suffix = extension ? `.${extension}` : '';
  const day = datePart(date, timeZone);
  const dayPart = day ? ` ${day}` : '';
  let name = trimDotsAndSpaces(cleanPart(meetingName ?? ''));
  // One byte spare for the underscore that may guard a reserved name.
  const room = MAX_FILE_NAME_BYTES - 1 - byteLength(dayPart + suffix);
  name = trimDotsAndSpaces(truncateBytes(name, room));
  if (name === '') name = FALLBACK;
  return guardReserved(`${name}${dayPart}${suffix}`);
}

/**
 * The day a file is named after: when the meeting started (else its first spoken line), so that
 * exporting last week's meeting today still files it under last week; the export time only when
 * the transcript carries no time at all.
 */
export function meetingDay(t: Pick<Transcript, 'meeting' | 'segments'>, now: number): number {
  const start = t.meeting.startTime;
  if (start !== null && Number.isFinite(start) && start > 0) return start;
  let first: number | null = null;
  for (const s of t.segments) {
    const at = s.absoluteStart;
    if (at !== null && Number.isFinite(at) && at > 0 && (first === null || at < first)) first = at;
  }
  return first ?? now;
}
