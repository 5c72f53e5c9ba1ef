import { UserFacingError } from '../../../shared/ipc/dispatch';
import { isVexaError } from '../../../shared/vexa/errors';
import type { Meeting } from '../../../shared/vexa/types';
import type { Clock, Logger } from '../ports';
import type { VexaClient } from '../vexa/client';
import { meetingOnLink } from '../vexa/linkTarget';
import type { Library } from './library';
import type { OutboxService, ReplayReport } from './outbox';
import { LINK_MESSAGES } from './recurringLinks';
import { reconcileInFlight } from './reconcile';
import { SyncStore } from './syncStore';
import { TranscriptSync, type FetchOutcome } from './transcriptSync';
import type { LibraryEvents, LibraryMeeting, SyncPhase, SyncState, TranscriptProgress } from './types';

export interface SyncOptions {
  /** Rows per `GET /meetings` page on servers that page (G2 optional, G3 50 by default). */
  pageSize?: number;
  /** Transcript requests in flight at once. */
  concurrency?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** An incremental sync stops at the first unchanged page; a full pass reads every page this often. */
  fullSyncEveryMs?: number;
  maxPages?: number;
}

export interface SyncDeps {
  library: Library;
  outbox: OutboxService;
  serverId: string;
  client: VexaClient;
  clock: Clock;
  logger: Logger;
  events?: LibraryEvents;
  options?: SyncOptions;
}

/** `serverKept`: removed from this computer only; `message` says why the server still has it. */
export type DeleteOutcome = { serverKept: false } | { serverKept: true; message: string };

export type OpenOutcome =
  { ok: true; meeting: LibraryMeeting | null } | { ok: false; error: { code: string; message: string }; meeting: LibraryMeeting | null };

/** Errors the user has to act on (a new key, a scope); retrying on a timer would not help. */
const NEEDS_USER = new Set(['unauthorized', 'missing_scope', 'forbidden', 'unsupported']);
// A gateway whose backend is down (502/503/504) is as good as offline for reading the library.
const OFFLINE = new Set(['unreachable', 'timeout', 'tls', 'upstream_down']);

/**
 * Keeps one server's part of the library in step: the meeting list on start and on reconnect
 * (incremental: paging stops at the first page whose rows are all unchanged), the outbox, and the
 * transcripts of finished meetings in the background. Nothing here throws to the caller or waits
 * on the network before the cache can be read; failures become the state and a later retry.
 */
export class SyncService {
  private readonly store: SyncStore;
  readonly transcripts: TranscriptSync;
  private readonly o: Required<SyncOptions>;
  private current: SyncState;
  private running: Promise<SyncState> | null = null;
  private failures = 0;
  private timers: Array<{ cancel(): void }> = [];
  private retry: { cancel(): void } | null = null;
  private closed = false;

  constructor(private readonly d: SyncDeps) {
    this.store = new SyncStore(d.library.db);
    this.o = {
      pageSize: 50,
      concurrency: 2,
      retryBaseMs: 5_000,
      retryMaxMs: 5 * 60_000,
      fullSyncEveryMs: 24 * 3_600_000,
      maxPages: 400,
      ...d.options,
    };
    this.transcripts = new TranscriptSync({
      library: d.library,
      store: this.store,
      serverId: d.serverId,
      client: d.client,
      clock: d.clock,
      logger: d.logger,
      concurrency: this.o.concurrency,
      backoff: (n) => this.backoff(n),
      onProgress: (p) => this.progress(p),
      onChanged: (ids) => d.events?.changed?.({ serverId: d.serverId, meetingIds: ids }),
    });
    const marks = this.store.marks(d.serverId);
    this.current = {
      serverId: d.serverId,
      phase: 'idle',
      lastSyncedAt: marks.last_sync_at,
      error: null,
      retryAt: null,
      transcripts: this.transcripts.state,
    };
  }

  state(): SyncState {
    return { ...this.current, transcripts: this.transcripts.state };
  }

  private setState(patch: Partial<SyncState>): SyncState {
    this.current = { ...this.current, ...patch, transcripts: this.transcripts.state };
    this.d.events?.syncState?.(this.state());
    return this.state();
  }

  private progress(p: TranscriptProgress): void {
    this.d.events?.progress?.({ ...p, serverId: this.d.serverId });
    this.current = { ...this.current, transcripts: p };
  }

  private backoff(attempt: number): number {
    return Math.min(this.o.retryMaxMs, this.o.retryBaseMs * 2 ** Math.max(0, attempt - 1));
  }

