import { MAX_SERVER_FILTER } from '../../../shared/ipc/library';
import type { LibraryFilter, SearchFilters } from './types';

// The IPC boundary refuses a longer list; a caller inside the core gets the first ones.
export { MAX_SERVER_FILTER };

const MEETING_TIME = 'coalesce(m.start_time, m.created_at, 0)';

/** The distinct server ids a filter names, bounded; null when it names none (no server filter). */
export function serverIdList(ids: readonly unknown[] | undefined): string[] | null {
  if (!Array.isArray(ids)) return null;
  const list = [...new Set(ids.filter((id): id is string => typeof id === 'string'))].slice(0, MAX_SERVER_FILTER);
  return list.length > 0 ? list : null;
}

/**
 * The WHERE clause (over `meetings m`) shared by the list and the search, with its parameters
 * written into `params`. Every condition narrows: `serverId` and `serverIds` together keep the
 * meetings that satisfy both. The server list is one JSON parameter so that the statement text,
 * and the search's prepared-statement cache, do not vary with how many servers are named.
 */
export function meetingWhere(f: LibraryFilter | SearchFilters, params: Record<string, unknown>): string {
  const where = ['m.hidden_at IS NULL'];
  if (typeof f.serverId === 'string') {
    where.push('m.server_id = @serverId');
    params.serverId = f.serverId;
  }
  const servers = serverIdList(f.serverIds);
  if (servers) {
    where.push('m.server_id IN (SELECT value FROM json_each(@serverIds))');
    params.serverIds = JSON.stringify(servers);
  }
  if (f.demo === 'exclude') where.push('m.server_id NOT IN (SELECT id FROM servers WHERE demo = 1)');
  else if (f.demo === 'only') where.push('m.server_id IN (SELECT id FROM servers WHERE demo = 1)');
  if (f.platform !== undefined) {
    where.push('m.platform = @platform');
    params.platform = f.platform;
  }
  if (f.status !== undefined) {
    where.push('m.status = @status');
    params.status = f.status;
  }
  if (f.from !== undefined) {
    where.push(`${MEETING_TIME} >= @from`);
    params.from = f.from;
  }
  if (f.to !== undefined) {
    where.push(`${MEETING_TIME} < @to`);
    params.to = f.to;
  }
  return where.join(' AND ');
}
