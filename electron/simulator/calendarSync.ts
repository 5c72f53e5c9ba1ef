import type { SimContext } from './context';
import { userStatusFrame } from './frames';
import { parseIcs, type IcsEvent, type ParsedFeed } from './ics';
import { parseMeetingLinkG3 } from './meetingLinks';
import { PLANNED, TERMINAL, type MeetingRecord } from './types';

/**
 * G3's calendar sync (meeting-api `calendar_sync/service.py` `sync_user`) for one connection:
 * each feed event becomes one planned row (the next occurrence only), matched on later sweeps by
 * (connection id, event UID); a planned row follows the feed (title, time, link, attendees) while
 * the bot lifecycle never loses a row it owns; a manual plan on the same link is adopted; UIDs gone
 * from the feed or cancelled retire their still-planned rows. A per-meeting `auto_join: false`
 * (one occurrence skipped) survives the sweep: only a change of the source itself rewrites it.
 */

export interface FeedSource {
  id: string;
  name: string;
  autoJoin: boolean;
  botName: string;
}

export interface SyncCounts {
  created: number;
  updated: number;
  cancelled: number;
}

/** The event UID each (meeting row, connection) pair was imported from; kept out of `data` as the real server keeps it in the snapshot it never returns. */
export type UidIndex = Map<number, Map<string, string>>;

type Source = { id: string; name: string; auto_join: boolean; bot_name: string };

function sourcesOf(m: MeetingRecord): Source[] {
  return Array.isArray(m.data.calendar_sources) ? (m.data.calendar_sources as Source[]).filter((s) => typeof s?.id === 'string') : [];
}

function sourceUpdates(sources: Source[], uids: Map<string, string> | undefined): Record<string, unknown> {
  const primary = sources[0];
  return {
    calendar_sources: sources.length > 0 ? sources : null,
    calendar_uid: primary ? (uids?.get(primary.id) ?? null) : null,
    calendar_connection_id: primary?.id ?? null,
    calendar_name: primary?.name ?? null,
    auto_join: sources.some((s) => s.auto_join !== false),
  };
}

const sameSource = (a: Source | undefined, b: Source) =>
  a !== undefined && a.name === b.name && a.auto_join === b.auto_join && a.bot_name === b.bot_name;

