import type Database from 'better-sqlite3';
import type { CaptionDelayView } from '../../../shared/ipc/captionDelay';
import { LATE_MIN_LINES } from '../../../shared/captionDelay/stats';

interface Row {
  median_ms: number;
  p95_ms: number;
  lines: number;
  usual_ms: number | null;
  late: number;
  measured_at: number;
}

const toView = (r: Row): CaptionDelayView => ({
  medianMs: r.median_ms,
  p95Ms: r.p95_ms,
  lines: r.lines,
  usualMs: r.usual_ms,
  late: r.late === 1,
  measuredAt: r.measured_at,
});

/** Past meetings of a server that set its usual delay: the newest few, so an upgraded server's new pace counts soon. */
const USUAL_FROM_MEETINGS = 20;

/** Each live-followed meeting's caption delay (migration 7), kept with the library's meeting row. */
export class CaptionDelayStore {
  constructor(private readonly db: Database.Database) {}

  /** Stores a meeting's figures; false while the library has no row for it yet (the next save tries again). */
  put(serverId: string, remoteId: number, v: CaptionDelayView): boolean {
    const row = this.db.prepare('SELECT id FROM meetings WHERE server_id = ? AND remote_id = ?').get(serverId, remoteId) as
      { id: number } | undefined;
    if (!row) return false;
    this.db
      .prepare(
        `INSERT INTO caption_delays (meeting_id, median_ms, p95_ms, lines, usual_ms, late, measured_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (meeting_id) DO UPDATE SET median_ms = excluded.median_ms, p95_ms = excluded.p95_ms, lines = excluded.lines,
           usual_ms = excluded.usual_ms, late = excluded.late, measured_at = excluded.measured_at`,
      )
      .run(
        row.id,
        Math.round(v.medianMs),
        Math.round(v.p95Ms),
        v.lines,
        v.usualMs === null ? null : Math.round(v.usualMs),
        v.late ? 1 : 0,
        v.measuredAt,
      );
    return true;
  }

  /** By the library's meeting id. */
  get(meetingId: number): CaptionDelayView | null {
    const r = this.db
      .prepare('SELECT median_ms, p95_ms, lines, usual_ms, late, measured_at FROM caption_delays WHERE meeting_id = ?')
      .get(meetingId) as Row | undefined;
    return r ? toView(r) : null;
  }

  /** By the server's meeting id. */
  getRemote(serverId: string, remoteId: number): CaptionDelayView | null {
    const r = this.db
      .prepare(
        `SELECT d.median_ms, d.p95_ms, d.lines, d.usual_ms, d.late, d.measured_at FROM caption_delays d
         JOIN meetings m ON m.id = d.meeting_id WHERE m.server_id = ? AND m.remote_id = ?`,
      )
      .get(serverId, remoteId) as Row | undefined;
    return r ? toView(r) : null;
  }

  /** The medians of the server's newest measured meetings other than `exceptRemoteId`, with enough lines to count. */
  pastMedians(serverId: string, exceptRemoteId: number): number[] {
    const rows = this.db
      .prepare(
        `SELECT d.median_ms FROM caption_delays d JOIN meetings m ON m.id = d.meeting_id
         WHERE m.server_id = ? AND m.remote_id <> ? AND d.lines >= ? ORDER BY d.measured_at DESC LIMIT ?`,
      )
      .all(serverId, exceptRemoteId, LATE_MIN_LINES, USUAL_FROM_MEETINGS) as Array<{ median_ms: number }>;
    return rows.map((r) => r.median_ms);
  }
}
