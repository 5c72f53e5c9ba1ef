import type Database from 'better-sqlite3';
import type { TranscriptSegment } from '../../../shared/vexa/types';
import { cleanText, segmentView, type SegmentRow } from './rows';
import { TermStore } from './terms';
import type { AppendResult, SegmentView } from './types';

interface Existing {
  id: number;
  text: string;
  speaker: string | null;
  confirmed: number;
  start_s: number;
  end_s: number;
  abs_start: number | null;
  abs_end: number | null;
  language: string | null;
  source: string | null;
  segment_id: string | null;
}

/**
 * Transcript segments and their full-text index. Every write keeps `segments_fts` in step with
 * explicit inserts and deletes in the same transaction (external content, no triggers), so an
 * acknowledged batch is searchable and a crash never leaves the index out of step.
 */
export class SegmentStore {
  private readonly insert: Database.Statement;
  private readonly ftsInsert: Database.Statement;
  private readonly ftsInsertFrom: Database.Statement<[number]>;
  private readonly ftsDelete: Database.Statement;
  private readonly find: Database.Statement<[number, string]>;
  private readonly rewrite: Database.Statement;
  private readonly ftsDeleteMeeting: Database.Statement<[number]>;
  private readonly deleteMeeting: Database.Statement<[number]>;
  readonly terms: TermStore;

  constructor(private readonly db: Database.Database) {
    this.terms = new TermStore(db);
    this.insert = db.prepare(
      `INSERT INTO segments (meeting_id, key, speaker, text, start_s, end_s, abs_start, abs_end, language, confirmed, source, segment_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (meeting_id, key) DO NOTHING`,
    );
    this.ftsInsert = db.prepare('INSERT INTO segments_fts (rowid, text, speaker) VALUES (?, ?, ?)');
    this.ftsInsertFrom = db.prepare('INSERT INTO segments_fts (rowid, text, speaker) SELECT id, text, speaker FROM segments WHERE id >= ?');
    this.ftsDelete = db.prepare("INSERT INTO segments_fts (segments_fts, rowid, text, speaker) VALUES ('delete', ?, ?, ?)");
    this.find = db.prepare(
      `SELECT id, text, speaker, confirmed, start_s, end_s, abs_start, abs_end, language, source, segment_id
       FROM segments WHERE meeting_id = ? AND key = ?`,
    );
    this.rewrite = db.prepare(
      `UPDATE segments SET speaker = ?, text = ?, start_s = ?, end_s = ?, abs_start = ?, abs_end = ?, language = ?, confirmed = ?, source = ?,
         segment_id = ? WHERE id = ?`,
    );
    this.ftsDeleteMeeting = db.prepare(
      "INSERT INTO segments_fts (segments_fts, rowid, text, speaker) SELECT 'delete', id, text, speaker FROM segments WHERE meeting_id = ?",
    );
    this.deleteMeeting = db.prepare('DELETE FROM segments WHERE meeting_id = ?');
  }

