import { randomUUID } from 'node:crypto';
import { fetchFeed, syncFeed, type FeedSource, type SyncCounts, type UidIndex } from './calendarSync';
import type { SimContext } from './context';
import { detail, isRecord, json, parseJsonBody, type Caller, type Router, type SimRequest, type SimResponse } from './http';
import { parseIcs } from './ics';
import { jsonInvalidError, missingError, stringTypeError, type PydanticError } from './pydantic';

/**
 * G3's calendar connections (`/user/calendars`, docs/docs/api/calendar.mdx; admin-api
 * `calendars.py` + `main.py`): up to ten named ICS feeds per user, each with its own `auto_join`
 * and `bot_name`; the feed URL is a secret, answered only masked (host + "/…" + its last four
 * characters). Sync (`POST /user/calendars/{id}/sync`) fetches and reconciles one feed at once;
 * a background sweep does every feed each `CALENDAR_SYNC_INTERVAL_S` (300 s self-hosted), in
 * simulated time. A deleted or disabled connection is a tombstone its next sweep reads as an
 * empty feed, which retires the plans it alone owned.
 */

export const MAX_CALENDAR_CONNECTIONS = 10;
export const CALENDAR_SYNC_INTERVAL_MS = 300_000;

interface Connection {
  id: string;
  name: string;
  icsUrl: string | null;
  autoJoin: boolean;
  botName: string;
  enabled: boolean;
  deleted: boolean;
}

interface Stamp {
  calendar_id: string;
  calendar_name: string;
  last_sync: string;
  last_error: string | null;
  counts: SyncCounts;
}

const BOT = { kind: 'user', scope: 'bot', service: 'identity' } as const;

class Unprocessable extends Error {}

function cleanName(value: unknown, field: 'name' | 'bot_name'): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (!name) throw new Unprocessable(`${field} is required`);
  if (name.length > 100) throw new Unprocessable(`${field} too long`);
  return name;
}

/** `validate_ics_url`. */
function cleanUrl(value: unknown): string {
  const url = typeof value === 'string' ? value.trim() : '';
  if (!url) throw new Unprocessable('ics_url is required');
  if (url.length > 2048) throw new Unprocessable('ics_url too long');
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || !parsed.hostname)
    throw new Unprocessable('ics_url must be an http(s) URL');
  if (parsed.pathname.toLowerCase().includes('/calendar/embed'))
    throw new Unprocessable(
      "that's the calendar's embed page, not its feed - in Google Calendar open Settings -> Integrate calendar and copy the 'Secret address in iCal format' (ends in .ics)",
    );
  return url;
}

function masked(c: Connection): Record<string, unknown> {
  const url = c.icsUrl ?? '';
  let host = '';
  try {
    host = url ? new URL(url).hostname : '';
  } catch {
    host = '';
  }
  return {
    id: c.id,
    name: c.name,
    ics_url_set: Boolean(url),
    ics_url_masked: url ? `${host}/…${url.slice(-4)}` : null,
    auto_join: c.autoJoin,
    bot_name: c.botName,
    enabled: c.enabled,
  };
}

export class CalendarStore {
  private readonly byUser = new Map<number, Connection[]>();
  private readonly stamps = new Map<string, Stamp>();
  readonly uids: UidIndex = new Map();

  all(userId: number): Connection[] {
    return this.byUser.get(userId) ?? [];
  }

  active(userId: number): Connection[] {
    return this.all(userId).filter((c) => !c.deleted);
  }

  add(userId: number, c: Connection): void {
    this.byUser.set(userId, [...this.all(userId), c]);
  }

  users(): number[] {
    return [...this.byUser.keys()];
  }

  stamp(id: string): Stamp | undefined {
    return this.stamps.get(id);
  }

  setStamp(s: Stamp): void {
    this.stamps.set(s.calendar_id, s);
  }
}

/** Fetch, parse and reconcile one connection; a tombstone reads as an empty feed. */
async function runSync(ctx: SimContext, store: CalendarStore, userId: number, c: Connection): Promise<Stamp> {
  const source: FeedSource = { id: c.id, name: c.name, autoJoin: c.autoJoin, botName: c.botName };
  let error: string | null = null;
  let counts: SyncCounts = { created: 0, updated: 0, cancelled: 0 };
  if (c.deleted || !c.enabled || !c.icsUrl) {
    counts = syncFeed(ctx, userId, source, { events: [], cancelledUids: [] }, store.uids);
  } else {
    const fetched = await fetchFeed(c.icsUrl);
    const parsed = fetched.ok ? parseIcs(fetched.text, ctx.clock.now()) : null;
    if (!fetched.ok) error = fetched.error;
    else if (!parsed) error = "the URL doesn't return an ICS calendar (no BEGIN:VCALENDAR)";
    else counts = syncFeed(ctx, userId, source, parsed, store.uids);
  }
  const stamp: Stamp = {
    calendar_id: c.id,
    calendar_name: c.name,
    last_sync: new Date(ctx.clock.now()).toISOString().replace('Z', '+00:00'),
    last_error: error,
    counts,
  };
  store.setStamp(stamp);
  return stamp;
}

