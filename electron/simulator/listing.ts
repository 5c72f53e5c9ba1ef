import type { SimContext } from './context';
import { detail, type SimRequest, type SimResponse } from './http';
import { parseIntParam, type PydanticError } from './pydantic';
import { PLANNED, type MeetingRecord } from './types';

export interface PageOptions {
  /** `null` = no default page (G1/G2 `/meetings` return everything unless asked). */
  defaultLimit: number | null;
  /** Honour `?search=` (G2 `GET /bots`). */
  search?: boolean;
}

export type PageResult = { ok: true; rows: MeetingRecord[]; hasMore: boolean } | { ok: false; response: SimResponse };

/** Rows a user can list: their own, plus (G3) meetings shared with them through a redeemed token. */
export function visibleMeetings(ctx: SimContext, userId: number): MeetingRecord[] {
  const own = ctx.meetings.forUser(userId);
  if (ctx.profile !== 'g3') return own;
  const shared = ctx.meetings.all().filter((m) => m.userId !== userId && m.viewers.has(userId));
  return [...own, ...shared].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
}

/** Shared query handling of `GET /meetings` and `GET /bots`: limit, offset and filters. */
export function pageMeetings(ctx: SimContext, req: SimRequest, userId: number, opts: PageOptions): PageResult {
  const errors: PydanticError[] = [];
  const limit = parseIntParam(req.query.get('limit'), 'limit', { ge: 1, le: 100 });
  const offset = parseIntParam(req.query.get('offset'), 'offset', { ge: 0 });
  if (!limit.ok) errors.push(limit.error);
  if (!offset.ok) errors.push(offset.error);
  if (errors.length > 0 || !limit.ok || !offset.ok) return { ok: false, response: detail(422, errors) };

  const status = req.query.get('status');
  const platform = req.query.get('platform');
  const excludePlanned = ctx.profile === 'g3' && ['true', '1', 'yes'].includes((req.query.get('exclude_planned') ?? '').toLowerCase());
  const search = opts.search ? (req.query.get('search') ?? '').toLowerCase() : '';

  const all = visibleMeetings(ctx, userId).filter((m) => {
    if (status && m.status !== status) return false;
    if (platform && m.platform !== platform) return false;
    if (excludePlanned && PLANNED.has(m.status)) return false;
    if (search) {
      const name = typeof m.data.name === 'string' ? m.data.name.toLowerCase() : '';
      if (!name.includes(search) && !(m.nativeId ?? '').toLowerCase().includes(search)) return false;
    }
    return true;
  });
  const start = offset.value ?? 0;
  const size = limit.value ?? opts.defaultLimit;
  if (size === null) return { ok: true, rows: all.slice(start), hasMore: false };
  return { ok: true, rows: all.slice(start, start + size), hasMore: all.length > start + size };
}
