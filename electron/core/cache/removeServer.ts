import type Database from 'better-sqlite3';
import type { RemovedMeetings } from './types';

/**
 * Takes every meeting of one server off this computer: rows (tombstones of local deletes too),
 * transcripts, both full-text indexes, status trails, edits in the outbox and the sync marks, in
 * one transaction. Set-based statements, not one meeting at a time: a server can hold a thousand
 * meetings of a thousand lines each. The `servers` row stays (it is the connection's record; it
 * can be removed once this has run, since no meeting refers to it any more).
 *
 * The FTS5 tables are external-content indexes, so each indexed row is deleted from them with its
 * old values, before the rows themselves go (a `'delete'` with other values would corrupt them).
 */
export function removeServerMeetings(db: Database.Database, serverId: string): RemovedMeetings {
  const ofServer = 'SELECT id FROM meetings WHERE server_id = @serverId';
  const count = (sql: string): number => (db.prepare(sql).get({ serverId }) as { n: number }).n;
  return db.transaction((): RemovedMeetings => {
    const removed: RemovedMeetings = {
      meetings: count('SELECT count(*) AS n FROM meetings WHERE server_id = @serverId AND hidden_at IS NULL'),
      segments: count(`SELECT count(*) AS n FROM segments WHERE meeting_id IN (${ofServer})`),
      edits: count(`SELECT count(*) AS n FROM outbox WHERE meeting_id IN (${ofServer})`),
      statusEntries: count(`SELECT count(*) AS n FROM status_transitions WHERE meeting_id IN (${ofServer})`),
    };
    db.prepare(
      `INSERT INTO segments_fts (segments_fts, rowid, text, speaker)
       SELECT 'delete', s.id, s.text, s.speaker FROM segments s WHERE s.meeting_id IN (${ofServer})`,
    ).run({ serverId });
    // Only meetings with a name or notes are in the name index (meetingStore.ts `reindex`).
    db.prepare(
      `INSERT INTO meetings_fts (meetings_fts, rowid, name, notes)
       SELECT 'delete', id, name, notes FROM meetings
       WHERE server_id = @serverId AND (name IS NOT NULL OR notes IS NOT NULL)`,
    ).run({ serverId });
    for (const table of ['segments', 'status_transitions', 'outbox']) {
      db.prepare(`DELETE FROM ${table} WHERE meeting_id IN (${ofServer})`).run({ serverId });
    }
    db.prepare('DELETE FROM meetings WHERE server_id = @serverId').run({ serverId });
    db.prepare('DELETE FROM sync_state WHERE server_id = @serverId').run({ serverId });
    db.prepare('DELETE FROM speaker_fixes WHERE server_id = @serverId').run({ serverId });
    return removed;
  })();
}