function body(req: SimRequest): Record<string, unknown> | SimResponse {
  const parsed = parseJsonBody(req);
  if (!parsed.ok) return detail(422, [jsonInvalidError()]);
  if (!isRecord(parsed.value))
    return detail(422, [
      {
        type: 'model_attributes_type',
        loc: ['body'],
        msg: 'Input should be a valid dictionary or object to extract fields from',
        input: parsed.value ?? null,
      },
    ]);
  return parsed.value;
}

function guarded(fn: () => SimResponse): SimResponse {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Unprocessable) return detail(422, e.message);
    throw e;
  }
}

export function registerCalendarRoutes(router: Router, ctx: SimContext): () => void {
  if (ctx.profile !== 'g3') return () => undefined;
  const store = new CalendarStore();
  const find = (caller: Caller, id: string) => store.active(caller.user.id).find((c) => c.id === id);

  router.add('GET', '/user/calendars', BOT, (_req, caller) => json(200, { calendars: store.active(caller!.user.id).map(masked) }));

  router.add('POST', '/user/calendars', BOT, (req, caller) => {
    const input = body(req);
    if (!isRecord(input)) return input;
    // The `CalendarCreate` model: name and ics_url are required strings.
    const errors: PydanticError[] = [];
    for (const key of ['name', 'ics_url'])
      if (input[key] === undefined) errors.push(missingError(['body', key], input));
      else if (typeof input[key] !== 'string') errors.push(stringTypeError(['body', key], input[key]));
    if (errors.length > 0) return detail(422, errors);
    if (store.active(caller!.user.id).length >= MAX_CALENDAR_CONNECTIONS)
      return detail(409, `at most ${MAX_CALENDAR_CONNECTIONS} calendars can be connected`);
    return guarded(() => {
      const c: Connection = {
        id: randomUUID(),
        name: cleanName(input.name, 'name'),
        icsUrl: cleanUrl(input.ics_url),
        autoJoin: input.auto_join !== false,
        botName: cleanName(typeof input.bot_name === 'string' && input.bot_name.trim() ? input.bot_name : 'Vexa', 'bot_name'),
        enabled: true,
        deleted: false,
      };
      store.add(caller!.user.id, c);
      return json(201, masked(c));
    });
  });

  router.add('PATCH', '/user/calendars/{calendar_id}', BOT, (req, caller) => {
    const input = body(req);
    if (!isRecord(input)) return input;
    const c = find(caller!, req.params.calendar_id ?? '');
    if (!c) return detail(404, 'calendar not found');
    return guarded(() => {
      const next = { ...c };
      if (typeof input.name === 'string') {
        const name = input.name.trim();
        if (!name || name.length > 100) throw new Unprocessable('invalid name');
        next.name = name;
      }
      if (typeof input.ics_url === 'string') next.icsUrl = cleanUrl(input.ics_url);
      if (typeof input.auto_join === 'boolean') next.autoJoin = input.auto_join;
      if (typeof input.bot_name === 'string') next.botName = cleanName(input.bot_name, 'bot_name');
      if (typeof input.enabled === 'boolean') next.enabled = input.enabled;
      Object.assign(c, next);
      return json(200, masked(c));
    });
  });

  router.add('DELETE', '/user/calendars/{calendar_id}', BOT, (req, caller) => {
    const c = find(caller!, req.params.calendar_id ?? '');
    if (!c) return detail(404, 'calendar not found');
    Object.assign(c, { icsUrl: null, enabled: false, deleted: true });
    return { status: 204 };
  });

  router.add('GET', '/user/calendars/{calendar_id}/sync', BOT, (req, caller) => {
    const c = find(caller!, req.params.calendar_id ?? '');
    return json(200, (c && store.stamp(c.id)) ?? {});
  });

  router.add('POST', '/user/calendars/{calendar_id}/sync', BOT, async (req, caller) => {
    const c = find(caller!, req.params.calendar_id ?? '');
    if (!c || !c.enabled) return detail(404, 'calendar not found');
    return json(200, await runSync(ctx, store, caller!.user.id, c));
  });

  // The background sweep over every connection, tombstones included.
  let stopped = false;
  let cancel: () => void = () => undefined;
  const sweep = async (): Promise<void> => {
    for (const userId of store.users())
      for (const c of store.all(userId)) {
        if (stopped) return;
        await runSync(ctx, store, userId, c).catch((e: unknown) => ctx.log(`calendar sweep failed: ${String(e)}`));
      }
    if (!stopped) cancel = ctx.clock.after(CALENDAR_SYNC_INTERVAL_MS, () => void sweep());
  };
  cancel = ctx.clock.after(CALENDAR_SYNC_INTERVAL_MS, () => void sweep());
  return () => {
    stopped = true;
    cancel();
  };
}
