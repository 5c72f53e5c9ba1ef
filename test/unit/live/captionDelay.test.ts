import { describe, expect, it } from 'vitest';
import type { CaptionDelayEvent } from '../../../shared/ipc/captionDelay';
import { isLate, median, percentile, summarize, usualDelay } from '../../../shared/captionDelay/stats';
import type { RenderedSegment } from '../../../shared/transcript';
import { CaptionDelayTracker, EMIT_EVERY_MS } from '../../../electron/core/live/captionDelay';
import type { CaptionDelayStore } from '../../../electron/core/live/captionDelayStore';
import type { CaptionDelayView } from '../../../shared/ipc/captionDelay';
import { ServerClock } from '../../../electron/core/live/serverClock';
import { quietLogger } from '../../support/logger';

function manualClock(start = 1_700_000_000_000) {
  let now = start;
  const timers: Array<{ at: number; fn: () => void; live: boolean }> = [];
  return {
    now: () => now,
    setTimeout(fn: () => void, ms: number) {
      const t = { at: now + ms, fn, live: true };
      timers.push(t);
      return { cancel: () => void (t.live = false) };
    },
    advance(ms: number) {
      now += ms;
      for (const t of timers.filter((x) => x.live && x.at <= now)) {
        t.live = false;
        t.fn();
      }
    },
  };
}

const line = (key: string, absoluteStart: number, extra: Partial<RenderedSegment> = {}): RenderedSegment =>
  ({
    key,
    absoluteStart,
    absoluteEnd: absoluteStart + 2000,
    start: 0,
    end: 2,
    text: 'words',
    speaker: 'Maya',
    draft: true,
    ...extra,
  }) as RenderedSegment;

describe('caption delay statistics', () => {
  it('takes the median and the nearest-rank 95th percentile, not the maximum', () => {
    const delays = Array.from({ length: 100 }, (_, i) => (i + 1) * 10); // 10..1000
    expect(summarize(delays)).toEqual({ medianMs: 505, p95Ms: 950, lines: 100 });
    expect(percentile([1, 2, 3], 95)).toBe(3);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(summarize([])).toBeNull();
  });

  it('calls a meeting late only against the floor or twice the server’s usual, with enough lines', () => {
    expect(usualDelay([1000, 1200])).toBeNull();
    expect(usualDelay([1000, 1200, 5000])).toBe(1200);
    expect(isLate({ medianMs: 3000, p95Ms: 4000, lines: 20 }, 1200)).toBe(true);
    expect(isLate({ medianMs: 2000, p95Ms: 4000, lines: 20 }, 1200)).toBe(false);
    expect(isLate({ medianMs: 900, p95Ms: 900, lines: 20 }, 400)).toBe(false);
    expect(isLate({ medianMs: 11_000, p95Ms: 12_000, lines: 20 }, null)).toBe(true);
    expect(isLate({ medianMs: 11_000, p95Ms: 12_000, lines: 3 }, null)).toBe(false);
  });
});

describe('the server clock', () => {
  it('is the smallest gap between a frame’s stamp and its arrival, over a sliding window', () => {
    const c = new ServerClock(3);
    expect(c.lagMs).toBeNull();
    const skew = 90_000; // the server's clock runs 90 s ahead
    c.sample(1_000 + skew, 1_040);
    c.sample(2_000 + skew, 2_012);
    c.sample(3_000 + skew, 3_900); // a frame that waited in a queue
    expect(c.lagMs).toBe(12 - skew);
    expect(c.toLocal(10_000 + skew)).toBe(10_012);
    c.sample(4_000 + skew, 4_030);
    c.sample(5_000 + skew, 5_030);
    expect(c.lagMs).toBe(30 - skew); // the 12 ms sample left the window
    c.sample(0, 5_000 + 2 * 86_400_000); // not a clock
    expect(c.lagMs).toBe(30 - skew);
  });
});

describe('the caption delay tracker', () => {
  const skew = 90_000;
  const setup = () => {
    const clock = manualClock();
    const events: CaptionDelayEvent[] = [];
    const t = new CaptionDelayTracker({ serverId: 's', clock, logger: quietLogger, store: null, emit: (e) => events.push(e) });
    t.connected();
    t.follow(7);
    clock.advance(10_000);
    /** A line said `ago` ms before now (this computer's clock) first arrives now, in a frame stamped now on the server. */
    const arrive = (key: string, ago: number, extra: Partial<RenderedSegment> = {}) => {
      const now = clock.now();
      t.linesSeen(7, [line(key, now - ago + skew, extra)], { ts: new Date(now + skew).toISOString() }, now);
    };
    return { clock, events, t, arrive };
  };

  it('measures each line once, on the server clock corrected for its offset', () => {
    const { clock, events, t, arrive } = setup();
    for (let i = 0; i < 10; i++) {
      arrive(`k${i}`, 1500 + i * 10);
      clock.advance(300);
      arrive(`k${i}`, 1800 + i * 10); // the same line growing: not a new appearance
      clock.advance(2000);
    }
    const f = t.figures(7)!;
    expect(f.lines).toBe(10);
    expect(f.medianMs).toBe(1545);
    expect(f.p95Ms).toBe(1590);
    expect(events.at(-1)).toMatchObject({ serverId: 's', meetingId: 7, lines: 10 });
  });

  it('leaves out chat, a line seen under another key, lines said before it listened and absurd ones', () => {
    const { clock, t, arrive } = setup();
    arrive('a', 1000);
    arrive('a-provisional-twin', 1000); // same start: the G3 provisional line confirmed under its bound speaker
    arrive('chat', 0, { source: 'chat' });
    arrive('before', 11_000); // said before the meeting was followed: its first sight may have been REST
    arrive('stale', 200_000);
    clock.advance(1000);
    t.connected(); // a reconnect: lines said before it came back from REST
    arrive('during-drop', 1500);
    arrive('after', 0);
    const f = t.figures(7)!;
    expect(f.lines).toBe(2);
    expect(f.medianMs).toBe(500);
  });

  it('tells the window a few times a second at most', () => {
    const { clock, events, arrive } = setup();
    for (let i = 0; i < 20; i++) {
      arrive(`k${i}`, 1000 + i * 300);
      clock.advance(50);
    }
    clock.advance(EMIT_EVERY_MS);
    expect(events.length).toBeLessThanOrEqual(Math.ceil((20 * 50) / EMIT_EVERY_MS) + 1);
    expect(events.at(-1)!.lines).toBe(20);
  });

  it('keeps the figures with the meeting as it ends, and reads the server’s usual delay from past meetings', () => {
    const clock = manualClock();
    const saved: CaptionDelayView[] = [];
    const store = {
      put: (_s: string, _m: number, v: CaptionDelayView) => saved.push(v) > 0,
      pastMedians: () => [800, 1000, 1200],
    } as unknown as CaptionDelayStore;
    const t = new CaptionDelayTracker({ serverId: 's', clock, logger: quietLogger, store, emit: () => undefined });
    t.connected();
    t.follow(3);
    clock.advance(10_000);
    for (let i = 0; i < 6; i++) {
      const now = clock.now();
      t.linesSeen(3, [line(`k${i}`, now - 2_500)], { ts: new Date(now).toISOString() }, now);
      clock.advance(600);
    }
    t.ended(3);
    expect(saved.at(-1)).toMatchObject({ medianMs: 2_500, lines: 6, usualMs: 1_000, late: true });
  });
});
