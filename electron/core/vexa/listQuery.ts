import { normaliseMeetingList } from '../../../shared/vexa';
import type { Meeting, MeetingPage, MeetingStatus, ServerCapabilities, ServerGeneration, ServerPlatform } from '../../../shared/vexa';
import type { QueryValue, VexaHttp } from './http';

/**
 * The meeting and bot lists: one page per request where the server pages (G2/G3), the whole list
 * filtered here where it does not (G1), and every page read by offset until the server has no more.
 */

export interface ListMeetingsQuery {
  limit?: number;
  offset?: number;
  status?: MeetingStatus;
  platform?: ServerPlatform;
  /** Hide G3 planned meetings (calendar sync, POST /meetings). */
  excludePlanned?: boolean;
}

export interface ListAllMeetingsQuery extends Omit<ListMeetingsQuery, 'limit' | 'offset'> {
  pageSize?: number;
  /** Safety stop for enormous accounts; `complete` is false when it was hit. */
  maxPages?: number;
}

/** G3 caps a page at 100 and answers 50 when no limit is given. */
export const MAX_PAGE = 100;
export const G3_DEFAULT_PAGE = 50;

export interface ListServer {
  http: VexaHttp;
  generation: ServerGeneration;
  capabilities: ServerCapabilities;
  signal?: AbortSignal | undefined;
}

const PLANNED: ReadonlySet<MeetingStatus> = new Set(['idle', 'scheduled']);

/** G1 ignores every `GET /meetings` parameter: the client applies them to the whole list itself. */
export function filterLocally(meetings: Meeting[], q: ListMeetingsQuery): Meeting[] {
  return meetings.filter(
    (m) =>
      (q.status === undefined || m.status === q.status) &&
      (q.platform === undefined || m.platform === q.platform) &&
      !(q.excludePlanned && PLANNED.has(m.status)),
  );
}

export function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.floor(n)));
}

/** The query of `GET /meetings` and `GET /bots`. */
export function listQuery(generation: ServerGeneration, q: ListMeetingsQuery, limit: number | undefined): Record<string, QueryValue> {
  // G2 spells the help-needed status the api.v1 way.
  const status = q.status === 'needs_help' && generation === 'g2' ? 'needs_human_help' : q.status;
  return {
    limit,
    offset: q.offset,
    status,
    platform: q.platform,
    exclude_planned: generation === 'g3' && q.excludePlanned ? true : undefined,
  };
}

async function getList(s: ListServer, path: string, query?: Record<string, QueryValue>) {
  return normaliseMeetingList((await s.http.request(path, { query, signal: s.signal })).body);
}

export async function listMeetingsPage(s: ListServer, q: ListMeetingsQuery): Promise<MeetingPage> {
  if (!s.capabilities.pagedMeetings) {
    // G1 ignores every parameter and returns the whole list, newest first.
    const all = filterLocally((await getList(s, '/meetings')).meetings, q);
    const offset = q.offset ?? 0;
    const end = q.limit === undefined ? all.length : offset + q.limit;
    return { meetings: all.slice(offset, end), hasMore: end < all.length };
  }
  const limit = q.limit === undefined ? undefined : clamp(q.limit, 1, MAX_PAGE);
  const list = await getList(s, '/meetings', listQuery(s.generation, q, limit));
  const expected = limit ?? (s.generation === 'g3' ? G3_DEFAULT_PAGE : undefined);
  const hasMore = list.hasMore ?? (expected !== undefined && list.meetings.length >= expected);
  return { meetings: list.meetings, hasMore };
}

export async function listAllMeetingPages(s: ListServer, q: ListAllMeetingsQuery): Promise<{ meetings: Meeting[]; complete: boolean }> {
  if (!s.capabilities.pagedMeetings) return { meetings: (await listMeetingsPage(s, q)).meetings, complete: true };
  const pageSize = clamp(q.pageSize ?? MAX_PAGE, 1, MAX_PAGE);
  const maxPages = q.maxPages ?? 200;
  const byId = new Map<number, Meeting>();
  let offset = 0;
  for (let page = 0; page < maxPages; page++) {
    const { meetings, hasMore } = await listMeetingsPage(s, { ...q, limit: pageSize, offset });
    // New meetings shift offset pages while we read them; the id keeps each one once.
    for (const m of meetings) if (!byId.has(m.id)) byId.set(m.id, m);
    if (!hasMore || meetings.length === 0) return { meetings: [...byId.values()], complete: true };
    offset += meetings.length;
  }
  return { meetings: [...byId.values()], complete: false };
}

/** `GET /bots` (G3): the running bots, paged like the meetings. */
export async function listBotsPage(s: ListServer, q: ListMeetingsQuery): Promise<MeetingPage> {
  const limit = q.limit === undefined ? undefined : clamp(q.limit, 1, MAX_PAGE);
  const list = await getList(s, '/bots', listQuery(s.generation, q, limit));
  return { meetings: list.meetings, hasMore: list.hasMore ?? list.meetings.length >= (limit ?? G3_DEFAULT_PAGE) };
}
