import { compareRendered, TranscriptModel } from '../../../shared/transcript';
import { chatFrameAsTranscript, chatToWireSegments } from '../../../shared/vexa/chat';
import { parseVexaTimestamp } from '../../../shared/vexa/time';
import type { Applied, RenderedSegment } from '../../../shared/transcript';
import type { Clock, Logger } from '../ports';
import type { VexaClient } from '../vexa';
import { newestOf, positionIn, splitNewestRaw, type RenderedPosition } from './newestFirst';

/** A stretch of an active meeting when the socket was down and REST could not fill it in. */
export interface TranscriptGap {
  from: number;
  to: number | null;
}

export interface LiveDelta {
  meetingId: number;
  version: number;
  upserted: RenderedSegment[];
  removed: string[];
}

export interface LiveSnapshot {
  meetingId: number;
  version: number;
  segments: RenderedSegment[];
  /** Displayed lines before `segments[0]` left out of this answer (`open`'s `newest`); `earlier()` reads them. */
  earlier: number;
  gaps: TranscriptGap[];
  /** Frames for this meeting that were malformed and dropped. */
  rejectedFrames: number;
}

/** The displayed lines before a point of the rendered order, as held when asked. */
export interface LiveEarlier {
  meetingId: number;
  version: number;
  segments: RenderedSegment[];
}

export type { RenderedPosition };

export interface LiveTranscriptsDeps {
  client: VexaClient;
  clock: Clock;
  logger: Logger;
  onDelta(delta: LiveDelta): void;
  /**
   * Confirmed segments to keep in the local cache (batched per push). `false` means they could not
   * be stored: the meeting's live transcript is then kept in memory after it ends, so nothing is lost.
   */
  onConfirmed?(meetingId: number, segments: RenderedSegment[]): boolean | void;
  /** A frame of a followed meeting was merged: the lines it showed or changed, as it arrived (live/captionDelay.ts). */
  onLinesSeen?(meetingId: number, lines: RenderedSegment[], frame: Record<string, unknown>, receivedAt: number): void;
  /** A finished meeting's transcript is whole in the cache and no longer held here. */
  onReleased?(meetingId: number): void;
  /**
   * How long a pushed batch may wait for the window's `acknowledge()` before the next one is pushed
   * anyway: a hidden or throttled window paints no frames, and what it has not taken must not pile up.
   */
  ackTimeoutMs?: number;
}

/** A window that paints acknowledges within a frame or two; one that does not gets a batch this often. */
export const DEFAULT_ACK_TIMEOUT_MS = 250;

interface Entry {
  model: TranscriptModel;
  platform: string;
  nativeId: string;
  pendingUpserts: Map<string, RenderedSegment>;
  pendingRemoved: Set<string>;
  gaps: TranscriptGap[];
  rejected: number;
  seeded: boolean;
  /** A re-read failed: lines said during the last drop are still missing until one succeeds. */
  owed: boolean;
  ended: boolean;
  /** Snapshots handed to a window: until the first, no window holds any of this transcript. */
  opened: number;
  /** Some confirmed lines could not be written to the cache: this transcript is their only copy. */
  unstored: boolean;
  /** The meeting's start (epoch ms) as its lines tell it, to place chat messages on their clock. */
  origin: number | null;
  /**
   * The older part of a first read answered on its newest lines, merged just after the answer
   * (`mergeRest`); `from` is the first line the window was given.
   */
  rest: { segments: unknown[]; from: RenderedPosition | null } | null;
}

/** A finished meeting whose transcript lives in the cache now; enough to read it again from the server. */
interface Released {
  platform: string;
  nativeId: string;
}

/**
 * The live transcript of every meeting the socket reports on: frames are merged as they come,
 * REST seeds each meeting when it is opened and fills whatever a dropped connection missed, and
 * the renderer receives small batched deltas instead of whole transcripts.
 *
 * Deltas are paced by the window, not by a timer: a change is pushed at once when the window has
 * painted the previous push (`acknowledge()`), and while a push is unacknowledged later changes
 * merge into the next one (a line's draft and its confirmation travel once).
 */
export class LiveTranscripts {
  private readonly entries = new Map<number, Entry>();
  /** A batch was pushed and the window has not acknowledged it: changes gather for the next one. */
  private inFlight = false;
  private ackTimer: { cancel(): void } | null = null;
  private pushQueued = false;
  /** Confirmed lines of a first read, stored just after the snapshot that carries them is answered. */
  private readonly toStore: Array<{ meetingId: number; segments: RenderedSegment[] }> = [];
  private storeTimer: { cancel(): void } | null = null;
  private closed = false;
  // A finished meeting's whole transcript (20,000 lines is tens of MB with its end-of-meeting
  // re-read) would otherwise stay for as long as the app runs; the cache has every confirmed line.
  private readonly released = new Map<number, Released>();
  private retryTimer: { cancel(): void } | null = null;
  private downSince: number | null = null;

