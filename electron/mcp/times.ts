import { ToolRefusal } from './libraryAccess';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK = /^(?:(\d+):)?(\d{1,2}):(\d{2}(?:\.\d+)?)$/;

/**
 * A date bound given by the AI client, in epoch ms. A plain date (`2026-03-01`) is a day of this
 * computer's calendar, as the person means it: `from` starts at its midnight, `to` includes the
 * whole day. A date with a time (`2026-03-01T14:00`, `…Z`, `…+02:00`) is taken as written.
 */
export function parseDateBound(text: string | undefined, field: 'from' | 'to'): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const day = DATE_ONLY.exec(text.trim());
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]) - 1, Number(day[3])];
    const at = new Date(y, m, field === 'to' ? d + 1 : d).getTime();
    if (!Number.isNaN(at)) return at;
  }
  const at = Date.parse(text.trim());
  if (Number.isNaN(at))
    throw new ToolRefusal(`"${field}" must be a date like 2026-03-01 or a date and time like 2026-03-01T14:30; "${text}" is neither.`);
  return at;
}

/** A position in a meeting: seconds, or `mm:ss` / `h:mm:ss`. */
export function parseOffset(value: number | string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const m = CLOCK.exec(trimmed);
  if (!m)
    throw new ToolRefusal(`"${field}" must be seconds from the meeting's start (e.g. 750) or a time in the meeting like 12:30 or 1:02:30.`);
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

const pad = (n: number): string => String(Math.floor(n)).padStart(2, '0');

/** `h:mm:ss` from the meeting's start. */
export function clock(seconds: number): string {
  const s = Math.max(0, seconds);
  return `${Math.floor(s / 3600)}:${pad((s % 3600) / 60)}:${pad(s % 60)}`;
}

/** ISO 8601 in this computer's time zone with its offset, so a model reads the person's own clock. */
export function localIso(ms: number | null | undefined): string | null {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms <= 0) return null;
  const d = new Date(ms);
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(abs / 60)}:${pad(abs % 60)}`
  );
}

/** The same moment for reading in text: `2026-03-01 14:30`. */
export function shortTime(ms: number | null | undefined): string {
  const iso = localIso(ms);
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : 'unknown time';
}
