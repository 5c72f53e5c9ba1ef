import { isolate } from '../../../shared/bidi';
import type { RenderedSegment } from '../../../shared/transcript';
import { compileWatchList, foldForMatch, matchWatchWords, nameWords, type WatchList } from '../../../shared/watchWords/match';
import type { WatchWordSettings } from '../../../shared/watchWords/settings';
import { titled } from '../meetings/serverNaming';
import type { Clock, Logger, Notifier } from '../ports';

/** Lines that ended this long before the newest line (or, in a meeting's first read, before now) are history. */
export const HISTORY_MS = 2 * 60_000;
/** One alert per meeting at most this often; what is heard meanwhile goes out as one summary. */
export const ALERT_GAP_MS = 5_000;
/** The same words in the same text this close in time are the same line under another key (a re-read). */
const SAME_LINE_MS = 10_000;
const BODY_MAX = 200;

/** One line that said watched words, and what became of its alert. */
export interface WatchHit {
  meetingId: number;
  lineKey: string;
  words: string[];
  speaker: string | null;
  text: string;
  /** The line's start, epoch ms. */
  at: number;
  /** `alerted`: a notification went out; `quiet`: Do Not Disturb held it back; `history`: read with an already-running meeting; `waiting`: held by the rate limit. */
  state: 'alerted' | 'quiet' | 'history' | 'waiting';
}

export interface WatchWordAlertsDeps {
  serverId: string;
  clock: Clock;
  logger: Logger;
  notifier: Notifier;
  doNotDisturb(): boolean;
  settings(): WatchWordSettings;
  /** The meeting's name as the app shows it; null when it is not followed. */
  meetingName(meetingId: number): string | null;
  /** The server's label while more than one server is known; else null. */
  serverName(): string | null;
  /** The alert was clicked (or its button pressed): show this line of the meeting's live captions. */
  openLine(meetingId: number, lineKey: string): void;
  /** The name the app shows for a line's speaker (the person's speaker corrections); the server's label without it. */
  speakerName?(meetingId: number, line: RenderedSegment): string | null;
  gapMs?: number;
}

interface MeetingWatch {
  hits: WatchHit[];
  /** `${lineKey}\0${folded word}` already counted. */
  said: Set<string>;
  /** `${folded word}\0${folded text}` → line starts, to know a line re-read under another key. */
  texts: Map<string, number[]>;
  newestEnd: number | null;
  lastAlertAt: number | null;
  waiting: WatchHit[];
  timer: { cancel(): void } | null;
  alerts: number;
}

const speakerOf = (speaker: string | null): string => speaker?.trim() || 'Unknown speaker';
const clip = (text: string): string => (text.length > BODY_MAX ? `${text.slice(0, BODY_MAX - 1)}…` : text);

/**
 * Watches the confirmed lines of every live meeting of one server for the person's watch words.
 * Drafts are never looked at: a line alerts once it is confirmed, so a draft that grows and is then
 * confirmed alerts once. Each (meeting, line, word) alerts at most once, whatever repeats the line:
 * G3's second copy from its collector, a re-read after a reconnect, an edit of the text. Lines a
 * first read brings of a meeting already under way are kept as hits without an alert.
 */
export class WatchWordAlerts {
  private readonly meetings = new Map<number, MeetingWatch>();
  private compiled: { words: readonly string[]; list: WatchList } | null = null;
  private closed = false;

  constructor(private readonly d: WatchWordAlertsDeps) {}

  private list(): WatchList | null {
    const s = this.d.settings();
    if (!s.enabled || s.words.length === 0) return null;
    if (this.compiled?.words !== s.words) this.compiled = { words: s.words, list: compileWatchList(s.words) };
    return this.compiled.list;
  }

  private entry(meetingId: number): MeetingWatch {
    let m = this.meetings.get(meetingId);
    if (!m) {
      m = { hits: [], said: new Set(), texts: new Map(), newestEnd: null, lastAlertAt: null, waiting: [], timer: null, alerts: 0 };
      this.meetings.set(meetingId, m);
    }
    return m;
  }