  constructor(private readonly d: LiveTranscriptsDeps) {}

  /** Registers a meeting so frames for it are merged even before anyone opens it. */
  follow(meetingId: number, platform: string, nativeId: string): void {
    if (!this.entries.has(meetingId) && !this.released.has(meetingId)) {
      this.entries.set(meetingId, {
        model: new TranscriptModel(),
        platform,
        nativeId,
        pendingUpserts: new Map(),
        pendingRemoved: new Set(),
        gaps: [],
        rejected: 0,
        seeded: false,
        owed: false,
        ended: false,
        opened: 0,
        unstored: false,
        origin: null,
        rest: null,
      });
    }
  }

  /**
   * The current transcript of a meeting, seeded from REST the first time: its `newest` lines
   * when asked (a long meeting's first paint needs only what fits the screen; `earlier()` gives
   * the rest), else all of it. A released meeting is read from the server again and not kept;
   * null when the server does not answer.
   */
  async open(meetingId: number, platform: string, nativeId: string, newest?: number): Promise<LiveSnapshot | null> {
    const released = this.released.get(meetingId);
    if (released) {
      const segments = await this.readReleased(meetingId, released);
      return segments && { meetingId, version: 0, ...newestOf(segments, newest), gaps: [], rejectedFrames: 0 };
    }
    this.follow(meetingId, platform, nativeId);
    const e = this.entries.get(meetingId)!;
    this.mergeRest(meetingId, e);
    if (!e.seeded) await this.seed(meetingId, e, e.opened === 0, newest);
    // Before the first snapshot no window holds any of this transcript: what gathered (the whole
    // first read, for a long meeting) reaches the window in the snapshot, not also as a delta, and
    // its confirmed lines go to the cache just after the window has its answer.
    if (e.opened === 0) this.deferStore(meetingId, e);
    this.flush();
    e.opened++;
    const answer = newestOf(e.model.snapshot(), newest);
    if (e.rest) {
      // The rest of the first read: before these lines (the count is the server's segments, as
      // merged they are the same lines), merged once this answer is on its way.
      const first = answer.segments[0];
      e.rest.from = first ? { absoluteStart: first.absoluteStart, key: first.key } : null;
      answer.earlier += e.rest.segments.length;
      this.d.clock.setTimeout(() => this.mergeRest(meetingId, e), 0);
    }
    return { meetingId, version: e.model.version, ...answer, gaps: [...e.gaps], rejectedFrames: e.rejected };
  }

  /**
   * Merges the older part of a first read answered on its newest lines. What it changes from the
   * window's first line on goes out as a push; the lines before it, which the window reads with
   * `earlier()`, only go to the cache.
   */
  private mergeRest(meetingId: number, e: Entry): void {
    const rest = e.rest;
    if (!rest) return;
    e.rest = null;
    const applied = e.model.applyRestSegments(rest.segments);
    const from = rest.from;
    const shown = from ? applied.upserted.filter((s) => compareRendered(s, from) >= 0) : applied.upserted;
    const before = from ? applied.upserted.filter((s) => compareRendered(s, from) < 0 && !s.draft) : [];
    if (before.length) {
      this.toStore.push({ meetingId, segments: before });
      this.storeTimer ??= this.d.clock.setTimeout(() => this.storeDeferred(), 0);
    }
    this.collect(e, { ...applied, upserted: shown });
  }

  /**
   * The displayed lines before `before` in the rendered order, as held now: what `open` left out.
   * Changes pushed after this answer apply on top of it; null when the server does not answer.
   */
  async earlier(meetingId: number, platform: string, nativeId: string, before: RenderedPosition): Promise<LiveEarlier | null> {
    const released = this.released.get(meetingId);
    const e = this.entries.get(meetingId);
    if (e) this.mergeRest(meetingId, e);
    const all = released || !e ? await this.readReleased(meetingId, released ?? { platform, nativeId }) : e.model.snapshot();
    if (!all) return null;
    return { meetingId, version: e && !released ? e.model.version : 0, segments: all.slice(0, positionIn(all, before)) };
  }

  private deferStore(meetingId: number, e: Entry): void {
    if (e.pendingUpserts.size === 0 && e.pendingRemoved.size === 0) return;
    const confirmed = [...e.pendingUpserts.values()].filter((s) => !s.draft);
    e.pendingUpserts.clear();
    e.pendingRemoved.clear();
    if (confirmed.length === 0) return;
    this.toStore.push({ meetingId, segments: confirmed });
    this.storeTimer ??= this.d.clock.setTimeout(() => this.storeDeferred(), 0);
  }

