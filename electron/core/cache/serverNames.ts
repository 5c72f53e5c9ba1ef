import type Database from 'better-sqlite3';
import { libraryServerLabel, type ServerNameFacts } from '../../../shared/serverLabel';
import type { LibraryServer } from './types';

/** A `servers` row as the library names it (null columns: a meeting whose server has no row). */
export interface ServerNameRow {
  id: string;
  url: string | null;
  label: string | null;
  user_label: string | null;
  demo: number | null;
  removed: number | null;
}

const SERVER_NAME_COLUMNS = 's.url, s.label, s.user_label, s.demo, s.removed';

function facts(serverId: string, row: Omit<ServerNameRow, 'id'> | undefined): ServerNameFacts {
  return {
    id: serverId,
    url: row?.url,
    label: row?.label,
    userLabel: row?.user_label,
    demo: row?.demo === 1,
    removed: row?.removed === 1,
  };
}

/** The name library rows give a server (`shared/serverLabel.ts` decides it for the whole app). */
export function serverLabelOf(serverId: string, row: Omit<ServerNameRow, 'id'> | undefined): string {
  return libraryServerLabel(facts(serverId, row));
}

/**
 * Server names for library rows, read from the (small) `servers` table once per request and
 * joined in memory: a SQL join would be evaluated for every matching segment before a search
 * sorts and cuts to its first page, and the name is only needed for the rows returned.
 */
export class ServerNames {
  private readonly all: Database.Statement;

  constructor(db: Database.Database) {
    this.all = db.prepare(`SELECT s.id, ${SERVER_NAME_COLUMNS} FROM servers s`);
  }

  /** A resolver for one request: the servers table as it is now. */
  snapshot(): (serverId: string) => string {
    const rows = new Map((this.all.all() as ServerNameRow[]).map((r) => [r.id, r]));
    return (serverId) => serverLabelOf(serverId, rows.get(serverId));
  }
}

/**
 * The servers this computer holds meetings of (tombstones of local deletes do not count), with
 * their counts, the most meetings first: the library's server filter and labels come from here,
 * so a server the app no longer knows still appears, by the host of its address.
 */
export function libraryServers(db: Database.Database): LibraryServer[] {
  const rows = db
    .prepare(
      `SELECT m.server_id AS id, ${SERVER_NAME_COLUMNS}, count(*) AS meetings
       FROM meetings m LEFT JOIN servers s ON s.id = m.server_id
       WHERE m.hidden_at IS NULL GROUP BY m.server_id ORDER BY meetings DESC, m.server_id`,
    )
    .all() as Array<ServerNameRow & { meetings: number }>;
  return rows.map((r) => ({ serverId: r.id, label: serverLabelOf(r.id, r), demo: r.demo === 1, meetings: r.meetings }));
}

/** Every known server for the cache statistics, named, with its meetings and last sync. */
export function statsServers(db: Database.Database): Array<LibraryServer & { lastSyncedAt: number | null }> {
  const rows = db
    .prepare(
      `SELECT s.id, ${SERVER_NAME_COLUMNS}, count(m.id) AS meetings, st.last_sync_at AS lastSyncedAt
       FROM servers s LEFT JOIN meetings m ON m.server_id = s.id AND m.hidden_at IS NULL LEFT JOIN sync_state st ON st.server_id = s.id
       GROUP BY s.id ORDER BY s.id`,
    )
    .all() as Array<ServerNameRow & { meetings: number; lastSyncedAt: number | null }>;
  return rows.map((r) => ({
    serverId: r.id,
    label: serverLabelOf(r.id, r),
    demo: r.demo === 1,
    meetings: r.meetings,
    lastSyncedAt: r.lastSyncedAt,
  }));
}
