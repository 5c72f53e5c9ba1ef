import type Database from 'better-sqlite3';

export interface TranscriptTarget {
  id: number;
  server_id: string;
  remote_id: number;
  platform: string;
  native_id: string | null;
  status: string;
  failure_stage: string | null;
  transcript_state: string;
  transcript_deleted: number;
  transcript_attempts: number;
}

export interface SyncMarks {
  last_sync_at: number | null;
  last_full_sync_at: number | null;
  last_attempt_at: number | null;
  last_error: string | null;
}

/**
 * Statuses after which a transcript no longer changes. A failed meeting only has words when the
 * bot got in (G1/G3 failure_stage `active`).
 */
const HAS_FINAL_TRANSCRIPT = `(status = 'completed' OR (status = 'failed' AND failure_stage = 'active'))`;
const TARGET_COLUMNS =
  'id, server_id, remote_id, platform, native_id, status, failure_stage, transcript_state, transcript_deleted, transcript_attempts';

/** The bookkeeping of sync: per-server marks and per-meeting transcript fetch state. */
export class SyncStore {
  constructor(private readonly db: Database.Database) {}

  marks(serverId: string): SyncMarks {
    return (
      (this.db
        .prepare('SELECT last_sync_at, last_full_sync_at, last_attempt_at, last_error FROM sync_state WHERE server_id = ?')
        .get(serverId) as SyncMarks | undefined) ?? { last_sync_at: null, last_full_sync_at: null, last_attempt_at: null, last_error: null }
    );
  }

  recordAttempt(serverId: string, now: number, outcome: { ok: true; full: boolean } | { ok: false; error: string }): void {
    this.db
      .prepare(
        `INSERT INTO sync_state (server_id, last_sync_at, last_full_sync_at, last_attempt_at, last_error)
         VALUES (@serverId, @sync, @full, @now, @error)
         ON CONFLICT (server_id) DO UPDATE SET
           last_sync_at = coalesce(excluded.last_sync_at, last_sync_at),
           last_full_sync_at = coalesce(excluded.last_full_sync_at, last_full_sync_at),
           last_attempt_at = excluded.last_attempt_at, last_error = excluded.last_error`,
      )
      .run({
        serverId,
        now,
        sync: outcome.ok ? now : null,
        full: outcome.ok && outcome.full ? now : null,
        error: outcome.ok ? null : outcome.error,
      });
  }

  /** Meetings whose final transcript is not cached yet, newest first, not waiting for a retry. */
  candidates(serverId: string, now: number): TranscriptTarget[] {
    return this.db
      .prepare(
        `SELECT ${TARGET_COLUMNS} FROM meetings
         WHERE server_id = ? AND hidden_at IS NULL AND planned = 0 AND transcript_deleted = 0
           AND transcript_state IN ('none', 'partial') AND ${HAS_FINAL_TRANSCRIPT}
           AND (transcript_retry_at IS NULL OR transcript_retry_at <= ?)
         ORDER BY coalesce(start_time, created_at, 0) DESC, id DESC`,
      )
      .all(serverId, now) as TranscriptTarget[];
  }

  target(localId: number): TranscriptTarget | undefined {
    return this.db.prepare(`SELECT ${TARGET_COLUMNS} FROM meetings WHERE id = ? AND hidden_at IS NULL`).get(localId) as
      TranscriptTarget | undefined;
  }

  /** The earliest pending retry of a transcript fetch for this server. */
  nextRetryAt(serverId: string): number | null {
    const row = this.db
      .prepare(
        `SELECT min(transcript_retry_at) AS at FROM meetings
         WHERE server_id = ? AND hidden_at IS NULL AND transcript_state IN ('none', 'partial') AND transcript_retry_at IS NOT NULL`,
      )
      .get(serverId) as { at: number | null };
    return row.at;
  }

  fetchFailed(localId: number, failure: { message: string; retryAt: number | null; unavailable: boolean }): void {
    this.db
      .prepare(
        `UPDATE meetings SET transcript_attempts = transcript_attempts + 1, transcript_error = ?, transcript_retry_at = ?,
           transcript_state = CASE WHEN ? THEN 'unavailable' ELSE transcript_state END
         WHERE id = ?`,
      )
      .run(failure.message, failure.retryAt, failure.unavailable ? 1 : 0, localId);
  }

  /** After a complete list pass: planned meetings the server no longer lists were deleted there. */
  forgetPlanned(serverId: string, seenRemoteIds: ReadonlySet<number>): number[] {
    const rows = this.db
      .prepare('SELECT id, remote_id FROM meetings WHERE server_id = ? AND planned = 1 AND hidden_at IS NULL')
      .all(serverId) as Array<{
      id: number;
      remote_id: number;
    }>;
    return rows.filter((r) => !seenRemoteIds.has(r.remote_id)).map((r) => r.id);
  }
}
