import { describe, expect, it } from 'vitest';
import { DEFAULT_ACK_TIMEOUT_MS, LiveTranscripts, type LiveDelta } from '../../../electron/core/live/liveTranscripts';
import type { Clock } from '../../../electron/core/ports';
import type { VexaClient } from '../../../electron/core/vexa';
import { quietLogger } from '../../support/logger';

// The window paces the live captions it is sent: a change goes out at once when the window has
// painted the previous push, and changes made while a push is unacknowledged merge into the next.

const MEETING = 7;
const T0 = Date.UTC(2026, 2, 3, 9, 0, 0);

function manualClock() {
  let now = T0;
  const timers = new Set<{ at: number; fn: () => void }>();
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const t = { at: now + ms, fn };
      timers.add(t);
      return { cancel: () => timers.delete(t) };
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const t of [...timers].sort((a, b) => a.at - b.at)) {
      if (t.at > now || !timers.has(t)) continue;
      timers.delete(t);
      t.fn();
    }
  };
  return { clock, advance, pending: () => timers.size };
}

/** A G3-style confirmed segment (or a draft) of the meeting. */
function segment(n: number, text: string, completed: boolean) {
  return {
    segment_id: `s:${n}`,
    speaker: 'Ana',
    text,
    start: n * 3,
    end: n * 3 + 2.5,
    language: 'en',
    completed,
    absolute_start_time: new Date(T0 + n * 3000).toISOString(),
    absolute_end_time: new Date(T0 + n * 3000 + 2500).toISOString(),
  };
}

function frame(confirmed: ReturnType<typeof segment>[], pending: ReturnType<typeof segment>[] = []) {
  return { type: 'transcript', meeting: { id: MEETING }, speaker: 'Ana', confirmed, pending, ts: new Date(T0).toISOString() };
}

function setup() {
  const c = manualClock();
  const deltas: LiveDelta[] = [];
  const stored: string[][] = [];
  const transcripts = new LiveTranscripts({
    client: {} as VexaClient,
    clock: c.clock,
    logger: quietLogger,
    onDelta: (d) => deltas.push(d),
    onConfirmed: (_id, segments) => void stored.push(segments.map((s) => s.text)),
  });
  transcripts.follow(MEETING, 'google_meet', 'abc-defg-hij');
  return { transcripts, deltas, stored, ...c };
}

/** Lets queued microtasks (the push of frames that arrived together) run. */
const settle = () => new Promise<void>((r) => setImmediate(r));
const texts = (d: LiveDelta) => d.upserted.map((s) => `${s.text}${s.draft ? ' (draft)' : ''}`);

