import type Database from 'better-sqlite3';
import { movesForward } from '../../../shared/meetings/outcome';
import type { Meeting, MeetingPatch, MeetingStatus, StatusTransition } from '../../../shared/vexa/types';
import { editableOf, mergeServerValues, type OpenEdit } from './editMerge';
import { asFields, asStatus, cleanText, parseJson, type MeetingRow } from './rows';
import type { SegmentStore } from './segmentStore';
import type { EditableField, EditableValues, OutboxState } from './types';

const PLANNED: ReadonlySet<MeetingStatus> = new Set(['idle', 'scheduled']);
/** Bulky forensic keys of G3 `data` (bot logs up to 50 KiB) that the library never shows. */
const DROPPED_DATA_KEYS = ['bot_logs', 'speaker_events'];

/**
 * Whether a server row changed since the cache last saw it: `updated_at` where the server sends
 * it (every generation does on meeting rows), else status and end time.
 */
export function serverStamp(m: Meeting): string {
  return m.updatedAt !== null ? `u:${m.updatedAt}` : `s:${m.status}|${m.endTime ?? ''}`;
}

export interface UpsertOutcome {
  id: number;
  /** New to the cache, or its server stamp differs from the cached one. */
  changed: boolean;
}

function storedData(data: Record<string, unknown>): string {
  const copy = { ...data };
  for (const k of DROPPED_DATA_KEYS) delete copy[k];
  return JSON.stringify(copy);
}

interface StatusFields {
  status: MeetingStatus;
  completionReason: string | null;
  failureStage: string | null;
  /** When the kept status was last confirmed. */
  seenAt: number | null;
}

/**
 * The status a row keeps when the server's row arrives. A list page read before the bot's end
 * was announced must not bring an ended meeting back to life; a status frame carries no reason,
 * so the reason already known for that status stays.
 */
export function statusAfter(
  existing: Pick<MeetingRow, 'status' | 'completion_reason' | 'failure_stage' | 'status_seen_at'> | undefined,
  m: Pick<Meeting, 'status' | 'completionReason' | 'failureStage'>,
  now: number,
): StatusFields {
  if (!existing) return { status: m.status, completionReason: m.completionReason, failureStage: m.failureStage, seenAt: now };
  const current = asStatus(existing.status);
  if (!movesForward(current, m.status)) {
    return {
      status: current,
      completionReason: existing.completion_reason,
      failureStage: existing.failure_stage,
      seenAt: existing.status_seen_at,
    };
  }
  const same = current === m.status;
  return {
    status: m.status,
    completionReason: m.completionReason ?? (same ? existing.completion_reason : null),
    failureStage: m.failureStage ?? (same ? existing.failure_stage : null),
    seenAt: now,
  };
}

