import type Database from 'better-sqlite3';
import type { LibraryServer } from './types';

interface ServerNameRow {
  id: string;
  url: string | null;
  label: string | null;
  demo: number | null;
}

/**
 * The name a server goes by when its record has none: the host of its address (server ids are
 * their normalised base URLs), "Demo" for the demo's simulator, else the id as it is. Never empty,
 * so a row can always say where it comes from.
 */
export function fallbackServerLabel(serverId: string, url?: string | null): string {
  for (const candidate of [url, serverId]) {
    if (!candidate) continue;
    try {
      const host = new URL(candidate).host;
      if (host) return host;
    } catch {
      // Not an address: try the next one.
    }
  }
  if (serverId === 'demo') return 'Demo';
  return serverId.trim() || 'Unknown server';
}

/** `servers.label` when it says something, else the fallback. */
export function serverLabelOf(serverId: string, row: Pick<ServerNameRow, 'url' | 'label'> | undefined): string {
  const label = row?.label?.trim();
  return label || fallbackServerLabel(serverId, row?.url);
}

/**
 * Server names for library rows, read from the (small) `servers` table once per request and
 * joined in memory: a SQL join would be evaluated for every matching segment before a search
 * sorts and cuts to its first page, and the name is only needed for the rows returned.
 */
export class ServerNames {
  private readonly all: Database.Statement;

  constructor(db: Database.Database) {
    this.all = db.prepare('SELECT id, url, label, demo FROM servers');
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
 * so a server the app no longer knows still appears, by the fallback name.
 */
export function libraryServers(db: Database.Database): LibraryServer[] {
  const rows = db
    .prepare(
      `SELECT m.server_id AS id, s.url, s.label, s.demo, count(*) AS meetings
       FROM meetings m LEFT JOIN servers s ON s.id = m.server_id
       WHERE m.hidden_at IS NULL GROUP BY m.server_id ORDER BY meetings DESC, m.server_id`,
    )
    .all() as Array<ServerNameRow & { meetings: number }>;
  return rows.map((r) => ({ serverId: r.id, label: serverLabelOf(r.id, r), demo: r.demo === 1, meetings: r.meetings }));
}
