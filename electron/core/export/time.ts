import { ExportError } from './types';

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

/**
 * `MM:SS`, or `HH:MM:SS` from one hour on, seconds truncated: the relative stamp of Vexa's public
 * share text (`_format_ts` of the G1/G2 gateway), so both read the same.
 */
export function relativeStamp(seconds: number): string {
  const s = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = `${pad2(m)}:${pad2(s % 60)}`;
  return h > 0 ? `${pad2(h)}:${rest}` : rest;
}

/** `HH:MM:SS<sep>mmm`, always with hours (SRT uses `,`, WebVTT `.`). */
export function cueStamp(ms: number, sep: ',' | '.'): string {
  const t = Math.max(0, Math.round(ms));
  const h = Math.floor(t / 3_600_000);
  const m = Math.floor((t % 3_600_000) / 60_000);
  const s = Math.floor((t % 60_000) / 1000);
  return `${pad2(h)}:${pad2(m)}:${pad2(s)}${sep}${pad3(t % 1000)}`;
}

export interface WallClockParts {
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:MM:SS` */
  time: string;
}

export interface WallClock {
  readonly timeZone: string;
  readonly isUtc: boolean;
  parts(ms: number): WallClockParts;
  /** `YYYY-MM-DD HH:MM:SS` */
  format(ms: number): string;
}

const UTC_NAMES = new Set(['utc', 'etc/utc', 'z', 'gmt', 'etc/gmt', 'zulu', 'etc/zulu', 'universal', 'etc/universal']);

/**
 * Formats epoch ms in an IANA zone. The parts come from `Intl` with a fixed `en-US` locale and a
 * 23-hour cycle, so the output never follows the OS locale (digits, order, AM/PM).
 */
export function wallClock(timeZone = 'UTC'): WallClock {
  const zone = timeZone.trim() || 'UTC';
  if (UTC_NAMES.has(zone.toLowerCase())) {
    return {
      timeZone: 'UTC',
      isUtc: true,
      parts(ms) {
        const iso = isoUtc(ms);
        return { date: iso.slice(0, 10), time: iso.slice(11, 19) };
      },
      format(ms) {
        return isoUtc(ms).slice(0, 19).replace('T', ' ');
      },
    };
  }
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      numberingSystem: 'latn',
    });
  } catch {
    throw new ExportError('invalid_option', `"${zone}" is not a time zone this computer knows. Pick one such as Europe/Berlin or UTC.`);
  }
  const canonical = fmt.resolvedOptions().timeZone;
  const parts = (ms: number): WallClockParts => {
    const p: Record<string, string> = {};
    for (const part of fmt.formatToParts(ms)) p[part.type] = part.value;
    const year = (p.year ?? '0').padStart(4, '0');
    return { date: `${year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}:${p.second}` };
  };
  return {
    timeZone: canonical,
    isUtc: false,
    parts,
    format(ms) {
      const x = parts(ms);
      return `${x.date} ${x.time}`;
    },
  };
}

const DAY_MS = 86_400_000;
/** The widest time a `Date` holds (ECMAScript TimeClip), in ms either side of the epoch. */
const MAX_TIME = 8.64e15;
/** `YYYY-MM-DDT` of a day (ms at its start), as `toISOString` writes it; a meeting spans a day or two. */
const dayPrefixes = new Map<number, string>();

function dayPrefix(dayStart: number): string {
  let prefix = dayPrefixes.get(dayStart);
  if (prefix === undefined) {
    if (dayPrefixes.size >= 1000) dayPrefixes.clear();
    dayPrefixes.set(dayStart, (prefix = new Date(dayStart).toISOString().slice(0, -13)));
  }
  return prefix;
}

/**
 * ISO 8601 in UTC with milliseconds, e.g. `2025-06-27T10:17:05.493Z`: exactly `toISOString()`
 * (which a long meeting would call for every line), the date written once per day.
 */
export function isoUtc(ms: number): string {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_TIME) return new Date(ms).toISOString();
  // A Date drops the fraction of a millisecond (TimeClip truncates); -0 is 0.
  const t = Math.trunc(ms) + 0;
  const dayStart = Math.floor(t / DAY_MS) * DAY_MS;
  const inDay = t - dayStart;
  const h = Math.floor(inDay / 3_600_000);
  const m = Math.floor((inDay % 3_600_000) / 60_000);
  const s = Math.floor((inDay % 60_000) / 1000);
  return `${dayPrefix(dayStart)}${pad2(h)}:${pad2(m)}:${pad2(s)}.${pad3(inDay % 1000)}Z`;
}