/** Meeting rows: the server's view merged with the user's edits, and the name/notes index. */
export class MeetingStore {
  private readonly byRemote: Database.Statement<[string, number]>;
  private readonly insert: Database.Statement;
  private readonly update: Database.Statement;
  private readonly touchHidden: Database.Statement;
  private readonly openEdits: Database.Statement<[number]>;
  private readonly setEditState: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly segments: SegmentStore,
  ) {
    this.byRemote = db.prepare('SELECT * FROM meetings WHERE server_id = ? AND remote_id = ?');
    const cols = `platform, native_id, status, planned, start_time, end_time, created_at, updated_at, name, notes, participants,
      languages, completion_reason, failure_stage, meeting_url, shared, transcript_deleted, data, server_fields, local_fields,
      server_stamp, last_synced_at, status_seen_at`;
    this.insert = db.prepare(
      `INSERT INTO meetings (server_id, remote_id, ${cols}) VALUES (@server_id, @remote_id, ${cols
        .split(',')
        .map((c) => `@${c.trim()}`)
        .join(', ')})`,
    );
    this.update = db.prepare(
      `UPDATE meetings SET ${cols
        .split(',')
        .map((c) => `${c.trim()} = @${c.trim()}`)
        .join(', ')} WHERE id = @id`,
    );
    this.touchHidden = db.prepare('UPDATE meetings SET server_stamp = ?, last_synced_at = ? WHERE id = ?');
    this.openEdits = db.prepare("SELECT id, fields, state, created_at FROM outbox WHERE meeting_id = ? AND state != 'done' ORDER BY id");
    this.setEditState = db.prepare('UPDATE outbox SET state = @state, server_value = @server_value, updated_at = @now WHERE id = @id');
  }

  row(id: number): MeetingRow | undefined {
    return this.db.prepare('SELECT * FROM meetings WHERE id = ?').get(id) as MeetingRow | undefined;
  }

  localId(serverId: string, remoteId: number): number | null {
    return (this.byRemote.get(serverId, remoteId) as MeetingRow | undefined)?.id ?? null;
  }

  /** Call inside a transaction. */
  upsert(serverId: string, m: Meeting, now: number): UpsertOutcome {
    const existing = this.byRemote.get(serverId, m.id) as MeetingRow | undefined;
    const stamp = serverStamp(m);
    if (existing?.hidden_at != null) {
      this.touchHidden.run(stamp, now, existing.id);
      return { id: existing.id, changed: false };
    }
    const incoming = editableOf({
      name: cleanText(m.name),
      notes: cleanText(m.notes),
      participants: m.participants,
      languages: m.languages,
    });
    const edits: OpenEdit[] = existing
      ? (this.openEdits.all(existing.id) as Array<{ id: number; fields: string; state: OutboxState; created_at: number }>).map((e) => ({
          id: e.id,
          fields: parseJson<MeetingPatch>(e.fields, {}),
          state: e.state,
          createdAt: e.created_at,
        }))
      : [];
    const merged = mergeServerValues({
      incoming,
      serverUpdatedAt: m.updatedAt,
      cached: existing
        ? {
            shown: editableOf({
              name: existing.name,
              notes: existing.notes,
              participants: parseJson<string[]>(existing.participants, []),
              languages: parseJson<string[]>(existing.languages, []),
            }),
            server: parseJson<Partial<EditableValues>>(existing.server_fields, {}),
            local: asFields(parseJson<unknown>(existing.local_fields, [])),
          }
        : null,
      edits,
    });
    for (const id of merged.done) this.setEditState.run({ id, state: 'done', server_value: null, now });
    for (const c of merged.conflicts)
      this.setEditState.run({ id: c.id, state: 'conflict', server_value: JSON.stringify(c.serverValues), now });

    const status = statusAfter(existing, m, now);
    const values = {
      server_id: serverId,
      remote_id: m.id,
      platform: m.platform,
      native_id: m.nativeMeetingId,
      status: status.status,
      planned: PLANNED.has(status.status) ? 1 : 0,
      start_time: m.startTime,
      end_time: m.endTime,
      created_at: m.createdAt,
      updated_at: m.updatedAt,
      name: merged.shown.name === '' ? null : merged.shown.name,
      notes: merged.shown.notes === '' ? null : merged.shown.notes,
      participants: JSON.stringify(merged.shown.participants),
      languages: JSON.stringify(merged.shown.languages),
      completion_reason: status.completionReason,
      failure_stage: status.failureStage,
      meeting_url: m.meetingUrl,
      shared: m.shared ? 1 : 0,
      transcript_deleted: m.transcriptDeleted ? 1 : 0,
      data: storedData(m.data),
      server_fields: JSON.stringify(incoming),
      local_fields: JSON.stringify(merged.local),
      server_stamp: stamp,
      last_synced_at: now,
      status_seen_at: status.seenAt,
    };
    let id: number;
    if (existing) {
      id = existing.id;
      this.update.run({ ...values, id });
      this.reindex(id, existing, values);
      this.afterServerChange(existing, m, stamp);
    } else {
      id = Number(this.insert.run(values).lastInsertRowid);
      this.reindex(id, null, values);
    }
    if (m.statusTransitions.length > 0) this.replaceTransitions(id, 'server', m.statusTransitions);
    return { id, changed: !existing || existing.server_stamp !== stamp };
  }

  private afterServerChange(existing: MeetingRow, m: Meeting, stamp: string): void {
    if (m.transcriptDeleted && existing.transcript_deleted === 0) {
      // Deleted on the server (here or elsewhere): the words go from this computer too.
      this.segments.deleteAll(existing.id);
      this.db.prepare("UPDATE meetings SET transcript_state = 'unavailable', segment_count = 0 WHERE id = ?").run(existing.id);
    } else if (existing.transcript_state === 'unavailable' && !m.transcriptDeleted && existing.server_stamp !== stamp) {
      this.db
        .prepare("UPDATE meetings SET transcript_state = 'none', transcript_attempts = 0, transcript_retry_at = NULL WHERE id = ?")
        .run(existing.id);
    }
  }

  /** Keeps the name/notes index in step with the shown values. */
  reindex(
    id: number,
    before: { name: string | null; notes: string | null } | null,
    after: { name: string | null; notes: string | null },
  ): void {
    if (before && before.name === after.name && before.notes === after.notes) return;
    if (before && (before.name !== null || before.notes !== null)) {
      this.db
        .prepare("INSERT INTO meetings_fts (meetings_fts, rowid, name, notes) VALUES ('delete', ?, ?, ?)")
        .run(id, before.name, before.notes);
    }
    if (after.name !== null || after.notes !== null) {
      this.db.prepare('INSERT INTO meetings_fts (rowid, name, notes) VALUES (?, ?, ?)').run(id, after.name, after.notes);
    }
  }

  /** Shows the user's values at once (the outbox sends them). Call inside a transaction. */
  applyEdit(id: number, patch: MeetingPatch, localFields: EditableField[]): void {
    const before = this.row(id);
    if (!before) return;
    const after = {
      name: patch.name !== undefined ? cleanText(patch.name) || null : before.name,
      notes: patch.notes !== undefined ? cleanText(patch.notes) || null : before.notes,
    };
    this.db
      .prepare('UPDATE meetings SET name = ?, notes = ?, participants = ?, languages = ?, local_fields = ? WHERE id = ?')
      .run(
        after.name,
        after.notes,
        patch.participants !== undefined ? JSON.stringify(patch.participants) : before.participants,
        patch.languages !== undefined ? JSON.stringify(patch.languages) : before.languages,
        JSON.stringify(localFields),
        id,
      );
    this.reindex(id, before, after);
  }

  replaceTransitions(id: number, origin: 'server' | 'app', list: readonly StatusTransition[]): void {
    this.db.prepare('DELETE FROM status_transitions WHERE meeting_id = ? AND origin = ?').run(id, origin);
    const ins = this.db.prepare(
      `INSERT INTO status_transitions (meeting_id, origin, seq, from_status, to_status, at, source, reason, completion_reason, failure_stage)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    list.forEach((t, i) => ins.run(id, origin, i, t.from, t.to, t.at, t.source, t.reason, t.completionReason, t.failureStage));
  }

  /** A status this app saw itself (live socket, polling), for servers whose lists carry no trail. */
  appendAppTransition(id: number, t: StatusTransition): boolean {
    const last = this.db
      .prepare("SELECT seq, to_status FROM status_transitions WHERE meeting_id = ? AND origin = 'app' ORDER BY seq DESC LIMIT 1")
      .get(id) as { seq: number; to_status: string } | undefined;
    if (last?.to_status === t.to) return false;
    this.db
      .prepare(
        `INSERT INTO status_transitions (meeting_id, origin, seq, from_status, to_status, at, source, reason, completion_reason, failure_stage)
         VALUES (?, 'app', ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        (last?.seq ?? -1) + 1,
        t.from ?? last?.to_status ?? null,
        t.to,
        t.at,
        t.source,
        t.reason,
        t.completionReason,
        t.failureStage,
      );
    return true;
  }

  /**
   * Removes a meeting from this computer. A tombstone row (no name, notes or data) stays so that
   * the next sync does not bring it back; its words, trail and unsent edits go.
   */
  hide(id: number, now: number): void {
    const before = this.row(id);
    if (!before) return;
    this.segments.deleteAll(id);
    this.reindex(id, before, { name: null, notes: null });
    this.db.prepare('DELETE FROM status_transitions WHERE meeting_id = ?').run(id);
    this.db.prepare('DELETE FROM outbox WHERE meeting_id = ?').run(id);
    // Who took part goes too: a removed meeting must not be found by a person's name.
    this.db.prepare('DELETE FROM meeting_participants WHERE meeting_id = ?').run(id);
    this.db
      .prepare(
        `UPDATE meetings SET hidden_at = ?, name = NULL, notes = NULL, participants = '[]', languages = '[]', data = '{}',
           server_fields = '{}', local_fields = '[]', segment_count = 0, transcript_state = 'none' WHERE id = ?`,
      )
      .run(now, id);
  }

  /** Forgets a row entirely (a planned meeting deleted on the server). Call inside a transaction. */
  remove(id: number, now: number): void {
    this.hide(id, now);
    this.db.prepare('DELETE FROM meetings WHERE id = ?').run(id);
  }

  /**
   * A status seen for this meeting outside a server row (a status frame, a poll of the bots), with
   * the reason it ended where known. Never moves the row back. Call inside a transaction; returns
   * whether what the row shows changed.
   */
  applyStatus(id: number, m: Pick<Meeting, 'status' | 'completionReason' | 'failureStage'>, at: number): boolean {
    const row = this.row(id);
    if (!row || row.hidden_at !== null) return false;
    const next = statusAfter(row, m, at);
    const changed =
      next.status !== row.status || next.completionReason !== row.completion_reason || next.failureStage !== row.failure_stage;
    this.db
      .prepare('UPDATE meetings SET status = ?, planned = ?, completion_reason = ?, failure_stage = ?, status_seen_at = ? WHERE id = ?')
      .run(next.status, PLANNED.has(next.status) ? 1 : 0, next.completionReason, next.failureStage, next.seenAt, id);
    if (next.status === m.status) {
      this.appendAppTransition(id, {
        from: null,
        to: next.status,
        at,
        source: 'app',
        reason: null,
        completionReason: next.completionReason,
        failureStage: next.failureStage,
      });
    }
    return changed;
  }

  /** A row the live pipeline can write into before the list sync has seen the meeting. */
  ensure(serverId: string, m: Meeting, now: number): number {
    return this.localId(serverId, m.id) ?? this.upsert(serverId, m, now).id;
  }
}
