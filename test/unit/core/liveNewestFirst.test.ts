import { describe, expect, it } from 'vitest';
import { LiveTranscripts } from '../../../electron/core/live/liveTranscripts';
import type { Clock } from '../../../electron/core/ports';
import type { VexaClient } from '../../../electron/core/vexa';
import { quietLogger } from '../../support/logger';
import { bundle, seg } from '../transcript/support/captions';

// A long meeting opens on its newest lines (what the live view shows first); the lines before
// them come from `earlier`, as held when it is asked, so the two answers together are the whole
// transcript and a line changed in between is seen in its latest form.

const clock: Clock = { now: () => 0, setTimeout: () => ({ cancel() {} }) };
const LINES = 50;

function setup() {
  const server = Array.from({ length: LINES }, (_, i) => seg({ id: `s${i}`, start: i * 3, end: i * 3 + 2, text: `Line ${i}.` }));
  const client = { getTranscriptRaw: async () => ({ segments: server }) } as unknown as VexaClient;
  const live = new LiveTranscripts({ client, clock, logger: quietLogger, onDelta: () => undefined });
  return { live };
}

const texts = (list: ReadonlyArray<{ text: string }>) => list.map((s) => s.text);

describe('opening a long live meeting on its newest lines', () => {
  it('answers the newest lines and how many come before them; the earlier lines are the rest, none lost', async () => {
    const { live } = setup();
    const first = await live.open(7, 'google_meet', 'abc-defg-hij', 10);
    expect(texts(first!.segments)).toEqual(Array.from({ length: 10 }, (_, i) => `Line ${LINES - 10 + i}.`));
    expect(first!.earlier).toBe(LINES - 10);

    const head = first!.segments[0]!;
    const earlier = await live.earlier(7, 'google_meet', 'abc-defg-hij', { absoluteStart: head.absoluteStart, key: head.key });
    expect(texts([...earlier!.segments, ...first!.segments])).toEqual(Array.from({ length: LINES }, (_, i) => `Line ${i}.`));
  });

  it('gives the earlier lines as held when asked: a line corrected after the open is in its new form', async () => {
    const { live } = setup();
    const first = await live.open(7, 'google_meet', 'abc-defg-hij', 10);
    live.onFrame(bundle('Maya', [seg({ id: 's3', start: 9, end: 11, text: 'Line three, corrected.', updatedAt: 60 })], []));
    const head = first!.segments[0]!;
    const earlier = await live.earlier(7, 'google_meet', 'abc-defg-hij', { absoluteStart: head.absoluteStart, key: head.key });
    expect(earlier!.segments).toHaveLength(LINES - 10);
    expect(earlier!.segments[3]!.text).toBe('Line three, corrected.');
    expect(earlier!.version).toBeGreaterThan(first!.version);
  });

  it('answers the whole transcript when no window is asked for, or when it is shorter than the window', async () => {
    const { live } = setup();
    const whole = await live.open(7, 'google_meet', 'abc-defg-hij');
    expect(whole!.segments).toHaveLength(LINES);
    expect(whole!.earlier).toBe(0);
    const short = await live.open(7, 'google_meet', 'abc-defg-hij', 500);
    expect(short!.segments).toHaveLength(LINES);
    expect(short!.earlier).toBe(0);
  });

  it('answers before merging the rest of a long first read; the rest reaches the cache, and the window only through `earlier`', async () => {
    const timers: Array<() => void> = [];
    const manual: Clock = { now: () => 0, setTimeout: (fn) => (timers.push(fn), { cancel() {} }) };
    const server = Array.from({ length: LINES }, (_, i) => seg({ id: `s${i}`, start: i * 3, end: i * 3 + 2, text: `Line ${i}.` }));
    const client = { getTranscriptRaw: async () => ({ segments: server }) } as unknown as VexaClient;
    const pushed: string[] = [];
    const stored: string[] = [];
    const live = new LiveTranscripts({
      client,
      clock: manual,
      logger: quietLogger,
      onDelta: (d) => pushed.push(...d.upserted.map((s) => s.text)),
      onConfirmed: (_id, segments) => void stored.push(...segments.map((s) => s.text)),
    });
    const first = await live.open(7, 'google_meet', 'abc-defg-hij', 10);
    expect(texts(first!.segments)).toEqual(Array.from({ length: 10 }, (_, i) => `Line ${LINES - 10 + i}.`));
    expect(first!.earlier).toBe(LINES - 10);
    while (timers.length) timers.shift()!();

    // Every confirmed line is kept on this computer once, and none is pushed: the window has the
    // newest in the answer and asks for the others.
    expect([...stored].sort()).toEqual(server.map((s) => s.text).sort());
    const head = first!.segments[0]!;
    const earlier = await live.earlier(7, 'google_meet', 'abc-defg-hij', { absoluteStart: head.absoluteStart, key: head.key });
    expect(texts(earlier!.segments)).toEqual(Array.from({ length: LINES - 10 }, (_, i) => `Line ${i}.`));
    expect(pushed).toEqual([]);
  });

  it('reads the same transcript, newest first or whole, when lines come out of order and repeat', async () => {
    const shuffled = Array.from({ length: LINES }, (_, i) => seg({ id: `s${i}`, start: i * 3, end: i * 3 + 2, text: `Line ${i}.` }))
      .map((s, i) => ({ s, k: (i * 37) % LINES }))
      .sort((a, b) => a.k - b.k)
      .map(({ s }) => s);
    const server = [...shuffled, ...shuffled.slice(0, 5)];
    const client = { getTranscriptRaw: async () => ({ segments: server }) } as unknown as VexaClient;
    const split = new LiveTranscripts({ client, clock, logger: quietLogger, onDelta: () => undefined });
    const whole = new LiveTranscripts({ client, clock, logger: quietLogger, onDelta: () => undefined });
    const first = await split.open(7, 'google_meet', 'abc-defg-hij', 10);
    const head = first!.segments[0]!;
    const earlier = await split.earlier(7, 'google_meet', 'abc-defg-hij', { absoluteStart: head.absoluteStart, key: head.key });
    const all = await whole.open(7, 'google_meet', 'abc-defg-hij');
    expect(texts([...earlier!.segments, ...first!.segments])).toEqual(texts(all!.segments));
    expect(texts(first!.segments)).toEqual(texts(all!.segments.slice(-10)));
  });
});
