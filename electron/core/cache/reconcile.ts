import type Database from 'better-sqlite3';
import type { Logger } from '../ports';
import type { VexaClient } from '../vexa/client';
import type { Library } from './library';

/** Statuses of a meeting whose bot may still be at work: the ones a stale row would misreport. */
const IN_FLIGHT = `('requested', 'joining', 'awaiting_admission', 'needs_help', 'active', 'stopping')`;
/** Read one by one, so a pass never turns into hundreds of requests. */
const MAX_PER_PASS = 25;

/** This server's rows that still say a bot is at work, except those the list pass just read. */
export function inFlightRows(db: Database.Database, serverId: string, seen: ReadonlySet<number>): Array<{ id: number; remote_id: number }> {
  const rows = db
    .prepare(
      `SELECT id, remote_id FROM meetings WHERE server_id = ? AND hidden_at IS NULL AND planned = 0 AND status IN ${IN_FLIGHT}
       ORDER BY coalesce(start_time, created_at, 0) DESC, id DESC`,
    )
    .all(serverId) as Array<{ id: number; remote_id: number }>;
  return rows.filter((r) => !seen.has(r.remote_id)).slice(0, MAX_PER_PASS);
}

/**
 * On connect and every sync: rows that still say "in the lobby" or "transcribing" though the list
 * pass did not read them (an incremental pass stops at the first unchanged page; the app was
 * closed or on another server when the bot ended) are read from the server one by one. Returns
 * the local ids that changed. A meeting the server cannot answer for keeps its row as it was.
 */
export async function reconcileInFlight(d: {
  library: Library;
  client: VexaClient;
  serverId: string;
  seen: ReadonlySet<number>;
  logger: Logger;
}): Promise<number[]> {
  // G1 has no GET /meetings/{id} and its list pass reads every meeting: nothing is left to ask.
  if (!d.client.capabilities.meetingById) return [];
  const changed: number[] = [];
  for (const row of inFlightRows(d.library.db, d.serverId, d.seen)) {
    try {
      const meeting = await d.client.getMeeting(row.remote_id);
      const [outcome] = await d.library.upsertMeetings(d.serverId, [meeting]);
      if (outcome?.changed) changed.push(outcome.id);
    } catch (e) {
      d.logger.debug('Could not re-read a meeting still marked in flight', { meetingId: row.remote_id, error: String(e) });
    }
  }
  return changed;
}