describe('live caption pushes paced by the window', () => {
  it('pushes a change at once when no push is waiting for the window', async () => {
    const { transcripts, deltas } = setup();
    transcripts.onFrame(frame([segment(0, 'Hello.', true)]));
    await settle();
    expect(deltas.map(texts)).toEqual([['Hello.']]);
  });

  it('pushes frames that arrive together as one delta', async () => {
    const { transcripts, deltas } = setup();
    transcripts.onFrame(frame([segment(0, 'Hello.', true)]));
    transcripts.onFrame(frame([segment(1, 'Can you hear me?', true)]));
    await settle();
    expect(deltas.map(texts)).toEqual([['Hello.', 'Can you hear me?']]);
  });

  it('merges every change made before the window painted into one next push, without losing or reordering a line', async () => {
    const { transcripts, deltas, stored } = setup();
    transcripts.onFrame(frame([segment(0, 'Hello.', true)]));
    await settle();
    transcripts.onFrame(frame([], [segment(1, 'The budget', false)]));
    await settle();
    transcripts.onFrame(frame([], [segment(1, 'The budget is', false)]));
    await settle();
    transcripts.onFrame(frame([segment(1, 'The budget is approved.', true)], [segment(2, 'Next', false)]));
    await settle();
    // The window has not painted the first push: nothing more went out.
    expect(deltas).toHaveLength(1);

    transcripts.acknowledge();
    await settle();
    expect(deltas.map(texts)).toEqual([['Hello.'], ['The budget is approved.', 'Next (draft)']]);
    expect(deltas[1]!.version).toBeGreaterThan(deltas[0]!.version);
    expect(stored).toEqual([['Hello.'], ['The budget is approved.']]);
  });

  it('pushes again only after the window acknowledges, and not before anything changed', async () => {
    const { transcripts, deltas } = setup();
    transcripts.onFrame(frame([segment(0, 'Hello.', true)]));
    await settle();
    transcripts.acknowledge();
    await settle();
    expect(deltas).toHaveLength(1);
    transcripts.onFrame(frame([segment(1, 'Welcome.', true)]));
    await settle();
    expect(deltas.map(texts)).toEqual([['Hello.'], ['Welcome.']]);
  });

  it('still pushes to a window that never acknowledges (hidden or throttled), at most once per wait', async () => {
    const { transcripts, deltas, advance } = setup();
    transcripts.onFrame(frame([segment(0, 'Hello.', true)]));
    await settle();
    for (let n = 1; n <= 20; n++) {
      transcripts.onFrame(frame([segment(n, `Line ${n}.`, true)]));
      await settle();
    }
    expect(deltas).toHaveLength(1);
    advance(DEFAULT_ACK_TIMEOUT_MS - 1);
    await settle();
    expect(deltas).toHaveLength(1);
    advance(1);
    await settle();
    expect(deltas).toHaveLength(2);
    expect(deltas.flatMap(texts)).toEqual(['Hello.', ...Array.from({ length: 20 }, (_, i) => `Line ${i + 1}.`)]);
  });

  it('a push forced at close takes what gathered while the window was not acknowledging', async () => {
    const { transcripts, stored } = setup();
    transcripts.onFrame(frame([segment(0, 'Hello.', true)]));
    await settle();
    transcripts.onFrame(frame([segment(1, 'Goodbye.', true)]));
    await settle();
    transcripts.flush();
    transcripts.close();
    expect(stored).toEqual([['Hello.'], ['Goodbye.']]);
  });
});

describe('opening a meeting for the first time', () => {
  function withServer(lines: string[]) {
    const c = manualClock();
    const deltas: LiveDelta[] = [];
    const stored: string[][] = [];
    const client = {
      getTranscriptRaw: async () => ({ segments: lines.map((text, n) => segment(n, text, true)) }),
    } as unknown as VexaClient;
    const transcripts = new LiveTranscripts({
      client,
      clock: c.clock,
      logger: quietLogger,
      onDelta: (d) => deltas.push(d),
      onConfirmed: (_id, segments) => void stored.push(segments.map((s) => s.text)),
    });
    return { transcripts, deltas, stored, ...c };
  }

  it('answers the whole read in the snapshot, pushes none of it again, and stores it just after', async () => {
    const { transcripts, deltas, stored, advance } = withServer(['Hello.', 'Welcome.', 'Shall we start?']);
    const snapshot = (await transcripts.open(MEETING, 'google_meet', 'abc-defg-hij'))!;
    await settle();
    expect(snapshot.segments.map((s) => s.text)).toEqual(['Hello.', 'Welcome.', 'Shall we start?']);
    expect(deltas).toEqual([]);
    expect(stored).toEqual([]);
    advance(0);
    expect(stored).toEqual([['Hello.', 'Welcome.', 'Shall we start?']]);
  });

  it('stores the read at close when the app closes first', async () => {
    const { transcripts, stored } = withServer(['Hello.']);
    await transcripts.open(MEETING, 'google_meet', 'abc-defg-hij');
    transcripts.close();
    expect(stored).toEqual([['Hello.']]);
  });

  it('pushes what the socket brings after the snapshot', async () => {
    const { transcripts, deltas } = withServer(['Hello.']);
    const snapshot = (await transcripts.open(MEETING, 'google_meet', 'abc-defg-hij'))!;
    transcripts.onFrame(frame([segment(1, 'Welcome.', true)]));
    await settle();
    expect(deltas.map(texts)).toEqual([['Welcome.']]);
    expect(deltas[0]!.version).toBeGreaterThan(snapshot.version);
  });
});
