import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import type { Meeting, MeetingStatus, StatusTransition, TranscriptSegment } from '../../../shared/vexa/types';
import { MeetingStore } from './meetingStore';
import { MEETING_COLUMNS, meetingView, type MeetingListRow } from './rows';
import { meetingWhere } from './libraryFilter';
import { removeServerMeetings } from './removeServer';
import { SearchIndex } from './search';
import { SegmentStore } from './segmentStore';
import { SpeakerFixStore } from './speakerFixes';
import { libraryServers, ServerNames, statsServers } from './serverNames';
import { readTimeline } from './timeline';
import type {
  AppendResult,
  CacheStats,
  LibraryFilter,
  LibraryMeeting,
  LibraryServer,
  RemovedMeetings,
  SearchFilters,
  SearchPage,
  SearchResult,
  SegmentView,
  Timeline,
  TranscriptView,
} from './types';

export interface LibraryOptions {
  db: Database.Database;
  /** The database file, for the size shown in settings. */
  file: string;
  now?: () => number;
}

/**
 * The offline library: everything the app shows about past meetings, read from the cache without
 * the network, and the writes that feed it (sync, the live pipeline). One instance serves every
 * server. Methods are async-shaped so the database can move to a worker without touching callers.
 */
export class Library {
  readonly db: Database.Database;
  readonly meetings: MeetingStore;
  readonly segments: SegmentStore;
  /** Speaker corrections: transcripts and search show the corrected names. */
  readonly speakers: SpeakerFixStore;
  private readonly index: SearchIndex;
  private readonly names: ServerNames;
  private readonly file: string;
  readonly now: () => number;

  constructor(options: LibraryOptions) {
    this.db = options.db;
    this.file = options.file;
    this.now = options.now ?? Date.now;
    this.segments = new SegmentStore(this.db);
    this.meetings = new MeetingStore(this.db, this.segments);
    this.names = new ServerNames(this.db);
    this.speakers = new SpeakerFixStore(this.db);
    this.index = new SearchIndex(this.db, this.names, (prefix) => this.segments.terms.expand(prefix), this.speakers);
  }

  async list(filter: LibraryFilter = {}): Promise<LibraryMeeting[]> {
    const params: Record<string, unknown> = {
      limit: Math.max(1, Math.min(100_000, Math.floor(filter.limit ?? 100_000))),
      offset: Math.max(0, Math.floor(filter.offset ?? 0)),
    };
    const where = [meetingWhere(filter, params)];
    const planned = filter.planned ?? 'exclude';
    if (planned !== 'include') where.push(planned === 'only' ? 'm.planned = 1' : 'm.planned = 0');
    const rows = this.db
      .prepare(
        `SELECT ${MEETING_COLUMNS} FROM meetings m WHERE ${where.join(' AND ')}
         ORDER BY coalesce(m.start_time, m.created_at, 0) DESC, m.id DESC LIMIT @limit OFFSET @offset`,
      )
      .all(params) as MeetingListRow[];
    const label = this.names.snapshot();
    return rows.map((r) => meetingView(r, label));
  }

  async meeting(id: number): Promise<LibraryMeeting | null> {
    const row = this.db.prepare(`SELECT ${MEETING_COLUMNS} FROM meetings m WHERE m.id = ? AND m.hidden_at IS NULL`).get(id);
    return row ? meetingView(row as MeetingListRow, this.names.snapshot()) : null;
  }

  async transcript(id: number): Promise<TranscriptView | null> {
    return this.db.transaction(() => {
      const row = this.db.prepare(`SELECT ${MEETING_COLUMNS} FROM meetings m WHERE m.id = ? AND m.hidden_at IS NULL`).get(id);
      if (!row) return null;
      const meeting = meetingView(row as MeetingListRow, this.names.snapshot());
      return { meeting, segments: this.speakers.apply(meeting.serverId, meeting.remoteId, this.segments.list(id)) };
    })();
  }

  /** A window of a meeting's transcript around one segment (see `SegmentStore.around`); null when either is gone. */
  async transcriptAround(
    id: number,
    key: string,
    lines: number,
  ): Promise<{ segments: SegmentView[]; before: number; after: number } | null> {
    return this.db.transaction(() => {
      const shown = this.db.prepare('SELECT server_id, remote_id FROM meetings WHERE id = ? AND hidden_at IS NULL').get(id) as
        { server_id: string; remote_id: number } | undefined;
      const around = shown ? this.segments.around(id, key, lines) : null;
      return shown && around ? { ...around, segments: this.speakers.apply(shown.server_id, shown.remote_id, around.segments) } : null;
    })();
  }

