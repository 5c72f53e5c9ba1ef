import { UserFacingError } from '../../../shared/ipc/dispatch';
import { isVexaError } from '../../../shared/vexa/errors';
import type { MeetingPatch } from '../../../shared/vexa/types';
import type { VexaClient } from '../vexa/client';
import { pruneFinished, serverFieldsOf, standingFinished } from './finishedEdits';
import { LinkTargets, sendEditByLink } from './recurringLinks';
import type { Library } from './library';
import { asFields, parseJson, type MeetingRow } from './rows';
import { EDITABLE_FIELDS, type EditableField, type OutboxEdit, type OutboxState } from './types';

interface OutboxRow {
  id: number;
  meeting_id: number;
  server_id: string;
  fields: string;
  base: string;
  state: OutboxState;
  attempts: number;
  last_error: string | null;
  server_value: string | null;
  created_at: number;
  updated_at: number;
}

export interface ReplayReport {
  sent: number;
  failed: number;
  /** Edits kept here: the server cannot take them (G3, no link) or reaches another meeting with them. */
  local: number;
  /** Still waiting (the server went away during the replay). */
  pending: number;
  error: { code: string; message: string } | null;
}

/**
 * Answers that mean the server understood the edit and will not take it. Anything else (down,
 * a proxy page, a key to fix) keeps the edit queued and stops the replay so the order holds.
 */
const REFUSED: ReadonlySet<string> = new Set(['validation', 'not_found', 'conflict', 'forbidden', 'unsupported']);
const OPEN: OutboxState[] = ['pending', 'sending', 'failed', 'conflict', 'local'];
/**
 * How long a field edited here keeps reading "Saved" once its edit went through: long enough to
 * come back to the meeting after a weekend; after that the field speaks for itself.
 */
export const FINISHED_SHOWN_FOR_MS = 7 * 24 * 3_600_000;
const SELECT = 'SELECT o.*, m.server_id FROM outbox o JOIN meetings m ON m.id = o.meeting_id';