  /**
   * Merges segments by key. A draft never replaces a confirmed segment of the same key (drafts
   * can arrive late); everything else replaces what was stored. Call inside a transaction.
   */
  merge(meetingId: number, segments: readonly TranscriptSegment[]): AppendResult {
    const result: AppendResult = { inserted: 0, updated: 0, unchanged: 0 };
    // New rows get ids above every existing one, so the rows this call inserts are exactly those
    // from its first new id on: they are indexed with one statement at the end instead of one per
    // row (most of a transcript download is new rows).
    let firstNew = Number.POSITIVE_INFINITY;
    const indexed: Array<string | null> = [];
    for (const s of segments) {
      const text = cleanText(s.text);
      const speaker = cleanText(s.speaker);
      const confirmed = s.completed ? 1 : 0;
      const source = s.source ?? null;
      // Kept apart from the key: exports hand the server's id on (a key can be a start time).
      const segmentId = s.segmentId ?? null;
      const info = this.insert.run(
        meetingId,
        s.key,
        speaker,
        text,
        s.start,
        s.end,
        s.absoluteStart,
        s.absoluteEnd,
        s.language,
        confirmed,
        source,
        segmentId,
      );
      if (info.changes === 1) {
        if (firstNew === Number.POSITIVE_INFINITY) firstNew = Number(info.lastInsertRowid);
        indexed.push(text, speaker);
        result.inserted++;
        continue;
      }
      const old = this.find.get(meetingId, s.key) as Existing;
      if (old.confirmed === 1 && confirmed === 0) {
        result.unchanged++;
        continue;
      }
      const same =
        old.text === text &&
        old.speaker === speaker &&
        old.confirmed === confirmed &&
        old.start_s === s.start &&
        old.end_s === s.end &&
        old.abs_start === s.absoluteStart &&
        old.abs_end === s.absoluteEnd &&
        old.language === s.language &&
        old.source === source &&
        old.segment_id === segmentId;
      if (same) {
        result.unchanged++;
        continue;
      }
      // A row inserted earlier in this call is not indexed yet; the final insert indexes its last text.
      const reindex = old.id < firstNew && (old.text !== text || old.speaker !== speaker);
      if (reindex) this.ftsDelete.run(old.id, old.text, old.speaker);
      this.rewrite.run(speaker, text, s.start, s.end, s.absoluteStart, s.absoluteEnd, s.language, confirmed, source, segmentId, old.id);
      if (reindex) this.ftsInsert.run(old.id, text, speaker);
      if (old.text !== text || old.speaker !== speaker) indexed.push(text, speaker);
      result.updated++;
    }
    if (firstNew !== Number.POSITIVE_INFINITY) this.ftsInsertFrom.run(firstNew);
    this.terms.record(indexed);
    return result;
  }

  /** Call inside a transaction. */
  deleteAll(meetingId: number): void {
    this.ftsDeleteMeeting.run(meetingId);
    this.deleteMeeting.run(meetingId);
  }

  list(meetingId: number): SegmentView[] {
    return (
      this.db
        .prepare(
          `SELECT key, speaker, text, start_s, end_s, abs_start, abs_end, language, confirmed, source, segment_id
           FROM segments WHERE meeting_id = ? ORDER BY start_s, id`,
        )
        .all(meetingId) as SegmentRow[]
    ).map(segmentView);
  }

  /**
   * The segment keyed `key` with up to `lines` segments either side, in transcript order, and how
   * many segments of the meeting come before and after them; null when the meeting has no such
   * segment. What a search hit opens on: the rest of a long meeting follows once it is painted.
   */
  around(meetingId: number, key: string, lines: number): { segments: SegmentView[]; before: number; after: number } | null {
    const hit = this.db.prepare('SELECT id, start_s FROM segments WHERE meeting_id = ? AND key = ?').get(meetingId, key) as
      { id: number; start_s: number } | undefined;
    if (!hit) return null;
    const columns = 'key, speaker, text, start_s, end_s, abs_start, abs_end, language, confirmed, source, segment_id';
    // The order of `list`: (start_s, id).
    const earlier = 'meeting_id = ? AND (start_s < ? OR (start_s = ? AND id < ?))';
    const params = [meetingId, hit.start_s, hit.start_s, hit.id] as const;
    const head = this.db
      .prepare(`SELECT ${columns} FROM segments WHERE ${earlier} ORDER BY start_s DESC, id DESC LIMIT ?`)
      .all(...params, lines) as SegmentRow[];
    const tail = this.db
      .prepare(
        `SELECT ${columns} FROM segments WHERE meeting_id = ? AND NOT (start_s < ? OR (start_s = ? AND id < ?)) ORDER BY start_s, id LIMIT ?`,
      )
      .all(...params, lines + 1) as SegmentRow[];
    const before = (this.db.prepare(`SELECT count(*) AS n FROM segments WHERE ${earlier}`).get(...params) as { n: number }).n;
    return {
      segments: [...head.reverse(), ...tail].map(segmentView),
      before: before - head.length,
      after: this.count(meetingId) - before - tail.length,
    };
  }

  count(meetingId: number): number {
    return (this.db.prepare('SELECT count(*) AS n FROM segments WHERE meeting_id = ?').get(meetingId) as { n: number }).n;
  }
}