  /** The server's status trail where the server gave one, else the statuses this app saw. */
  async timeline(id: number): Promise<Timeline> {
    return readTimeline(this.db, id);
  }

  async search(query: string, filters?: SearchFilters, page?: SearchPage): Promise<SearchResult> {
    return this.index.search(query, filters, page);
  }

  async localId(serverId: string, remoteId: number): Promise<number | null> {
    return this.meetings.localId(serverId, remoteId);
  }

  /** The servers whose meeting this is (server row id, platform and native id), for a request that names no server. */
  async serversHolding(platform: string, nativeMeetingId: string, remoteId: number): Promise<string[]> {
    return this.db
      .prepare('SELECT server_id FROM meetings WHERE remote_id = ? AND platform = ? AND native_id = ? AND hidden_at IS NULL')
      .pluck()
      .all(remoteId, platform, nativeMeetingId) as string[];
  }

  /** Rows from the server, merged with the user's edits (see editMerge.ts). */
  async upsertMeetings(serverId: string, list: readonly Meeting[]): Promise<Array<{ id: number; changed: boolean }>> {
    const now = this.now();
    return this.db.transaction(() => list.map((m) => this.meetings.upsert(serverId, m, now)))();
  }

  /** The local id of a server meeting, creating its row when the cache has not seen it yet. */
  async ensureMeeting(serverId: string, meeting: Meeting): Promise<number> {
    return this.db.transaction(() => this.meetings.ensure(serverId, meeting, this.now()))();
  }

  /**
   * One batch from the live pipeline or a transcript page, in one transaction: merged by segment
   * key, drafts stored unconfirmed and replaced when they settle. Resolves after the commit.
   */
  async appendSegments(meetingId: number, segments: readonly TranscriptSegment[]): Promise<AppendResult> {
    return this.db.transaction(() => this.merge(meetingId, segments))();
  }

  /**
   * One batch of live captions for a meeting the cache may not know yet (its row is made from
   * what the app tracks), in one transaction; returns the local id. Synchronous on purpose, unlike
   * the rest of this class: the last batch is written while the app closes, and when the OS ends
   * the session the process may be gone as soon as that handler returns (Windows `session-end`).
   */
  storeLive(serverId: string, meeting: Meeting, segments: readonly TranscriptSegment[]): number {
    return this.db.transaction(() => {
      const id = this.meetings.ensure(serverId, meeting, this.now());
      this.merge(id, segments);
      return id;
    })();
  }

  /**
   * A status the app saw for one of its bots (a status frame or a poll), written at once: the
   * library does not wait for the next sync to say a meeting ended, and a bot that failed before
   * anything was said still gets its row, with the reason. Never moves a status back. Synchronous
   * like `storeLive`; returns the local id and whether the row's status or reason changed.
   */
  recordBotStatus(serverId: string, meeting: Meeting, at: number): { id: number; changed: boolean } {
    return this.db.transaction(() => {
      const known = this.meetings.localId(serverId, meeting.id);
      const id = known ?? this.meetings.ensure(serverId, meeting, this.now());
      const changed = this.meetings.applyStatus(id, meeting, at);
      return { id, changed: changed || known === null };
    })();
  }

  private merge(meetingId: number, segments: readonly TranscriptSegment[]): AppendResult {
    const result = this.segments.merge(meetingId, segments);
    if (result.inserted > 0) {
      this.db
        .prepare(
          `UPDATE meetings SET segment_count = segment_count + ?,
             transcript_state = CASE WHEN transcript_state IN ('none', 'unavailable') THEN 'partial' ELSE transcript_state END
           WHERE id = ?`,
        )
        .run(result.inserted, meetingId);
    }
    return result;
  }

