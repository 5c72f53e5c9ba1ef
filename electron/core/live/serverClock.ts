/**
 * Where the server's clock stands against this computer's, read from the live frames themselves.
 *
 * Every generation stamps its transcript frames with `ts`, the server's time as the frame goes out
 * (G1 naive UTC, G2 `…Z` from the bot, G3 the collector's `…Z`; the G3 bot's own copies carry none).
 * So `received − ts` is the clock difference plus the frame's way here (network, broker queue),
 * never less: the smallest value over recent frames is the difference plus the quickest way, which
 * on any usable connection is milliseconds. That beats the HTTP `Date` header, which has whole
 * seconds only (±0.5 s before any network time), and needs no request. A server whose clock is
 * minutes off thus costs nothing: its lines are placed on this computer's clock before a delay is
 * taken. The minimum is over a sliding window, so a clock the server corrects (NTP step) is
 * followed within a few hundred frames; frames a day or more off are not clocks, they are ignored.
 */
export class ServerClock {
  private readonly lags: number[] = [];
  private next = 0;
  private cached: number | null = null;

  constructor(private readonly window = 300) {}

  /** A frame stamped `serverMs` by the server arrived at `receivedAt` (this computer's epoch ms). */
  sample(serverMs: number, receivedAt: number): void {
    const lag = receivedAt - serverMs;
    if (!Number.isFinite(lag) || Math.abs(lag) > 86_400_000) return;
    if (this.lags.length < this.window) this.lags.push(lag);
    else {
      this.lags[this.next] = lag;
      this.next = (this.next + 1) % this.window;
    }
    this.cached = null;
  }

  /** This computer's clock minus the server's (ms, with the quickest way here folded in); null before any stamped frame. */
  get lagMs(): number | null {
    if (this.lags.length === 0) return null;
    this.cached ??= Math.min(...this.lags);
    return this.cached;
  }

  /** A server time on this computer's clock; null before any stamped frame. */
  toLocal(serverMs: number): number | null {
    const lag = this.lagMs;
    return lag === null ? null : serverMs + lag;
  }
}
