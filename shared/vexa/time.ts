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
