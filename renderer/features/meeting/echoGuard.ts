/**
 * `library:open` answers from the cache and then refreshes the meeting from its server in the
 * background, announcing the result with a `library:changed` for that id, whether or not anything
 * changed. Re-opening on every such event would refresh again, and again, for as long as the
 * meeting is on screen. This tells an event that echoes an open apart from a real change:
 *
 * - every open made while the core can refresh (the meeting's server is connected) expects one echo;
 * - the echo of an open the person asked for brings the refreshed copy: re-open once;
 * - the echo of such a re-open is dropped: it could only repeat what the re-open already showed;
 * - an event nobody expects is a real change (sync, an edit sent, live captions stored): re-open.
 *
 * - an edit made here is announced twice (stored, then what its server made of it: sent, kept here
 *   with a reason, refused): both re-open, whatever echoes were still expected.
 *
 * A miscounted event costs at most one extra open, never a loop: each re-open expects its own echo
 * and that echo never re-opens. Expectations lapse after `ttlMs` in case an echo never comes (the
 * core announces a refresh only when it changed something).
 */
export type OpenKind = 'user' | 'reopen';

export class EchoGuard {
  private expected: Array<{ kind: OpenKind; at: number }> = [];
  private changes = 0;

  constructor(private readonly ttlMs = 30_000) {}

  opened(kind: OpenKind, now: number): void {
    this.expected.push({ kind, at: now });
  }

  reset(): void {
    this.expected = [];
    this.changes = 0;
  }

  /**
   * The person changed the meeting here; the next `events` announcements are that change. An echo
   * still expected from an earlier open would otherwise swallow one, and the state shown beside
   * the field would stay "Saving…".
   */
  changing(events: number): void {
    this.expected = [];
    this.changes = events;
  }

  /** A change event for the open meeting: true when it should be re-opened. */
  shouldReopen(now: number): boolean {
    if (this.changes > 0) {
      this.changes--;
      return true;
    }
    this.expected = this.expected.filter((e) => now - e.at < this.ttlMs);
    const echo = this.expected.shift();
    return echo === undefined || echo.kind === 'user';
  }

  get pending(): number {
    return this.expected.length;
  }
}