  /** The whole transcript as the server has it: drafts and stale keys go. */
  async replaceTranscript(meetingId: number, segments: readonly TranscriptSegment[], options: { complete: boolean }): Promise<void> {
    const now = this.now();
    this.db.transaction(() => {
      this.segments.deleteAll(meetingId);
      this.segments.merge(meetingId, segments);
      this.db
        .prepare(
          `UPDATE meetings SET segment_count = ?, transcript_state = ?, transcript_synced_at = ?, transcript_attempts = 0,
             transcript_retry_at = NULL, transcript_error = NULL WHERE id = ?`,
        )
        .run(this.segments.count(meetingId), options.complete ? 'complete' : 'partial', now, meetingId);
    })();
  }

  /** A status this app saw (live socket or polling), for the timeline of servers whose lists carry none. */
  async recordStatus(meetingId: number, status: MeetingStatus, at: number, extra: Partial<StatusTransition> = {}): Promise<void> {
    this.db.transaction(() => {
      this.meetings.appendAppTransition(meetingId, {
        from: extra.from ?? null,
        to: status,
        at,
        source: extra.source ?? 'app',
        reason: extra.reason ?? null,
        completionReason: extra.completionReason ?? null,
        failureStage: extra.failureStage ?? null,
      });
    })();
  }

  /** Removes the meeting from this computer only; the server keeps it and sync will not bring it back. */
  async deleteLocal(id: number): Promise<void> {
    this.db.transaction(() => this.meetings.hide(id, this.now()))();
  }

  /**
   * Takes every meeting of one server off this computer (transcripts, indexes, trails, edits and
   * sync marks with them) in one transaction: the demo's meetings when the demo ends, a server's
   * when it is removed without keeping them. The server's record stays. See removeServer.ts.
   */
  async removeServerMeetings(serverId: string): Promise<RemovedMeetings> {
    return removeServerMeetings(this.db, serverId);
  }

  /** The servers this computer holds meetings of, named, with their counts (the most first). */
  async servers(): Promise<LibraryServer[]> {
    return libraryServers(this.db);
  }

  async stats(): Promise<CacheStats> {
    const one = <T>(sql: string): T => this.db.prepare(sql).get() as T;
    const counts = one<{ meetings: number; planned: number; transcripts: number; segments: number }>(
      `SELECT count(*) FILTER (WHERE planned = 0) AS meetings, count(*) FILTER (WHERE planned = 1) AS planned,
         count(*) FILTER (WHERE transcript_state = 'complete') AS transcripts, coalesce(sum(segment_count), 0) AS segments
       FROM meetings WHERE hidden_at IS NULL`,
    );
    const pending = one<{ n: number }>(
      "SELECT count(*) AS n FROM outbox WHERE state IN ('pending', 'sending', 'failed', 'conflict', 'local')",
    );
    const servers = statsServers(this.db);
    let bytes = 0;
    for (const suffix of ['', '-wal']) {
      try {
        bytes += statSync(this.file + suffix).size;
      } catch {
        // No WAL right after a checkpoint.
      }
    }
    return {
      file: this.file,
      bytes,
      meetings: counts.meetings,
      plannedMeetings: counts.planned,
      transcripts: counts.transcripts,
      segments: counts.segments,
      pendingEdits: pending.n,
      servers,
    };
  }

  /**
   * Gives the cache file's free pages back to the disk (the file is in incremental auto-vacuum
   * mode, see database.ts), then moves the write-ahead log into the file so it shrinks now.
   * Cheap when nothing is free; never throws (a full or read-only disk keeps its pages).
   */
  reclaimFreePages(): void {
    try {
      if ((this.db.pragma('freelist_count', { simple: true }) as number) === 0) return;
      this.db.pragma('incremental_vacuum');
      this.db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // The pages stay free inside the file and are reused by the next writes.
    }
  }

  /**
   * Empties the library (meetings, transcripts, trails, unsent edits, sync marks) and gives the
   * space back to the disk. Known servers stay, so the next sync refills it.
   */
  async clear(): Promise<void> {
    this.db.transaction(() => {
      for (const table of ['outbox', 'status_transitions', 'segments', 'meetings', 'sync_state', 'segment_terms'])
        this.db.exec(`DELETE FROM ${table}`);
      this.db.exec(
        "INSERT INTO segments_fts (segments_fts) VALUES ('delete-all'); INSERT INTO meetings_fts (meetings_fts) VALUES ('delete-all')",
      );
    })();
    this.segments.terms.forget();
    this.db.exec('VACUUM');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
