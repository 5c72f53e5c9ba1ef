import type { CaptionDelayEvent, CaptionDelayView } from '../../../shared/ipc/captionDelay';
import type { HandlerTable } from '../../../shared/ipc/dispatch';
import { DELAY_WINDOW, isLate, summarize, usualDelay } from '../../../shared/captionDelay/stats';
import type { RenderedSegment } from '../../../shared/transcript';
import { parseVexaTimestamp } from '../../../shared/vexa/time';
import type { Clock, Logger } from '../ports';
import type { CaptionDelayStore } from './captionDelayStore';
import { ServerClock } from './serverClock';

/** The window hears of a meeting's figures at most this often. */
export const EMIT_EVERY_MS = 500;
/** A live meeting's figures are written to the library at most this often (and once more as it ends). */
export const SAVE_EVERY_MS = 5_000;
/** Down to this early, a delay is the clock estimate's noise and counts as 0; earlier, something else is wrong. */
const EARLIEST_MS = -1_000;
/** Later than this is not a caption delay but a line read back late (a stalled connection's backlog, a clock step). */
const LATEST_MS = 120_000;
/** A line starting this close to one already seen is that line under another key (G3: provisional speaker, then bound). */
const SAME_LINE_MS = 250;
const RECENT_STARTS = 32;

interface Sample {
  /** Start of the line on the server's clock (epoch ms). */
  spoken: number;
  receivedAt: number;
  /** Lines said before this moment (this computer's clock) may have reached the window from REST first: not measured. */
  horizon: number;
}

interface MeetingDelays {
  followedAt: number;
  seen: Set<string>;
  recentStarts: number[];
  samples: Sample[];
  usualMs: number | null;
  /** New lines since the window last heard. */
  dirty: boolean;
  /** Figures the library does not have yet. */
  unsaved: boolean;
  lastSaved: number;
  ended: boolean;
}

export interface CaptionDelayDeps {
  serverId: string;
  clock: Clock;
  logger: Logger;
  store: CaptionDelayStore | null;
  emit(event: CaptionDelayEvent): void;
}

/**
 * One server's caption delays: per followed meeting, how long after its words were said each line
 * first reached the app, in a sliding window of the newest lines.
 *
 * A line counts once, when its first frame arrives (a draft, or the confirmed line when no draft
 * came); later frames of it, chat messages and lines said before the app was listening (read from
 * REST at an open or after a reconnect, whose first appearance was not a frame) do not. Delays are
 * taken at read time against the newest clock estimate (`ServerClock`), so the first lines, seen
 * before a stamped frame, are measured too.
 */
export class CaptionDelayTracker {
  private readonly clock = new ServerClock();
  private readonly meetings = new Map<number, MeetingDelays>();
  private connectedAt = 0;
  private timer: { cancel(): void } | null = null;

  constructor(private readonly d: CaptionDelayDeps) {}

  follow(meetingId: number): void {
    if (this.meetings.has(meetingId)) return;
    let usualMs: number | null = null;
    try {
      usualMs = usualDelay(this.d.store?.pastMedians(this.d.serverId, meetingId) ?? []);
    } catch (e) {
      this.d.logger.debug('Could not read past caption delays', { error: String(e) });
    }
    const now = this.d.clock.now();
    this.meetings.set(meetingId, {
      followedAt: now,
      seen: new Set(),
      recentStarts: [],
      samples: [],
      usualMs,
      dirty: false,
      unsaved: false,
      lastSaved: now,
      ended: false,
    });
  }

  /** The live connection (re)opened: what was said before now may come from REST first. */
  connected(): void {
    this.connectedAt = this.d.clock.now();
  }

