/**
 * The slice of iCalendar (RFC 5545) the simulator's calendar sync reads, mirroring what the real
 * server's `calendar_sync/service.py` `parse_ics` takes from a feed: one planned event per UID,
 * the NEXT occurrence inside [now − 15 min, now + 14 days], RECURRENCE-ID overrides replacing the
 * instance they name, EXDATE and cancelled instances skipped, a series whose master is
 * STATUS:CANCELLED reported as cancelled. Recurrence: FREQ=DAILY and FREQ=WEEKLY (with INTERVAL,
 * COUNT, UNTIL and BYDAY), which covers the repeats calendar providers write for meetings; the
 * real server expands every RRULE with python-dateutil, so other frequencies import only their
 * first occurrence here. DTSTART in UTC, floating, all-day, or with a TZID (an IANA zone name).
 */

export interface IcsEvent {
  uid: string;
  title: string | null;
  /** ISO 8601 in UTC. */
  scheduledAt: string;
  /** The first text (conference, location, description) holding a link; the caller decides if it joins. */
  linkText: string[];
  attendees: Array<{ email: string; name?: string; partstat?: string }>;
}

export interface ParsedFeed {
  events: IcsEvent[];
  cancelledUids: string[];
}

export const HORIZON_MS = 14 * 24 * 3_600_000;
export const LOOKBACK_MS = 900_000;

interface Prop {
  name: string;
  params: Record<string, string>;
  value: string;
}
type Component = Prop[];

/** Unfolds continuation lines and splits each into name, parameters and value. */
function contentLines(text: string): Prop[] {
  const unfolded = text
    .replace(/\r\n/g, '\n')
    .replace(/\r/g, '\n')
    .replace(/\n[ \t]/g, '');
  const out: Prop[] = [];
  for (const line of unfolded.split('\n')) {
    if (!line.trim()) continue;
    const colon = findValueColon(line);
    if (colon < 0) continue;
    const [rawName = '', ...rawParams] = line.slice(0, colon).split(';');
    const params: Record<string, string> = {};
    for (const p of rawParams) {
      const eq = p.indexOf('=');
      if (eq > 0) params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"|"$/g, '');
    }
    out.push({ name: rawName.toUpperCase(), params, value: line.slice(colon + 1) });
  }
  return out;
}

/** The colon that ends the parameters: parameter values may quote colons (`CN="A: B"`). */
function findValueColon(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return i;
  }
  return -1;
}

