import type Database from 'better-sqlite3';
import type { MeetingParticipants, ParticipantRow, ParticipantSource } from '../../../shared/vexa/participants';

export interface StoredParticipants {
  rows: ParticipantRow[];
  sources: ParticipantSource[];
  rosterRecorded: boolean;
  fetchedAt: number;
}

interface Row {
  rows: string;
  sources: string;
  roster_recorded: number;
  fetched_at: number;
}

function parseList<T>(text: string): T[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

/** The last participant list each meeting's server gave (migration 6), read offline and searched by name. */
export class ParticipantStore {
  constructor(private readonly db: Database.Database) {}

  get(meetingId: number): StoredParticipants | null {
    const r = this.db
      .prepare('SELECT rows, sources, roster_recorded, fetched_at FROM meeting_participants WHERE meeting_id = ?')
      .get(meetingId) as Row | undefined;
    if (!r) return null;
    return {
      rows: parseList<ParticipantRow>(r.rows),
      sources: parseList<ParticipantSource>(r.sources),
      rosterRecorded: r.roster_recorded === 1,
      fetchedAt: r.fetched_at,
    };
  }

  put(meetingId: number, p: MeetingParticipants, at: number): void {
    const names = [...new Set(p.rows.map((r) => r.name))];
    this.db
      .prepare(
        `INSERT INTO meeting_participants (meeting_id, rows, names, sources, roster_recorded, fetched_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (meeting_id) DO UPDATE SET rows = excluded.rows, names = excluded.names, sources = excluded.sources,
           roster_recorded = excluded.roster_recorded, fetched_at = excluded.fetched_at`,
      )
      .run(meetingId, JSON.stringify(p.rows), JSON.stringify(names), JSON.stringify(p.sources), p.rosterRecorded ? 1 : 0, at);
  }

  forget(meetingId: number): void {
    this.db.prepare('DELETE FROM meeting_participants WHERE meeting_id = ?').run(meetingId);
  }
}