/** The joinable link an event carries: the conference property, then location, then description. */
export function eventLink(ev: IcsEvent): { platform: string; nativeId: string; url: string } | null {
  for (const field of ev.linkText) {
    for (const url of field.match(/https?:\/\/[^\s<>"']+/g) ?? []) {
      const link = parseMeetingLinkG3(url);
      if (link) return { platform: link.platform, nativeId: link.nativeId, url };
    }
  }
  return null;
}

export function syncFeed(ctx: SimContext, userId: number, feed: FeedSource, parsed: ParsedFeed, uidIndex: UidIndex): SyncCounts {
  const now = ctx.clock.now();
  const source: Source = { id: feed.id, name: feed.name, auto_join: feed.autoJoin, bot_name: feed.botName };
  const rows = ctx.meetings.forUser(userId);
  const byUid = new Map<string, MeetingRecord>();
  const byNative = new Map<string, MeetingRecord>();
  for (const m of rows) {
    if (TERMINAL.has(m.status)) continue;
    const uid = uidIndex.get(m.id)?.get(feed.id);
    if (uid && !byUid.has(uid)) byUid.set(uid, m);
    if (m.nativeId && !byNative.has(`${m.platform}/${m.nativeId}`)) byNative.set(`${m.platform}/${m.nativeId}`, m);
  }
  const counts: SyncCounts = { created: 0, updated: 0, cancelled: 0 };
  const touched = (m: MeetingRecord) => {
    m.updatedAt = now;
    ctx.publisher.toUser(m.userId, userStatusFrame(m, m.status, now));
  };
  const remember = (m: MeetingRecord, uid: string) => {
    const entry = uidIndex.get(m.id) ?? new Map<string, string>();
    entry.set(feed.id, uid);
    uidIndex.set(m.id, entry);
  };

  for (const ev of parsed.events) {
    const link = eventLink(ev);
    const row = byUid.get(ev.uid);
    if (row) {
      byUid.delete(ev.uid);
      if (!PLANNED.has(row.status)) continue;
      const updates: Record<string, unknown> = {};
      const sources = sourcesOf(row);
      if (
        !sameSource(
          sources.find((s) => s.id === feed.id),
          source,
        )
      ) {
        Object.assign(updates, sourceUpdates([...sources.filter((s) => s.id !== feed.id), source], uidIndex.get(row.id)));
      }
      if (ev.title && row.data.title !== ev.title) updates.title = ev.title;
      if (row.data.scheduled_at !== ev.scheduledAt) updates.scheduled_at = ev.scheduledAt;
      if (JSON.stringify(row.data.attendees ?? []) !== JSON.stringify(ev.attendees)) updates.attendees = ev.attendees;
      const relink = link && (row.platform !== link.platform || row.nativeId !== link.nativeId);
      if (Object.keys(updates).length === 0 && !relink) continue;
      Object.assign(row.data, updates);
      if (relink) {
        row.platform = link.platform;
        row.nativeId = link.nativeId;
        row.constructedUrl = link.url;
      }
      row.status = 'scheduled';
      touched(row);
      counts.updated++;
      continue;
    }
    const manual = link ? byNative.get(`${link.platform}/${link.nativeId}`) : undefined;
    if (manual) {
      if (!PLANNED.has(manual.status)) continue;
      remember(manual, ev.uid);
      Object.assign(manual.data, sourceUpdates([...sourcesOf(manual).filter((s) => s.id !== feed.id), source], uidIndex.get(manual.id)), {
        scheduled_at: ev.scheduledAt,
        calendar_managed: manual.data.calendar_managed === true,
      });
      manual.status = 'scheduled';
      touched(manual);
      counts.updated++;
      continue;
    }
    const created = ctx.meetings.create({
      userId,
      platform: link?.platform ?? 'unknown',
      nativeId: link?.nativeId ?? null,
      constructedUrl: link?.url ?? null,
      status: 'scheduled',
      scenario: ctx.defaultScenario,
      createdAt: now,
      withContainer: false,
    });
    remember(created, ev.uid);
    created.data = {
      auto_join: feed.autoJoin,
      ...(ev.title ? { title: ev.title } : {}),
      scheduled_at: ev.scheduledAt,
      ...sourceUpdates([source], uidIndex.get(created.id)),
      calendar_managed: true,
      ...(ev.attendees.length > 0 ? { attendees: ev.attendees } : {}),
    };
    created.data.auto_join = feed.autoJoin;
    if (link) byNative.set(`${link.platform}/${link.nativeId}`, created);
    touched(created);
    counts.created++;
  }

  const retired = new Set([...parsed.cancelledUids, ...byUid.keys()]);
  for (const uid of retired) {
    const row = byUid.get(uid);
    if (!row || !PLANNED.has(row.status)) continue;
    const remaining = sourcesOf(row).filter((s) => s.id !== feed.id);
    uidIndex.get(row.id)?.delete(feed.id);
    if (remaining.length > 0 || row.data.calendar_managed !== true) {
      const patch = sourceUpdates(remaining, uidIndex.get(row.id));
      if (remaining.length === 0) delete patch.auto_join;
      Object.assign(row.data, patch);
      touched(row);
      counts.updated++;
      continue;
    }
    ctx.lifecycle.forget(row.id);
    ctx.meetings.remove(row.id);
    uidIndex.delete(row.id);
    ctx.publisher.toUser(userId, { type: 'meeting.status', meeting_id: row.id, native: row.nativeId, status: 'deleted', when: null });
    counts.cancelled++;
  }
  return counts;
}

/** The feed-fetch failures in the words the real sync stamps into `last_error` (how-to/calendar-sync.mdx). */
export const FEED_ERRORS = {
  redirect: 'the URL redirects — paste the final feed URL',
  page: 'the URL returns a web page, not a calendar feed',
  notIcs: "the URL doesn't return an ICS calendar (no BEGIN:VCALENDAR)",
  tooLarge: 'the feed is too large (over 2 MB)',
  unreachable: "couldn't reach the URL (unreachable, timed out, or a blocked/internal address)",
  status: (code: number) => `the URL answered HTTP ${code}`,
} as const;

const MAX_FEED_BYTES = 2 * 1024 * 1024;

/**
 * `fetch_ics`: no redirects, 2 MB at most. The real server's guard also refuses internal and
 * private addresses; the simulator fetches them, because the feeds of tests live on 127.0.0.1.
 */
export async function fetchFeed(url: string): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
  } catch {
    return { ok: false, error: FEED_ERRORS.unreachable };
  }
  if (res.status >= 300 && res.status < 400) return { ok: false, error: FEED_ERRORS.redirect };
  if (res.status !== 200) return { ok: false, error: FEED_ERRORS.status(res.status) };
  const body = Buffer.from(await res.arrayBuffer());
  if (body.length > MAX_FEED_BYTES) return { ok: false, error: FEED_ERRORS.tooLarge };
  const text = body.toString('utf8');
  if (/^\s*<(!doctype|html)/i.test(text) || (res.headers.get('content-type') ?? '').includes('text/html'))
    return { ok: false, error: FEED_ERRORS.page };
  if (!/BEGIN:VCALENDAR/i.test(text)) return { ok: false, error: FEED_ERRORS.notIcs };
  return { ok: true, text };
}

export { parseIcs };