  private storeDeferred(): void {
    this.storeTimer?.cancel();
    this.storeTimer = null;
    const batches = this.toStore.splice(0);
    for (const b of batches) {
      if (this.d.onConfirmed?.(b.meetingId, b.segments) !== false) continue;
      const e = this.entries.get(b.meetingId);
      if (e) e.unstored = true;
    }
  }

  onFrame(frame: Record<string, unknown>): void {
    const meeting = frame.meeting as { id?: unknown } | undefined;
    const id = typeof meeting?.id === 'number' ? meeting.id : null;
    const e = id !== null ? this.entries.get(id) : undefined;
    if (!e || id === null) return;
    // G1/G2 chat arrives apart from the transcript; it is merged in as lines marked chat.
    const result = e.model.applyFrame(chatFrameAsTranscript(frame, e.origin) ?? frame);
    if (!result.ok) {
      e.rejected++;
      this.d.logger.warn('Dropped a malformed transcript frame', { meetingId: id, reason: result.reason, detail: result.detail });
      return;
    }
    this.d.onLinesSeen?.(id, result.upserted, frame, this.d.clock.now());
    this.collect(e, result);
  }

  /** The socket went down: anything said from now on must come back from REST. */
  onDisconnected(): void {
    this.downSince ??= this.d.clock.now();
  }

  /** After a reconnect every followed meeting is re-read from REST, so nothing said during the drop is missing. */
  async onReconnected(): Promise<void> {
    const since = this.downSince;
    this.downSince = null;
    await Promise.all(
      [...this.entries].map(async ([id, e]) => {
        const ok = await this.seed(id, e);
        if (!ok) {
          e.owed = true;
          if (since !== null) e.gaps.push({ from: since, to: this.d.clock.now() });
        }
      }),
    );
    this.scheduleRetry();
    this.flush();
  }

  /** A meeting ended: one last full read, so the final transcript is whole even if a drop's re-read failed. */
  async onMeetingEnded(meetingId: number): Promise<void> {
    const e = this.entries.get(meetingId);
    if (!e || e.ended) return;
    e.ended = true;
    if (!(await this.seed(meetingId, e))) {
      e.owed = true;
      this.scheduleRetry();
    }
    this.flush();
    this.releaseEnded();
  }

  /** Whether a meeting's transcript is still held in memory (released ones are in the cache). */
  holds(meetingId: number): boolean {
    return this.entries.has(meetingId);
  }

  // An ended meeting whose final re-read succeeded and whose every confirmed line reached the cache
  // is dropped; one still owed a re-read, or with lines the cache refused, stays.
  private releaseEnded(): void {
    // A first read waiting to be stored is written first: released, its lines would be nowhere.
    if (this.toStore.length) this.storeDeferred();
    for (const [id, e] of this.entries) {
      if (!e.ended || e.owed || e.unstored || e.pendingUpserts.size || e.pendingRemoved.size) continue;
      this.entries.delete(id);
      this.released.set(id, { platform: e.platform, nativeId: e.nativeId });
      this.d.onReleased?.(id);
    }
  }

  private async readReleased(meetingId: number, r: Released): Promise<RenderedSegment[] | null> {
    try {
      const raw = await this.d.client.getTranscriptRaw(r.platform, r.nativeId, { meetingId });
      const segments = (raw as { segments?: unknown } | null)?.segments;
      const model = new TranscriptModel();
      model.applyRestSegments(Array.isArray(segments) ? segments : []);
      return model.snapshot();
    } catch (err) {
      this.d.logger.warn('Could not read the transcript from the server', { meetingId, error: String(err) });
      return null;
    }
  }

  // Owed re-reads are retried every few seconds until the server answers.
  private scheduleRetry(attempt = 1): void {
    if (this.retryTimer || ![...this.entries.values()].some((e) => e.owed)) return;
    this.retryTimer = this.d.clock.setTimeout(
      () => {
        this.retryTimer = null;
        void Promise.all([...this.entries].filter(([, e]) => e.owed).map(async ([id, e]) => ({ ok: await this.seed(id, e) }))).then(
          (results) => {
            this.flush();
            this.releaseEnded();
            if (results.some((r) => !r.ok)) this.scheduleRetry(Math.min(attempt + 1, 6));
          },
        );
      },
      Math.min(60_000, 2_000 * 2 ** (attempt - 1)),
    );
  }