  /** A frame of a followed meeting arrived, showing or changing `lines`. */
  linesSeen(meetingId: number, lines: readonly RenderedSegment[], frame: Record<string, unknown>, receivedAt: number): void {
    const ts = parseVexaTimestamp(frame.ts);
    if (ts !== null) this.clock.sample(ts, receivedAt);
    const m = this.meetings.get(meetingId);
    if (!m || m.ended) return;
    const horizon = Math.max(m.followedAt, this.connectedAt);
    for (const s of lines) {
      if (m.seen.has(s.key)) continue;
      m.seen.add(s.key);
      if (s.source === 'chat' || m.recentStarts.some((t) => Math.abs(t - s.absoluteStart) < SAME_LINE_MS)) continue;
      m.recentStarts.push(s.absoluteStart);
      if (m.recentStarts.length > RECENT_STARTS) m.recentStarts.shift();
      m.samples.push({ spoken: s.absoluteStart, receivedAt, horizon });
      if (m.samples.length > 2 * DELAY_WINDOW) m.samples.splice(0, m.samples.length - 2 * DELAY_WINDOW);
      m.dirty = true;
    }
    if (m.dirty) this.timer ??= this.d.clock.setTimeout(() => this.report(), EMIT_EVERY_MS);
  }

  /** The figures of a followed meeting so far; null before its first measured line. */
  figures(meetingId: number): CaptionDelayView | null {
    const m = this.meetings.get(meetingId);
    const lag = this.clock.lagMs;
    if (!m || lag === null) return null;
    const delays: number[] = [];
    for (const s of m.samples) {
      const spokenHere = s.spoken + lag;
      if (spokenHere < s.horizon) continue;
      const delay = s.receivedAt - spokenHere;
      if (delay >= EARLIEST_MS && delay <= LATEST_MS) delays.push(Math.max(0, delay));
    }
    const f = summarize(delays.slice(-DELAY_WINDOW));
    return f && { ...f, usualMs: m.usualMs, late: isLate(f, m.usualMs), measuredAt: this.d.clock.now() };
  }

  /** The meeting ended: its figures are kept with it in the library. */
  ended(meetingId: number): void {
    const m = this.meetings.get(meetingId);
    if (!m || m.ended) return;
    this.save(meetingId, m);
    m.ended = true;
    m.seen.clear();
  }

  close(): void {
    this.timer?.cancel();
    this.timer = null;
    for (const [id, m] of this.meetings) if (!m.ended && (m.dirty || m.unsaved)) this.save(id, m);
  }

  private report(): void {
    this.timer = null;
    const now = this.d.clock.now();
    for (const [meetingId, m] of this.meetings) {
      if (!m.dirty || m.ended) continue;
      m.dirty = false;
      m.unsaved = true;
      const v = this.figures(meetingId);
      if (!v) continue;
      this.d.emit({ ...v, serverId: this.d.serverId, meetingId });
      if (now - m.lastSaved >= SAVE_EVERY_MS) this.save(meetingId, m, v);
    }
  }

  private save(meetingId: number, m: MeetingDelays, v = this.figures(meetingId)): void {
    if (!v || !this.d.store) return;
    try {
      if (!this.d.store.put(this.d.serverId, meetingId, v)) return;
      m.lastSaved = this.d.clock.now();
      m.unsaved = false;
    } catch (e) {
      this.d.logger.warn('Could not keep the caption delay', { meetingId, error: String(e) });
    }
  }
}

/** Every server's tracker, and the two channels that read the figures. */
export class CaptionDelays {
  private readonly trackers = new Map<string, CaptionDelayTracker>();

  constructor(private readonly d: Omit<CaptionDelayDeps, 'serverId'>) {}

  /** A fresh tracker for a server's new session (the last one's figures are in the library). */
  forServer(serverId: string): CaptionDelayTracker {
    const t = new CaptionDelayTracker({ ...this.d, serverId });
    this.trackers.set(serverId, t);
    return t;
  }

  get handlers(): Pick<HandlerTable, 'live:captionDelay' | 'meetings:captionDelay'> {
    return {
      'live:captionDelay': async ({ serverId, meetingId }) =>
        this.trackers.get(serverId)?.figures(meetingId) ?? this.d.store?.getRemote(serverId, meetingId) ?? null,
      'meetings:captionDelay': async ({ id }) => this.d.store?.get(id) ?? null,
    };
  }
}
