import { describe, expect, it } from 'vitest';
import { LiveTranscripts, type LiveDelta } from '../../../electron/core/live/liveTranscripts';
import type { Clock } from '../../../electron/core/ports';
import type { VexaClient } from '../../../electron/core/vexa';
import type { RenderedSegment } from '../../../shared/transcript';
import { quietLogger } from '../../support/logger';
import { bundle, seg } from '../transcript/support/captions';

// A finished meeting's live transcript leaves the core's memory once every confirmed line is in
// the cache; reopening it reads the server again, and a line the cache refused keeps it held.

const clock: Clock = { now: () => 0, setTimeout: () => ({ cancel() {} }) };

function setup(options: { restFails?: boolean; cacheRefuses?: boolean } = {}) {
  const server = [seg({ id: 'a', start: 1, end: 2, text: 'Morning.' }), seg({ id: 'b', start: 3, end: 4, text: 'Let us plan.' })];
  const state = { restFails: options.restFails ?? false, reads: 0 };
  const client = {
    getTranscriptRaw: async () => {
      state.reads++;
      if (state.restFails) throw new Error('503');
      return { segments: server };
    },
  } as unknown as VexaClient;
  const stored: RenderedSegment[] = [];
  const released: number[] = [];
  const deltas: LiveDelta[] = [];
  const live = new LiveTranscripts({
    client,
    clock,
    logger: quietLogger,
    onDelta: (d) => deltas.push(d),
    onConfirmed: (_id, segments) => {
      if (options.cacheRefuses) return false;
      stored.push(...segments);
      return true;
    },
    onReleased: (id) => released.push(id),
  });
  return { live, state, stored, released, deltas, server };
}

describe('a finished meeting leaves the core', () => {
  it('is released once its final re-read is stored, and reopening it still shows every line', async () => {
    const { live, stored, released } = setup();
    await live.open(7, 'google_meet', 'abc-defg-hij');
    live.onFrame(bundle('Maya', [seg({ id: 'c', start: 5, end: 6, text: 'Ship on Friday.' })], []));
    live.flush();
    expect(live.holds(7)).toBe(true);

    await live.onMeetingEnded(7);

    expect(live.holds(7)).toBe(false);
    expect(released).toEqual([7]);
    expect(stored.map((s) => s.text).sort()).toEqual(['Let us plan.', 'Morning.', 'Ship on Friday.']);
    // The bots' list names the meeting again on every change: it must not come back to memory.
    live.follow(7, 'google_meet', 'abc-defg-hij');
    expect(live.holds(7)).toBe(false);
    const reopened = await live.open(7, 'google_meet', 'abc-defg-hij');
    expect(reopened?.segments.map((s) => s.text)).toEqual(['Morning.', 'Let us plan.']);
    expect(live.holds(7)).toBe(false);
  });

  it('stays held while its final re-read is owed', async () => {
    const { live, state, released } = setup();
    await live.open(7, 'google_meet', 'abc-defg-hij');
    state.restFails = true;
    await live.onMeetingEnded(7);
    expect(live.holds(7)).toBe(true);
    expect(released).toEqual([]);
    expect((await live.open(7, 'google_meet', 'abc-defg-hij'))?.segments).toHaveLength(2);
    live.close();
  });

  it('stays held when the cache could not store its lines: memory is their only copy', async () => {
    const { live } = setup({ cacheRefuses: true });
    await live.open(7, 'google_meet', 'abc-defg-hij');
    await live.onMeetingEnded(7);
    expect(live.holds(7)).toBe(true);
    expect(live.confirmed(7).map((s) => s.text)).toEqual(['Morning.', 'Let us plan.']);
  });

  it('a released meeting whose server does not answer opens as nothing, not as an empty transcript', async () => {
    const { live, state } = setup();
    await live.open(7, 'google_meet', 'abc-defg-hij');
    await live.onMeetingEnded(7);
    state.restFails = true;
    expect(await live.open(7, 'google_meet', 'abc-defg-hij')).toBeNull();
  });

  it('frames for a released meeting are ignored', async () => {
    const { live, deltas } = setup();
    await live.open(7, 'google_meet', 'abc-defg-hij');
    await live.onMeetingEnded(7);
    const before = deltas.length;
    live.onFrame(bundle('Maya', [seg({ id: 'z', start: 9, end: 10, text: 'Late.' })], []));
    live.flush();
    expect(deltas.length).toBe(before);
  });
});