  /**
   * `quiet`: what the read changed waits for the caller (a first open), instead of a push. A first
   * open asking for its `newest` lines of a transcript held empty merges the newest part of a long
   * read now and the rest once answered (`mergeRest`).
   */
  private async seed(meetingId: number, e: Entry, quiet = false, newest?: number): Promise<boolean> {
    try {
      const raw = await this.d.client.getTranscriptRaw(e.platform, e.nativeId, { meetingId });
      const body = (raw as { segments?: unknown } | null)?.segments;
      const segments = Array.isArray(body) ? (body as unknown[]) : [];
      // A margin over `newest`: merged, a few of the newest segments may fold into one line.
      const split = quiet && newest !== undefined && e.model.size === 0 ? splitNewestRaw(segments, newest * 2) : null;
      // A full read covers whatever an earlier split left to merge.
      if (!split) e.rest = null;
      // Gap-fill, not replace: a segment confirmed on the socket while this request was in flight
      // may be missing from the REST body, and confirmed segments are never sent twice.
      const applied = e.model.applyRestSegments(split ? split.newest : segments);
      if (split) e.rest = { segments: split.rest, from: null };
      e.origin = parseVexaTimestamp((raw as { start_time?: unknown } | null)?.start_time) ?? e.origin;
      await this.seedChat(meetingId, e, applied, e.origin);
      e.seeded = true;
      e.owed = false;
      if (e.gaps.length) e.gaps = [];
      this.collect(e, applied, quiet);
      return true;
    } catch (err) {
      this.d.logger.warn('Could not read the transcript from the server', { meetingId, error: String(err) });
      return false;
    }
  }

  /**
   * G1/G2 keep chat apart from the transcript: it is read with it and merged in as lines marked
   * chat (shared/vexa/chat.ts). A chat that cannot be read leaves the transcript as it is.
   */
  private async seedChat(meetingId: number, e: Entry, into: Applied, origin: number | null): Promise<void> {
    try {
      if (!this.d.client.capabilities.chat) return;
      const messages = await this.d.client.getMeetingChat(e.platform, e.nativeId, meetingId);
      if (!messages?.length) return;
      const chat = e.model.applyRestSegments(chatToWireSegments(messages, origin));
      into.upserted.push(...chat.upserted);
      into.removed.push(...chat.removed);
    } catch (err) {
      this.d.logger.debug('Could not read the meeting chat', { meetingId, error: String(err) });
    }
  }

  private collect(e: Entry, applied: Applied, quiet = false): void {
    if (applied.upserted.length === 0 && applied.removed.length === 0) return;
    if (e.origin === null) {
      const said = applied.upserted.find((s) => s.source !== 'chat' && s.start >= 0 && s.start < 1e9);
      if (said) e.origin = said.absoluteStart - said.start * 1000;
    }
    for (const key of applied.removed) {
      e.pendingUpserts.delete(key);
      e.pendingRemoved.add(key);
    }
    for (const s of applied.upserted) {
      e.pendingRemoved.delete(s.key);
      e.pendingUpserts.set(s.key, s);
    }
    if (!quiet) this.queuePush();
  }

  // Frames that arrive together (one socket read) go out as one push: the push waits for the
  // current task's frames, not for a clock.
  private queuePush(): void {
    if (this.inFlight || this.pushQueued || this.closed) return;
    this.pushQueued = true;
    queueMicrotask(() => {
      this.pushQueued = false;
      if (!this.inFlight && !this.closed) this.flush();
    });
  }

  /** The window painted the last push: what gathered since goes out now. */
  acknowledge(): void {
    if (!this.inFlight) return;
    this.inFlight = false;
    this.ackTimer?.cancel();
    this.ackTimer = null;
    this.queuePush();
  }

  /** Pushes what changed since the last push, one delta per meeting, acknowledged or not. */
  flush(): void {
    let pushed = false;
    for (const [meetingId, e] of this.entries) {
      if (e.pendingUpserts.size === 0 && e.pendingRemoved.size === 0) continue;
      const upserted = [...e.pendingUpserts.values()];
      const removed = [...e.pendingRemoved];
      e.pendingUpserts.clear();
      e.pendingRemoved.clear();
      pushed = true;
      this.d.onDelta({ meetingId, version: e.model.version, upserted, removed });
      const confirmed = upserted.filter((s) => !s.draft);
      if (confirmed.length && this.d.onConfirmed?.(meetingId, confirmed) === false) e.unstored = true;
    }
    if (!pushed || this.closed) return;
    this.inFlight = true;
    this.ackTimer?.cancel();
    this.ackTimer = this.d.clock.setTimeout(() => {
      this.ackTimer = null;
      this.inFlight = false;
      this.queuePush();
    }, this.d.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS);
  }

  /** The confirmed transcript as held now (the fault tests compare it with the server's truth); empty once released. */
  confirmed(meetingId: number): RenderedSegment[] {
    const e = this.entries.get(meetingId);
    if (e) this.mergeRest(meetingId, e);
    return e?.model.confirmed() ?? [];
  }

  close(): void {
    if (this.toStore.length) this.storeDeferred();
    this.ackTimer?.cancel();
    this.ackTimer = null;
    this.closed = true;
    this.retryTimer?.cancel();
    this.retryTimer = null;
  }
}
