import type Database from 'better-sqlite3';
import type { MeetingPatch } from '../../../shared/vexa/types';
import { parseJson, sameValue } from './rows';
import type { EditableField, OutboxState } from './types';

export interface FinishedCandidate {
  id: number;
  meeting_id: number;
  fields: string;
  state: OutboxState;
  /** For a finished edit: what the server held right after it went through (null: its own values). */
  server_value: string | null;
  updated_at: number;
}

const EMPTY: Record<EditableField, unknown> = { name: '', notes: '', participants: [], languages: [] };

/**
 * Which finished edits still stand, and for which of their fields. A finished edit stands for a
 * field while it is the meeting's latest edit of that field, finished less than `windowMs` ago,
 * and the server still holds the value it held once the edit went through. Once someone changes
 * the field on the server, the field is theirs: it no longer reads "Saved".
 *
 * `rows`: every edit of the meetings concerned, any state; `server`: each meeting's `server_fields`.
 */
export function standingFinished(
  rows: readonly FinishedCandidate[],
  server: ReadonlyMap<number, MeetingPatch>,
  now: number,
  windowMs: number,
): Map<number, MeetingPatch> {
  const kept = new Map<number, MeetingPatch>();
  const claimed = new Map<number, Set<string>>();
  for (const r of [...rows].sort((a, b) => b.id - a.id)) {
    const newer = claimed.get(r.meeting_id) ?? new Set<string>();
    claimed.set(r.meeting_id, newer);
    const fields = parseJson<Record<string, unknown>>(r.fields, {});
    const keys = Object.keys(fields).filter((f) => f in EMPTY);
    if (r.state === 'done' && now - r.updated_at <= windowMs) {
      const answer = parseJson<Record<string, unknown>>(r.server_value, {});
      const held = server.get(r.meeting_id) ?? {};
      const still: Record<string, unknown> = {};
      for (const f of keys) {
        if (newer.has(f)) continue;
        const expected = answer[f] ?? fields[f];
        const current = (held as Record<string, unknown>)[f] ?? EMPTY[f as EditableField];
        if (sameValue(current, expected)) still[f] = fields[f];
      }
      if (Object.keys(still).length > 0) kept.set(r.id, still as MeetingPatch);
    }
    for (const f of keys) newer.add(f);
  }
  return kept;
}

/** Each concerned meeting's `server_fields`: the server's values as the cache last saw them. */
export function serverFieldsOf(db: Database.Database, rows: readonly Pick<FinishedCandidate, 'meeting_id'>[]): Map<number, MeetingPatch> {
  const get = db.prepare('SELECT server_fields FROM meetings WHERE id = ?').pluck();
  const out = new Map<number, MeetingPatch>();
  for (const id of new Set(rows.map((r) => r.meeting_id))) out.set(id, parseJson<MeetingPatch>(get.get(id) as string | undefined, {}));
  return out;
}

/**
 * Deletes the finished edits that no longer stand (too old, overtaken by a later edit of every
 * field they changed, or changed on the server since), so the outbox keeps at most one finished
 * edit per meeting and field. Returns how many went.
 */
export function pruneFinished(db: Database.Database, now: number, windowMs: number): number {
  const rows = db
    .prepare(
      `SELECT id, meeting_id, fields, state, server_value, updated_at FROM outbox
       WHERE meeting_id IN (SELECT meeting_id FROM outbox WHERE state = 'done') ORDER BY id`,
    )
    .all() as FinishedCandidate[];
  const kept = standingFinished(rows, serverFieldsOf(db, rows), now, windowMs);
  const drop = rows.filter((r) => r.state === 'done' && !kept.has(r.id)).map((r) => r.id);
  const del = db.prepare('DELETE FROM outbox WHERE id = ?');
  db.transaction(() => drop.forEach((id) => del.run(id)))();
  return drop.length;
}