  /** Confirmed lines of a meeting, as the live transcript stores them (live, re-read or first read). */
  onConfirmed(meetingId: number, segments: readonly RenderedSegment[]): void {
    if (this.closed) return;
    const list = this.list();
    if (!list) return;
    const m = this.entry(meetingId);
    const firstRead = m.newestEnd === null;
    // A loop, not Math.max(...): a first read can hold tens of thousands of lines.
    let newest = m.newestEnd ?? Number.NEGATIVE_INFINITY;
    for (const s of segments) if (!s.draft && s.absoluteEnd > newest) newest = s.absoluteEnd;
    if (newest === Number.NEGATIVE_INFINITY) return;
    m.newestEnd = newest;
    const now = this.d.clock.now();
    const fresh: WatchHit[] = [];
    for (const s of segments) {
      if (s.draft) continue;
      const words = matchWatchWords(s.text, list).filter((w) => this.isNew(m, s, w));
      if (words.length === 0) continue;
      // Behind the meeting's own newest line, so a server clock that differs from this computer's
      // does not turn live lines into history; a first read also compares with this computer's clock.
      const history = s.absoluteEnd < m.newestEnd - HISTORY_MS || (firstRead && s.absoluteEnd < now - HISTORY_MS);
      const known = m.hits.find((h) => h.lineKey === s.key);
      if (known) {
        // An edited line that now says another watched word: the hit grows, and the new word alerts.
        known.words.push(...words);
        known.text = s.text;
        if (!history) fresh.push({ ...known, words, state: 'waiting' });
        continue;
      }
      const hit: WatchHit = {
        meetingId,
        lineKey: s.key,
        words,
        speaker: this.d.speakerName ? this.d.speakerName(meetingId, s) : s.speaker,
        text: s.text,
        at: s.absoluteStart,
        state: history ? 'history' : 'waiting',
      };
      m.hits.push(hit);
      if (!history) fresh.push(hit);
    }
    if (fresh.length) this.queue(meetingId, m, fresh);
  }

  private isNew(m: MeetingWatch, s: RenderedSegment, word: string): boolean {
    const folded = foldForMatch(word);
    const keyed = `${s.key}\0${folded}`;
    if (m.said.has(keyed)) return false;
    m.said.add(keyed);
    const byText = `${folded}\0${foldForMatch(s.text)}`;
    const starts = m.texts.get(byText) ?? [];
    if (starts.some((at) => Math.abs(at - s.absoluteStart) <= SAME_LINE_MS)) return false;
    m.texts.set(byText, [...starts, s.absoluteStart]);
    return true;
  }

  private queue(meetingId: number, m: MeetingWatch, fresh: WatchHit[]): void {
    m.waiting.push(...fresh);
    if (m.timer) return;
    const gap = this.d.gapMs ?? ALERT_GAP_MS;
    const wait = m.lastAlertAt === null ? 0 : m.lastAlertAt + gap - this.d.clock.now();
    if (wait <= 0) this.send(meetingId, m);
    else m.timer = this.d.clock.setTimeout(() => this.send(meetingId, m), wait);
  }

  private send(meetingId: number, m: MeetingWatch): void {
    m.timer = null;
    const lines = m.waiting.splice(0);
    const first = lines[0];
    if (!first || this.closed) return;
    const words = [...new Set(lines.flatMap((l) => l.words))];
    const quiet = this.d.doNotDisturb();
    for (const l of lines) {
      const hit = m.hits.find((h) => h.lineKey === l.lineKey);
      if (hit) hit.state = quiet ? 'quiet' : 'alerted';
    }
    this.d.logger.info('Watch word heard', { meetingId, lines: lines.length, quiet });
    if (quiet) return;
    m.lastAlertAt = this.d.clock.now();
    m.alerts++;
    const name = this.d.meetingName(meetingId) ?? `Meeting ${meetingId}`;
    const more = lines.length > 1 ? ` (and ${lines.length - 1} more ${lines.length === 2 ? 'line' : 'lines'})` : '';
    this.d.notifier.notify({
      // Unique per alert and server: the OS replaces a notification that has the same id.
      id: `${meetingId}:watch-${m.alerts}@${this.d.serverId}`,
      serverId: this.d.serverId,
      meetingId,
      title: titled(`${nameWords(words)} in ${isolate(name)}`, this.d.serverName()),
      body: `${isolate(speakerOf(first.speaker))}: ${clip(first.text)}${more}`,
      lineKey: first.lineKey,
      action: 'Show the line',
      onClick: () => this.d.openLine(meetingId, first.lineKey),
    });
  }

  /** The lines of a meeting that said watched words, in the order they were heard. */
  hits(meetingId: number): WatchHit[] {
    return (this.meetings.get(meetingId)?.hits ?? []).map((h) => ({ ...h, words: [...h.words] }));
  }

  close(): void {
    this.closed = true;
    for (const m of this.meetings.values()) m.timer?.cancel();
  }
}
