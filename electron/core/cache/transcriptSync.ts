import { isTransient, isVexaError } from '../../../shared/vexa/errors';
import type { MeetingStatus } from '../../../shared/vexa/types';
import type { Clock, Logger } from '../ports';
import type { VexaClient } from '../vexa/client';
import type { Library } from './library';
import { LINK_MESSAGES } from './recurringLinks';
import type { SyncStore, TranscriptTarget } from './syncStore';
import type { TranscriptProgress } from './types';
import { chatToSegments } from '../../../shared/vexa/chat';
import { ParticipantStore } from '../participants/participantStore';
import type { ChatMessage } from '../../../shared/vexa/types';

const FINAL: ReadonlySet<MeetingStatus> = new Set(['completed', 'failed']);

export interface TranscriptSyncDeps {
  library: Library;
  store: SyncStore;
  serverId: string;
  client: VexaClient;
  clock: Clock;
  logger: Logger;
  concurrency: number;
  backoff(attempt: number): number;
  onProgress(p: TranscriptProgress): void;
  onChanged(meetingIds: number[]): void;
}

export type FetchOutcome = { ok: true } | { ok: false; code: string; message: string };

/**
 * Background fetch of the transcripts of finished meetings that are not cached yet: newest
 * first, `concurrency` requests at a time, cancellable. A failure never stops the others: a
 * server error or a hang (the HTTP timeout) puts the meeting back for a later pass, a 404 marks
 * the transcript unavailable until the meeting changes on the server.
 */
export class TranscriptSync {
  private running: { promise: Promise<TranscriptProgress>; controller: AbortController } | null = null;
  private progress: TranscriptProgress = { running: false, done: 0, total: 0, failed: 0 };

  constructor(private readonly d: TranscriptSyncDeps) {}

  get state(): TranscriptProgress {
    return { ...this.progress };
  }

  /** Starts a pass, or joins the one running. Resolves when it ends; never rejects. */
  run(signal?: AbortSignal): Promise<TranscriptProgress> {
    if (this.running) return this.running.promise;
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const promise = this.pass(controller.signal)
      .catch((e: unknown) => {
        this.d.logger.warn('Transcript fetch pass failed', { error: String(e) });
        return this.state;
      })
      .finally(() => {
        signal?.removeEventListener('abort', onAbort);
        this.running = null;
      });
    this.running = { promise, controller };
    return promise;
  }

  cancel(): void {
    this.running?.controller.abort();
  }

  private emit(patch: Partial<TranscriptProgress>): void {
    this.progress = { ...this.progress, ...patch };
    this.d.onProgress(this.state);
  }

  private async pass(signal: AbortSignal): Promise<TranscriptProgress> {
    const queue = this.d.store.candidates(this.d.serverId, this.d.clock.now());
    this.emit({ running: true, done: 0, total: queue.length, failed: 0 });
    let next = 0;
    const worker = async (): Promise<void> => {
      while (!signal.aborted) {
        const target = queue[next++];
        if (!target) return;
        const outcome = await this.fetch(target, signal);
        if (signal.aborted) return;
        this.emit({ done: this.progress.done + 1, failed: this.progress.failed + (outcome.ok ? 0 : 1) });
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.d.concurrency) }, worker));
    this.emit({ running: false });
    return this.state;
  }

  /** Fetches one meeting's transcript now (also used when a meeting is opened). Never throws. */
  async fetch(target: TranscriptTarget, signal?: AbortSignal): Promise<FetchOutcome> {
    const { client, library, store } = this.d;
    if (target.native_id === null && !client.capabilities.transcriptsById) {
      store.fetchFailed(target.id, {
        message: 'The server no longer has a meeting id for this transcript.',
        retryAt: null,
        unavailable: true,
      });
      return { ok: false, code: 'not_found', message: 'The transcript is no longer on the server.' };
    }
    try {
      const t = await client.getTranscript(target.platform, target.native_id ?? '', { meetingId: target.remote_id }, { signal });
      // G1/G2 answer `?meeting_id=` exactly and G3 reads by id, but a server that ignores the
      // parameter answers with the newest meeting on the link: never store that under this row.
      if (t.meeting.id !== target.remote_id) {
        store.fetchFailed(target.id, { message: LINK_MESSAGES.otherTranscript, retryAt: null, unavailable: true });
        this.d.logger.warn('The server answered with another meeting’s transcript', { meeting: target.remote_id, answered: t.meeting.id });
        return { ok: false, code: 'other_meeting', message: LINK_MESSAGES.otherTranscript };
      }
      const chat = await this.chatOf(target, signal);
      if (chat.length) t.segments.push(...chatToSegments(chat, t.meeting.startTime));
      const status = t.meeting.status === 'unknown' ? target.status : t.meeting.status;
      if (FINAL.has(status as MeetingStatus)) {
        // Read first, so that a transcript marked complete has its participants kept with it.
        await this.keepParticipants(target, signal);
        await library.replaceTranscript(target.id, t.segments, { complete: true });
      } else await library.appendSegments(target.id, t.segments);
      if (t.meeting.statusTransitions.length > 0) {
        library.db.transaction(() => library.meetings.replaceTransitions(target.id, 'server', t.meeting.statusTransitions))();
      }
      this.d.onChanged([target.id]);
      return { ok: true };
    } catch (e) {
      const code = isVexaError(e) ? e.code : 'unknown';
      const message = isVexaError(e) ? e.userMessage : String(e);
      if (code === 'cancelled') return { ok: false, code, message };
      const unavailable = code === 'not_found';
      const retryAt = unavailable ? null : this.d.clock.now() + this.d.backoff(target.transcript_attempts + 1);
      store.fetchFailed(target.id, { message, retryAt, unavailable });
      if (!unavailable && !(isVexaError(e) && isTransient(e)))
        this.d.logger.warn('Transcript fetch failed', { code, meeting: target.remote_id });
      return { ok: false, code, message };
    }
  }

  /** G1/G2 chat, kept with the transcript as lines marked chat; none where it cannot be read. */
  private async chatOf(target: TranscriptTarget, signal?: AbortSignal): Promise<ChatMessage[]> {
    const { client } = this.d;
    if (!client.capabilities.chat || target.native_id === null) return [];
    try {
      return (await client.getMeetingChat(target.platform, target.native_id, target.remote_id, { signal })) ?? [];
    } catch (e) {
      this.d.logger.debug('Could not read the meeting chat', { meeting: target.remote_id, error: String(e) });
      return [];
    }
  }

  /**
   * Who took part in a finished meeting, kept with its transcript so that the library finds the
   * meeting by a person's name, invitees who never spoke included. The route answers for the
   * newest meeting on the link: an answer for another row is not kept.
   */
  private async keepParticipants(target: TranscriptTarget, signal?: AbortSignal): Promise<void> {
    const { client } = this.d;
    if (!client.capabilities.participants || target.native_id === null) return;
    try {
      const p = await client.getParticipants(target.platform, target.native_id, { signal });
      if (p.meetingId === null || p.meetingId === target.remote_id)
        new ParticipantStore(this.d.library.db).put(target.id, p, this.d.clock.now());
    } catch (e) {
      this.d.logger.debug('Could not read who took part', { meeting: target.remote_id, error: String(e) });
    }
  }
}