  private later(ms: number, fn: () => void): { cancel(): void } | null {
    if (this.closed) return null;
    const t = this.d.clock.setTimeout(() => {
      this.timers = this.timers.filter((x) => x !== t);
      fn();
    }, ms);
    this.timers.push(t);
    return t;
  }

  /**
   * Lists meetings, replays queued edits, then starts fetching missing transcripts in the
   * background. Joins a pass already running. Resolves with the state; never rejects.
   */
  run(options: { full?: boolean } = {}): Promise<SyncState> {
    if (this.closed) return Promise.resolve(this.state());
    this.running ??= this.pass(options.full === true).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * A pass that reads the server after this call (a bot just ended, the cache was emptied): a pass
   * already running read it before, so another runs once that one ends. Never rejects.
   */
  async runFresh(options: { full?: boolean } = {}): Promise<SyncState> {
    if (this.running) await this.running;
    return this.run(options);
  }

  private async pass(forceFull: boolean): Promise<SyncState> {
    const now = this.d.clock.now();
    this.retry?.cancel();
    this.retry = null;
    this.setState({ phase: 'syncing', retryAt: null });
    try {
      const { changed, seen } = await this.listPass(forceFull);
      if (this.closed) return this.state();
      changed.push(...(await reconcileInFlight({ ...this.d, seen })));
      this.failures = 0;
      if (changed.length > 0) this.d.events?.changed?.({ serverId: this.d.serverId, meetingIds: changed });
      const replay = await this.replayOutbox();
      const state = this.setState({ phase: 'idle', error: null, lastSyncedAt: this.store.marks(this.d.serverId).last_sync_at });
      if (replay.error) this.d.logger.info('Edits wait for the server', { code: replay.error.code, pending: replay.pending });
      this.startTranscripts();
      return state;
    } catch (e) {
      // The app closed the cache while the server was answering: nothing is left to record.
      if (this.closed) return this.state();
      const code = isVexaError(e) ? e.code : 'cache_error';
      const message = isVexaError(e) ? e.userMessage : 'The local library could not be updated.';
      if (!isVexaError(e)) this.d.logger.error('Sync failed', { error: String(e) });
      this.store.recordAttempt(this.d.serverId, now, { ok: false, error: code });
      this.failures++;
      const retry = !NEEDS_USER.has(code) && code !== 'cancelled';
      const retryAt = retry ? this.d.clock.now() + this.backoff(this.failures) : null;
      if (retryAt !== null) this.retry = this.later(retryAt - this.d.clock.now(), () => void this.run());
      const phase: SyncPhase = OFFLINE.has(code) ? 'offline' : 'error';
      return this.setState({ phase, error: { code, message }, retryAt });
    }
  }

  /** Returns the local ids of rows that are new or changed, and the remote ids read. */
  private async listPass(forceFull: boolean): Promise<{ changed: number[]; seen: Set<number> }> {
    const { client, library, serverId } = this.d;
    const marks = this.store.marks(serverId);
    const now = this.d.clock.now();
    const full = forceFull || marks.last_full_sync_at === null || now - marks.last_full_sync_at >= this.o.fullSyncEveryMs;
    const seen = new Set<number>();
    const changed: number[] = [];
    let complete = false;
    const take = async (rows: Meeting[]): Promise<boolean> => {
      const fresh = rows.filter((m) => !seen.has(m.id));
      for (const m of fresh) seen.add(m.id);
      const outcomes = await library.upsertMeetings(serverId, fresh);
      for (const o of outcomes) if (o.changed) changed.push(o.id);
      return outcomes.some((o) => o.changed);
    };

    if (!client.capabilities.pagedMeetings) {
      // G1 answers every meeting in one response and ignores paging.
      await take((await client.listMeetings()).meetings);
      complete = true;
    } else {
      let offset = 0;
      for (let page = 0; page < this.o.maxPages; page++) {
        const { meetings, hasMore } = await client.listMeetings({ limit: this.o.pageSize, offset });
        const anyChanged = await take(meetings);
        if (!hasMore || meetings.length === 0) {
          complete = true;
          break;
        }
        if (!full && !anyChanged) break;
        // New meetings shift the pages while we read them; `seen` keeps each row once.
        offset += meetings.length;
      }
    }
    if (complete) {
      const gone = this.store.forgetPlanned(serverId, seen);
      if (gone.length > 0) library.db.transaction(() => gone.forEach((id) => library.meetings.remove(id, now)))();
    }
    this.store.recordAttempt(serverId, this.d.clock.now(), { ok: true, full: full && complete });
    return { changed, seen };
  }

  private startTranscripts(): void {
    void this.transcripts.run().then(() => {
      if (this.closed) return;
      // Transcripts fetched whole replace what a live meeting stored line by line.
      this.d.library.reclaimFreePages();
      try {
        const at = this.store.nextRetryAt(this.d.serverId);
        if (at !== null) this.later(Math.max(0, at - this.d.clock.now()), () => this.startTranscripts());
      } catch (e) {
        this.d.logger.warn('Could not plan the next transcript fetch', { error: String(e) });
      }
    });
  }

  /** Fetches missing transcripts now (also started by `run`). Never rejects. */
  fetchTranscripts(signal?: AbortSignal): Promise<TranscriptProgress> {
    return this.transcripts.run(signal);
  }

  cancelTranscripts(): void {
    this.transcripts.cancel();
  }

  replayOutbox(signal?: AbortSignal): Promise<ReplayReport> {
    return this.d.outbox.replay({ serverId: this.d.serverId, client: this.d.client }, signal);
  }

  /**
   * When a meeting is opened: its details (status trail) where the server serves them by id, and
   * its transcript unless the cache holds the final one. The cached copy is shown meanwhile.
   */
  async openMeeting(localId: number, signal?: AbortSignal): Promise<OpenOutcome> {
    const { client, library } = this.d;
    const target = this.store.target(localId);
    if (!target || target.server_id !== this.d.serverId) return { ok: true, meeting: await library.meeting(localId) };
    let outcome: FetchOutcome = { ok: true };
    try {
      if (client.capabilities.meetingById)
        await library.upsertMeetings(this.d.serverId, [await client.getMeeting(target.remote_id, { signal })]);
    } catch (e) {
      outcome = { ok: false, code: isVexaError(e) ? e.code : 'unknown', message: isVexaError(e) ? e.userMessage : String(e) };
    }
    const fresh = this.store.target(localId);
    if (
      outcome.ok &&
      fresh &&
      fresh.transcript_state !== 'complete' &&
      fresh.transcript_deleted === 0 &&
      fresh.status !== 'idle' &&
      fresh.status !== 'scheduled'
    ) {
      outcome = await this.transcripts.fetch(fresh, signal);
    }
    const meeting = await library.meeting(localId);
    return outcome.ok ? { ok: true, meeting } : { ok: false, error: { code: outcome.code, message: outcome.message }, meeting };
  }

  /**
   * Deletes on the server, then here. A finished meeting loses its transcript and recordings there
   * (every generation keeps an anonymised row; a tombstone here keeps sync from bringing it back).
   * A G3 plan goes outright, here too. G3 is reached by row id (`DELETE /meetings/{id}`), so an
   * older meeting of a recurring link is deleted and not the newest; G1/G2 only by link, which
   * reaches the newest meeting on it: an older one is removed from this computer only and the
   * outcome says so. Throws a VexaError the user can read when the server refuses (running: 409).
   */
  async deleteFromServer(localId: number): Promise<DeleteOutcome> {
    const { client, library } = this.d;
    const row = library.meetings.row(localId);
    if (!row || row.hidden_at !== null) throw new UserFacingError('not_found', 'This meeting is no longer in the library.');
    if (row.server_id !== this.d.serverId)
      throw new UserFacingError('other_server', 'Connect to the server this meeting came from to delete it there.');
    const planned = row.planned === 1;
    if (planned && row.native_id === null && !client.deletesById) {
      throw new UserFacingError(
        'unsupported',
        'This server version cannot delete a planned meeting that has no meeting link; delete it where it was planned (calendar or dashboard).',
      );
    }
    let kept: string | null = null;
    try {
      if (client.deletesById) await client.deleteMeetingById(row.remote_id);
      else if (row.native_id !== null) {
        const newest = await meetingOnLink(client, row.platform, row.native_id);
        if (newest && newest.id !== row.remote_id) kept = LINK_MESSAGES.deleteNotLatest;
        // No meeting carries the link any more: its transcript is already deleted there.
        else if (newest) await client.deleteMeeting(row.platform, row.native_id);
      }
    } catch (e) {
      // Already gone on the server: what is left to do is here.
      if (!(isVexaError(e) && e.code === 'not_found')) throw e;
    }
    if (planned && kept === null) library.db.transaction(() => library.meetings.remove(localId, library.now()))();
    else await library.deleteLocal(localId);
    this.d.events?.changed?.({ serverId: this.d.serverId, meetingIds: [localId] });
    return kept === null ? { serverKept: false } : { serverKept: true, message: kept };
  }

  /** Stops timers and the background fetch; the cache stays open. */
  close(): void {
    this.closed = true;
    this.transcripts.cancel();
    for (const t of this.timers) t.cancel();
    this.timers = [];
  }
}