function toEdit(r: OutboxRow): OutboxEdit {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    serverId: r.server_id,
    fields: parseJson<MeetingPatch>(r.fields, {}),
    state: r.state,
    attempts: r.attempts,
    lastError: r.last_error,
    // A finished edit keeps what the server answered (see finishedEdits.ts), which is no conflict.
    serverValues: r.server_value === null || r.state === 'done' ? null : parseJson<MeetingPatch>(r.server_value, {}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function cleanList(list: readonly string[], lower = false): string[] {
  const out = list.map((s) => (lower ? s.trim().toLowerCase() : s.trim())).filter((s) => s !== '');
  return [...new Set(out)];
}

/** Only the four editable keys, trimmed; lists without blanks or repeats. */
export function normalisePatch(patch: MeetingPatch): MeetingPatch {
  const out: MeetingPatch = {};
  if (typeof patch.name === 'string') out.name = patch.name.trim();
  if (typeof patch.notes === 'string') out.notes = patch.notes;
  if (Array.isArray(patch.participants)) out.participants = cleanList(patch.participants);
  if (Array.isArray(patch.languages)) out.languages = cleanList(patch.languages, true);
  return out;
}

/**
 * Edits of name, notes, participants and languages: shown at once, stored in order, and sent
 * with `PATCH /meetings/{platform}/{native_id}` when the server can take them (G1/G2) and the
 * meeting is the newest on its link (see recurringLinks.ts). G3 cannot rename a meeting that
 * happened, and a link route cannot reach an older meeting of a recurring link: there the edit
 * stays on this computer, marked `local` with the reason, and counts as done only when the server
 * answered for this very meeting. The conflict rule is in editMerge.ts.
 */
export class OutboxService {
  private readonly replaying = new Map<string, Promise<ReplayReport>>();

  constructor(private readonly library: Library) {}

  private get db() {
    return this.library.db;
  }

  private canSend(serverId: string, meeting: Pick<MeetingRow, 'native_id'>): boolean {
    const row = this.db.prepare('SELECT capabilities FROM servers WHERE id = ?').get(serverId) as { capabilities: string } | undefined;
    const caps = parseJson<{ meetingEdit?: boolean }>(row?.capabilities, {});
    return caps.meetingEdit !== false && meeting.native_id !== null;
  }

  async edit(meetingId: number, rawPatch: MeetingPatch): Promise<OutboxEdit> {
    const patch = normalisePatch(rawPatch);
    const keys = Object.keys(patch) as EditableField[];
    if (keys.length === 0)
      throw new UserFacingError('invalid_edit', 'There is nothing to change: edit the name, notes, participants or languages.');
    const now = this.library.now();
    const id = this.db.transaction(() => {
      const row = this.library.meetings.row(meetingId);
      if (!row || row.hidden_at !== null) throw new UserFacingError('not_found', 'This meeting is no longer in the library.');
      const state: OutboxState = this.canSend(row.server_id, row) ? 'pending' : 'local';
      const server = parseJson<MeetingPatch>(row.server_fields, {});
      const base = Object.fromEntries(keys.map((k) => [k, server[k] ?? null]));
      const latest = this.db.prepare('SELECT * FROM outbox WHERE meeting_id = ? ORDER BY id DESC LIMIT 1').get(meetingId) as
        OutboxRow | undefined;
      let editId: number;
      // An edit kept here because a newer meeting held the link is asked about again with this one.
      const recheck = latest?.state === 'local' && latest.last_error !== null && state === 'pending';
      if (latest && (latest.state === state || recheck)) {
        // Typing into a field produces many edits; the server only needs the last value.
        const fields = { ...parseJson<MeetingPatch>(latest.fields, {}), ...patch };
        const merged = { ...base, ...parseJson<MeetingPatch>(latest.base, {}) };
        this.db
          .prepare('UPDATE outbox SET fields = ?, base = ?, state = ?, last_error = ?, updated_at = ? WHERE id = ?')
          .run(JSON.stringify(fields), JSON.stringify(merged), state, recheck ? null : latest.last_error, now, latest.id);
        editId = latest.id;
      } else {
        editId = Number(
          this.db
            .prepare('INSERT INTO outbox (meeting_id, fields, base, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
            .run(meetingId, JSON.stringify(patch), JSON.stringify(base), state, now, now).lastInsertRowid,
        );
      }
      const local = new Set([...asFields(parseJson<unknown>(row.local_fields, [])), ...keys]);
      this.library.meetings.applyEdit(
        meetingId,
        patch,
        EDITABLE_FIELDS.filter((f) => local.has(f)),
      );
      return editId;
    })();
    return (await this.get(id))!;
  }

  async get(id: number): Promise<OutboxEdit | null> {
    const row = this.db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as OutboxRow | undefined;
    return row ? toEdit(row) : null;
  }

  /**
   * Edits in order; by default only those not done yet. `finished: 'standing'` adds, for each
   * field, its latest finished edit while it still stands (see finishedEdits.ts), narrowed to the fields
   * it still speaks for: what lets a field read "Saved" after the app restarts.
   */
  async list(filter: { meetingId?: number; serverId?: string; includeDone?: boolean; finished?: 'standing' } = {}): Promise<OutboxEdit[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (!filter.includeDone && !filter.finished) where.push(`o.state IN (${OPEN.map((s) => `'${s}'`).join(', ')})`);
    if (filter.meetingId !== undefined) {
      where.push('o.meeting_id = ?');
      params.push(filter.meetingId);
    }
    if (filter.serverId !== undefined) {
      where.push('m.server_id = ?');
      params.push(filter.serverId);
    }
    const sql = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY o.id`;
    const rows = this.db.prepare(sql).all(...params) as OutboxRow[];
    if (filter.includeDone || !filter.finished) return rows.map(toEdit);
    const kept = standingFinished(rows, serverFieldsOf(this.db, rows), this.library.now(), FINISHED_SHOWN_FOR_MS);
    return rows.flatMap((r) => {
      if (r.state !== 'done') return [toEdit(r)];
      const fields = kept.get(r.id);
      return fields ? [{ ...toEdit(r), fields }] : [];
    });
  }

  /** Forgets finished edits that no longer stand: at most one per meeting and field stays. */
  pruneFinished(): number {
    return pruneFinished(this.db, this.library.now(), FINISHED_SHOWN_FOR_MS);
  }

  /**
   * For a conflict or a failed edit: `keep-mine` queues the user's value again (it will replace
   * the server's); `use-server` drops the edit and shows the server's value.
   */
  async resolve(editId: number, choice: 'keep-mine' | 'use-server'): Promise<OutboxEdit | null> {
    const now = this.library.now();
    this.db.transaction(() => {
      const edit = this.db.prepare(`${SELECT} WHERE o.id = ?`).get(editId) as OutboxRow | undefined;
      if (!edit || edit.state === 'done' || edit.state === 'sending') return;
      const meeting = this.library.meetings.row(edit.meeting_id);
      if (!meeting) return;
      const fields = parseJson<MeetingPatch>(edit.fields, {});
      if (choice === 'keep-mine') {
        // The server value the user has now seen becomes the base: it is not a conflict again.
        const seen = edit.server_value ?? '{}';
        this.db.prepare('UPDATE meetings SET server_fields = json_patch(server_fields, ?) WHERE id = ?').run(seen, meeting.id);
        const state: OutboxState = this.canSend(meeting.server_id, meeting) ? 'pending' : 'local';
        this.db
          .prepare('UPDATE outbox SET state = ?, server_value = NULL, last_error = NULL, updated_at = ? WHERE id = ?')
          .run(state, now, editId);
        return;
      }
      this.db.prepare('DELETE FROM outbox WHERE id = ?').run(editId);
      const server = parseJson<MeetingPatch>(meeting.server_fields, {});
      const stillEdited = new Set(
        (
          this.db.prepare("SELECT fields FROM outbox WHERE meeting_id = ? AND state != 'done'").all(meeting.id) as Array<{ fields: string }>
        ).flatMap((r) => Object.keys(parseJson<MeetingPatch>(r.fields, {}))),
      );
      const restore: MeetingPatch = {};
      for (const f of Object.keys(fields) as EditableField[]) {
        if (stillEdited.has(f)) continue;
        (restore as Record<string, unknown>)[f] = server[f] ?? (f === 'participants' || f === 'languages' ? [] : '');
      }
      const local = asFields(parseJson<unknown>(meeting.local_fields, [])).filter((f) => stillEdited.has(f) || !(f in restore));
      this.library.meetings.applyEdit(meeting.id, restore, local);
    })();
    return this.get(editId);
  }

  /**
   * Sends the server's queued edits in order. A server that is down stops the replay (the order
   * is kept for next time); an edit the server refuses is marked failed with its reason and the
   * rest continue. Never throws.
   */
  replay(target: { serverId: string; client: VexaClient }, signal?: AbortSignal): Promise<ReplayReport> {
    // One replay per server at a time: a second caller joins it instead of sending twice.
    const running = this.replaying.get(target.serverId);
    if (running) return running;
    const promise = this.replayOnce(target, signal).finally(() => this.replaying.delete(target.serverId));
    this.replaying.set(target.serverId, promise);
    return promise;
  }

  private async replayOnce(target: { serverId: string; client: VexaClient }, signal?: AbortSignal): Promise<ReplayReport> {
    const report: ReplayReport = { sent: 0, failed: 0, local: 0, pending: 0, error: null };
    const { serverId, client } = target;
    this.pruneFinished();
    // No replay runs now, so an edit still `sending` was cut off (the app stopped): PATCH is
    // idempotent, it is sent again.
    this.db
      .prepare(
        `UPDATE outbox SET state = 'pending' WHERE state = 'sending' AND meeting_id IN (SELECT id FROM meetings WHERE server_id = ?)`,
      )
      .run(serverId);
    const next = this.db.prepare(`${SELECT} WHERE o.state = 'pending' AND m.server_id = ? ORDER BY o.id LIMIT 1`);
    const setState = this.db.prepare('UPDATE outbox SET state = ?, last_error = ?, updated_at = ? WHERE id = ?');
    const targets = new LinkTargets(client);
    for (;;) {
      if (signal?.aborted) break;
      const edit = next.get(serverId) as OutboxRow | undefined;
      if (!edit) break;
      const meeting = this.library.meetings.row(edit.meeting_id);
      if (!meeting || !client.capabilities.meetingEdit || meeting.native_id === null) {
        setState.run('local', null, this.library.now(), edit.id);
        report.local++;
        continue;
      }
      this.db
        .prepare("UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ?")
        .run(this.library.now(), edit.id);
      const fields = parseJson<MeetingPatch>(edit.fields, {});
      const linked = { remote_id: meeting.remote_id, platform: meeting.platform, native_id: meeting.native_id };
      try {
        const outcome = await sendEditByLink(client, targets, linked, fields, { signal });
        if (outcome.kind === 'local') {
          this.db.transaction(() => {
            setState.run('local', outcome.reason, this.library.now(), edit.id);
            // What the server holds now for the meeting it did change.
            if (outcome.updated) this.library.meetings.upsert(serverId, outcome.updated, this.library.now());
          })();
          report.local++;
          continue;
        }
        const { updated } = outcome;
        this.db.transaction(() => {
          setState.run('done', null, this.library.now(), edit.id);
          // Our own change is the server's new baseline, not a change made elsewhere.
          this.db
            .prepare('UPDATE meetings SET server_fields = json_patch(server_fields, ?) WHERE id = ?')
            .run(JSON.stringify(fields), meeting.id);
          this.library.meetings.upsert(serverId, updated, this.library.now());
          // What the server holds now, which may be its own wording of ours: "Saved" lasts while it does.
          const held = parseJson<MeetingPatch>(this.library.meetings.row(meeting.id)?.server_fields, {});
          const answer = Object.fromEntries(Object.keys(fields).map((f) => [f, held[f as EditableField] ?? null]));
          this.db.prepare('UPDATE outbox SET server_value = ? WHERE id = ?').run(JSON.stringify(answer), edit.id);
        })();
        report.sent++;
      } catch (e) {
        const code = isVexaError(e) ? e.code : 'unknown';
        const message = isVexaError(e) ? e.userMessage : String(e);
        if (!REFUSED.has(code)) {
          setState.run('pending', message, this.library.now(), edit.id);
          report.error = { code, message };
          break;
        }
        setState.run('failed', message, this.library.now(), edit.id);
        report.failed++;
      }
    }
    report.pending = (
      this.db
        .prepare(`SELECT count(*) AS n FROM outbox o JOIN meetings m ON m.id = o.meeting_id WHERE o.state = 'pending' AND m.server_id = ?`)
        .get(serverId) as {
        n: number;
      }
    ).n;
    return report;
  }
}