function unescapeText(v: string): string {
  return v.replace(/\\([nN,;\\])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function vevents(props: Prop[]): Component[] {
  const out: Component[] = [];
  let current: Component | null = null;
  let depth = 0;
  for (const p of props) {
    if (p.name === 'BEGIN') {
      if (p.value.toUpperCase() === 'VEVENT' && current === null) {
        current = [];
        depth = 0;
      } else if (current) depth++;
      continue;
    }
    if (p.name === 'END') {
      if (current && depth === 0 && p.value.toUpperCase() === 'VEVENT') {
        out.push(current);
        current = null;
      } else if (current) depth--;
      continue;
    }
    // Properties of nested components (VALARM) are not the event's own.
    if (current && depth === 0) current.push(p);
  }
  return out;
}

const get = (c: Component, name: string): Prop | undefined => c.find((p) => p.name === name);
const all = (c: Component, name: string): Prop[] => c.filter((p) => p.name === name);

/** Wall-clock fields of a DATE or DATE-TIME value. */
interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

function parseWall(value: string): { wall: Wall; utc: boolean } | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(value.trim());
  if (!m) return null;
  const n = (i: number) => Number(m[i] ?? 0);
  return { wall: { y: n(1), mo: n(2), d: n(3), h: n(4), mi: n(5), s: n(6) }, utc: m[7] === 'Z' };
}

/** The zone's offset from UTC (ms) at the instant `utcMs`, read with Intl. */
function zoneOffset(zone: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const f = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return Date.UTC(f('year'), f('month') - 1, f('day'), f('hour'), f('minute'), f('second')) - utcMs;
}

/** A wall-clock time in `zone` (null: UTC) as epoch ms; an unknown zone reads as UTC. */
export function wallToUtc(w: Wall, zone: string | null): number {
  const guess = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  if (!zone) return guess;
  try {
    const first = guess - zoneOffset(zone, guess);
    return guess - zoneOffset(zone, first);
  } catch {
    return guess;
  }
}

function addDays(w: Wall, days: number): Wall {
  const t = new Date(Date.UTC(w.y, w.mo - 1, w.d + days));
  return { ...w, y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function timeOf(p: Prop | undefined): { wall: Wall; zone: string | null; ms: number } | null {
  if (!p) return null;
  const parsed = parseWall(p.value);
  if (!parsed) return null;
  const zone = parsed.utc ? null : (p.params.TZID ?? null);
  return { wall: parsed.wall, zone, ms: wallToUtc(parsed.wall, zone) };
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/**
 * The occurrences of an event from DTSTART on, in order, as epoch ms (at most `limit`). Expanded in
 * the event's own wall clock so a weekly 10:00 stays 10:00 across a daylight-saving change.
 */
export function occurrences(event: Component, until: number, limit = 2000): number[] {
  const start = timeOf(get(event, 'DTSTART'));
  if (!start) return [];
  const rule = get(event, 'RRULE');
  if (!rule) return [start.ms];
  const parts = Object.fromEntries(rule.value.split(';').map((kv) => kv.split('=') as [string, string]));
  const freq = (parts.FREQ ?? '').toUpperCase();
  const interval = Math.max(1, Number(parts.INTERVAL ?? 1) || 1);
  const count = parts.COUNT ? Number(parts.COUNT) : Infinity;
  const untilRule = parts.UNTIL ? timeOf({ name: 'UNTIL', params: {}, value: parts.UNTIL })?.ms : undefined;
  const end = Math.min(until, untilRule ?? Infinity);
  if (freq !== 'DAILY' && freq !== 'WEEKLY') return [start.ms];
  const byDay =
    freq === 'WEEKLY' && parts.BYDAY
      ? parts.BYDAY.split(',')
          .map((d) => WEEKDAYS.indexOf(d.trim().slice(-2).toUpperCase()))
          .filter((d) => d >= 0)
      : null;
  const out: number[] = [];
  const startDow = new Date(Date.UTC(start.wall.y, start.wall.mo - 1, start.wall.d)).getUTCDay();
  for (let period = 0; out.length < Math.min(count, limit); period++) {
    const days =
      freq === 'DAILY'
        ? [period * interval]
        : (byDay ?? [startDow]).map((dow) => period * 7 * interval + ((dow - startDow + 7) % 7)).sort((a, b) => a - b);
    let past = false;
    for (const offset of days) {
      const ms = wallToUtc(addDays(start.wall, offset), start.zone);
      if (ms < start.ms) continue;
      if (ms > end) {
        past = true;
        break;
      }
      out.push(ms);
      if (out.length >= count) break;
    }
    if (past) break;
  }
  return out;
}

function exdates(event: Component): Set<number> {
  const out = new Set<number>();
  for (const p of all(event, 'EXDATE')) {
    for (const v of p.value.split(',')) {
      const t = timeOf({ ...p, value: v });
      if (t) out.add(t.ms);
    }
  }
  return out;
}

const text = (c: Component, name: string): string => unescapeText(get(c, name)?.value ?? '');
const cancelled = (c: Component) => text(c, 'STATUS').toUpperCase() === 'CANCELLED';

function attendees(c: Component): IcsEvent['attendees'] {
  const out: IcsEvent['attendees'] = [];
  const seen = new Set<string>();
  for (const p of all(c, 'ATTENDEE')) {
    if (['RESOURCE', 'ROOM'].includes((p.params.CUTYPE ?? '').toUpperCase())) continue;
    const email = p.value
      .replace(/^mailto:/i, '')
      .trim()
      .toLowerCase();
    if (!email.includes('@') || seen.has(email)) continue;
    seen.add(email);
    const entry: IcsEvent['attendees'][number] = { email };
    if (p.params.CN && p.params.CN.toLowerCase() !== email) entry.name = p.params.CN;
    if (p.params.PARTSTAT) entry.partstat = p.params.PARTSTAT.toLowerCase();
    out.push(entry);
  }
  return out;
}

/** `parse_ics`: null when the text is not a calendar at all. */
export function parseIcs(feed: string, now: number): ParsedFeed | null {
  if (!/BEGIN:VCALENDAR/i.test(feed)) return null;
  const from = now - LOOKBACK_MS;
  const to = now + HORIZON_MS;
  const groups = new Map<string, Component[]>();
  for (const ev of vevents(contentLines(feed))) {
    const uid = text(ev, 'UID').trim();
    if (!uid) continue;
    groups.set(uid, [...(groups.get(uid) ?? []), ev]);
  }
  const events: IcsEvent[] = [];
  const cancelledUids: string[] = [];
  for (const [uid, comps] of groups) {
    const master = comps.find((c) => !get(c, 'RECURRENCE-ID'));
    const overrides = comps.filter((c) => get(c, 'RECURRENCE-ID'));
    if ((master && cancelled(master)) || (!master && comps.every(cancelled))) {
      cancelledUids.push(uid);
      continue;
    }
    const claimed = new Set(overrides.map((c) => timeOf(get(c, 'RECURRENCE-ID'))?.ms).filter((v): v is number => v !== undefined));
    const candidates: Array<{ at: number; comp: Component }> = [];
    if (master) {
      const skip = new Set([...exdates(master), ...claimed]);
      const next = occurrences(master, to).find((ms) => ms >= from && ms <= to && !skip.has(ms));
      if (next !== undefined) candidates.push({ at: next, comp: master });
    }
    for (const c of overrides) {
      const at = timeOf(get(c, 'DTSTART'))?.ms;
      if (!cancelled(c) && at !== undefined && at >= from && at <= to) candidates.push({ at, comp: c });
    }
    const first = candidates.sort((a, b) => a.at - b.at)[0];
    if (!first) continue;
    events.push({
      uid,
      title: text(first.comp, 'SUMMARY').trim() || null,
      scheduledAt: new Date(first.at).toISOString(),
      linkText: ['X-GOOGLE-CONFERENCE', 'LOCATION', 'DESCRIPTION'].map((n) => text(first.comp, n)).filter(Boolean),
      attendees: attendees(first.comp),
    });
  }
  return { events, cancelledUids };
}
