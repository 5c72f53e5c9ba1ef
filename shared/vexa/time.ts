const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Epoch values below this are seconds (1e11 s is the year 5138; 1e11 ms is 1973). */
const SECONDS_LIMIT = 1e11;

/**
 * Parses any timestamp a Vexa server sends to epoch ms (UTC), or null.
 * G1/G2 REST send naive ISO strings from naive UTC columns ("2025-06-27T10:17:05.493417"): a string
 * without a zone is UTC, never local time. G1 WS frames end in "+00:00", G3 in "Z". Some producers
 * send epoch seconds or ms as numbers.
 */
export function parseVexaTimestamp(value: unknown): number | null {
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return null;
  return parseString(value);
}

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
};
const two = (s: string, i: number): number => digit(s, i) * 10 + digit(s, i + 1);

/**
 * The shape every generation actually sends, `YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM]`, read
 * by character codes: this runs for every segment of every live frame. Anything else (or any
 * invalid digit) falls through to the general parser.
 */
function parseCanonical(s: string): number | null {
  if (
    s.length < 19 ||
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58
  ) {
    return null;
  }
  const y = two(s, 0) * 100 + two(s, 2);
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 46) {
    let scale = 100;
    for (i++; i < s.length; i++) {
      const d = digit(s, i);
      if (Number.isNaN(d)) break;
      ms += d * scale;
      scale /= 10;
    }
    ms = Math.floor(ms + 1e-9);
  }
  let offset = 0;
  if (i < s.length) {
    const c = s.charCodeAt(i);
    if ((c === 90 || c === 122) && i === s.length - 1) offset = 0;
    else if ((c === 43 || c === 45) && s.length - i === 6 && s.charCodeAt(i + 3) === 58)
      offset = (c === 45 ? -1 : 1) * (two(s, i + 1) * 60 + two(s, i + 4)) * 60_000;
    else return null;
  }
  const month = two(s, 5);
  // Date.UTC reads years below 100 as 19xx and rolls months over; only the common case is computed here.
  const utc =
    y >= 100 && month >= 1 && month <= 12
      ? (daysFromCivil(y, month, two(s, 8)) * 86_400 + two(s, 11) * 3600 + two(s, 14) * 60 + two(s, 17)) * 1000 + ms
      : Date.UTC(y, month - 1, two(s, 8), two(s, 11), two(s, 14), two(s, 17), ms);
  return Number.isNaN(utc) ? null : utc - offset;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil); day overflow rolls on like Date.UTC. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

function parseString(value: string): number | null {
  const fast = parseCanonical(value);
  if (fast !== null) return fast;
  const s = value.trim();
  if (s === '') return null;
  if (/^\d+(\.\d+)?$/.test(s)) return fromEpoch(Number(s));
  const m = ISO.exec(s);
  if (!m) {
    const parsed = Date.parse(s);
    return Number.isNaN(parsed) ? null : parsed;
  }
  const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '', zone] = m;
  const ms = frac === '' ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec), ms);
  if (Number.isNaN(utc)) return null;
  return utc - zoneOffsetMs(zone);
}

function fromEpoch(n: number): number | null {
  if (!Number.isFinite(n) || n <= 0) return null;
  return n < SECONDS_LIMIT ? Math.round(n * 1000) : Math.round(n);
}

function zoneOffsetMs(zone: string | undefined): number {
  if (!zone || zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes) * 60_000;
}
