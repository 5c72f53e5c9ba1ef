import { parseVexaTimestamp } from './time';

/**
 * Planned meetings and calendar feeds as G3 (v0.12) serves them: a plan is an ordinary meeting row
 * in status `idle` (no time) or `scheduled` (docs/docs/api/meetings.mdx "Plan a meeting"); a
 * calendar connection is the masked record of docs/docs/api/calendar.mdx. Parsed defensively:
 * a field of the wrong type reads as absent.
 */

export interface PlannedMeeting {
  id: number;
  status: 'idle' | 'scheduled';
  platform: string;
  nativeMeetingId: string | null;
  link: string | null;
  title: string | null;
  /** Epoch ms; null for an `idle` plan. */
  scheduledAt: number | null;
  /** Absent on the wire means on (`auto_join` defaults to true). */
  autoJoin: boolean;
  /** The calendars this plan was imported from, in the server's order. */
  calendars: Array<{ id: string; name: string; autoJoin: boolean; botName: string | null }>;
}

export interface CalendarFeed {
  id: string;
  name: string;
  /** Host plus a short suffix; never the secret address. */
  maskedUrl: string | null;
  autoJoin: boolean;
  botName: string;
  enabled: boolean;
}

export interface CalendarSyncResult {
  calendarId: string;
  lastSync: number | null;
  /** The feed's problem in the server's words, or null after a good sync. */
  lastError: string | null;
  counts: { created: number; updated: number; cancelled: number };
}

const rec = (v: unknown): Record<string, unknown> | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** A meeting row that is still a plan, else null (the bot lifecycle owns it). */
export function normalisePlanned(raw: unknown): PlannedMeeting | null {
  const row = rec(raw);
  if (!row || typeof row.id !== 'number') return null;
  if (row.status !== 'idle' && row.status !== 'scheduled') return null;
  const data = rec(row.data) ?? {};
  const sources = Array.isArray(data.calendar_sources) ? data.calendar_sources : [];
  return {
    id: row.id,
    status: row.status,
    platform: str(row.platform) ?? 'unknown',
    nativeMeetingId: str(row.native_meeting_id),
    link: str(row.constructed_meeting_url) ?? str(data.constructed_meeting_url),
    title: str(data.title),
    scheduledAt: parseVexaTimestamp(data.scheduled_at),
    autoJoin: data.auto_join !== false,
    calendars: sources.flatMap((s) => {
      const source = rec(s);
      const id = str(source?.id);
      return source && id
        ? [{ id, name: str(source.name) ?? 'Calendar', autoJoin: source.auto_join !== false, botName: str(source.bot_name) }]
        : [];
    }),
  };
}

export function normaliseCalendar(raw: unknown): CalendarFeed | null {
  const c = rec(raw);
  const id = str(c?.id);
  if (!c || !id) return null;
  return {
    id,
    name: str(c.name) ?? 'Calendar',
    maskedUrl: str(c.ics_url_masked),
    autoJoin: c.auto_join !== false,
    botName: str(c.bot_name) ?? 'Vexa',
    enabled: c.enabled !== false,
  };
}

export function normaliseCalendarList(raw: unknown): CalendarFeed[] {
  const list = rec(raw)?.calendars;
  return Array.isArray(list) ? list.map(normaliseCalendar).filter((c): c is CalendarFeed => c !== null) : [];
}

/** `{}` (never synced) reads as null. */
export function normaliseSyncStamp(raw: unknown, calendarId: string): CalendarSyncResult | null {
  const s = rec(raw);
  if (!s || (s.last_sync === undefined && s.last_error === undefined)) return null;
  const counts = rec(s.counts) ?? {};
  return {
    calendarId: str(s.calendar_id) ?? calendarId,
    lastSync: parseVexaTimestamp(s.last_sync),
    lastError: str(s.last_error),
    counts: { created: num(counts.created), updated: num(counts.updated), cancelled: num(counts.cancelled) },
  };
}
