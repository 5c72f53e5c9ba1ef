import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaptionView, LiveEarlierView, LiveSnapshotView } from '../../../shared/ipc/models';
import { meetingKey } from '../../../renderer/app/meetingKey';
import { waitFor } from '../../support/waitFor';

// A long live meeting opens on its newest lines, so the first paint carries a small answer; the
// earlier lines follow once it is painted, and the view ends with every line, changes made in
// between included.

const SERVER = 'https://cloud.example';
const MEETING = 7;
const KEY = meetingKey(SERVER, MEETING);

function line(i: number, text = `Line ${i}.`): CaptionView {
  return {
    key: `s${i}`,
    segmentId: `s${i}`,
    speaker: i % 7 < 3 ? 'Maya' : 'Daniel',
    text,
    start: i * 3,
    end: i * 3 + 2,
    absoluteStart: i * 3000,
    absoluteEnd: i * 3000 + 2000,
    language: 'en',
    completed: true,
    draft: false,
  };
}

/** The core's transcript as it holds it now; tests change it between the two answers. */
const core = {
  lines: [] as CaptionView[],
  version: 1,
  calls: [] as string[],
  earlierFails: false,
  /** Held until the test lets the earlier lines' answer go. */
  gate: Promise.resolve(),
};

vi.mock('../../../renderer/platform/api', () => ({
  api: {
    invoke: async (channel: string, input: { newest?: number; before?: { absoluteStart: number; key: string } }) => {
      core.calls.push(channel === 'live:open' && input.newest ? `live:open newest ${input.newest}` : channel);
      if (channel === 'live:open') {
        const n = input.newest ?? core.lines.length;
        const segments = core.lines.slice(Math.max(0, core.lines.length - n));
        const snapshot: LiveSnapshotView = {
          serverId: SERVER,
          meetingId: MEETING,
          version: core.version,
          segments,
          earlier: core.lines.length - segments.length,
          gaps: [],
          rejectedFrames: 0,
        };
        return { ok: true, value: snapshot };
      }
      if (channel === 'live:earlier') {
        await core.gate;
        if (core.earlierFails) return { ok: false, code: 'unavailable', message: 'The server did not answer.' };
        const before = input.before!;
        const segments = core.lines.filter((s) => s.absoluteStart < before.absoluteStart);
        const earlier: LiveEarlierView = { serverId: SERVER, meetingId: MEETING, version: core.version, segments };
        return { ok: true, value: earlier };
      }
      return { ok: false, code: 'internal', message: `not in this test: ${channel}` };
    },
    on: () => () => {},
  },
  link: { status: () => 'open', onStatus: () => () => {}, reconnectNow() {} },
}));

const { openCaptions, FIRST_LINES } = await import('../../../renderer/features/captions/actions');
const { useCaptionsStore } = await import('../../../renderer/features/captions/store');

const shown = () => useCaptionsStore.getState().meetings[KEY]!.index.segments.map((s) => s.text);

beforeEach(() => {
  core.lines = Array.from({ length: 3000 }, (_, i) => line(i));
  core.version = 1;
  core.calls = [];
  core.earlierFails = false;
  core.gate = Promise.resolve();
  useCaptionsStore.setState({ meetings: {} });
});

describe('a long live meeting opens on its newest lines', () => {
  it('shows the newest lines first, then every earlier one, nothing lost', async () => {
    let release = () => {};
    core.gate = new Promise<void>((r) => (release = r));
    const done = openCaptions({ serverId: SERVER, meetingId: MEETING });
    await waitFor('the newest lines', () => useCaptionsStore.getState().meetings[KEY]?.status === 'ready');

    // The first answer: only the newest lines, the newest of all among them, and how many are still coming.
    expect(core.calls[0]).toBe(`live:open newest ${FIRST_LINES}`);
    expect(shown()).toHaveLength(FIRST_LINES);
    expect(shown().at(-1)).toBe('Line 2999.');
    expect(useCaptionsStore.getState().meetings[KEY]!.earlier).toBe(3000 - FIRST_LINES);

    release();
    await done;
    expect(shown()).toEqual(Array.from({ length: 3000 }, (_, i) => `Line ${i}.`));
    expect(useCaptionsStore.getState().meetings[KEY]!.earlier).toBe(0);
  });

  it('keeps what changed while the earlier lines were on their way', async () => {
    let release = () => {};
    core.gate = new Promise<void>((r) => (release = r));
    const done = openCaptions({ serverId: SERVER, meetingId: MEETING });
    await waitFor('the newest lines', () => useCaptionsStore.getState().meetings[KEY]?.status === 'ready');

    // The core corrects an old line, drops another and hears a new one; it pushes the changes.
    core.lines[5] = line(5, 'Line 5, corrected.');
    core.lines.splice(7, 1);
    core.lines.push(line(3000));
    core.version = 2;
    useCaptionsStore.getState().applyDelta({
      serverId: SERVER,
      meetingId: MEETING,
      version: 2,
      upserted: [line(5, 'Line 5, corrected.'), line(3000)],
      removed: ['s7'],
    });
    release();
    await done;

    expect(shown()).toEqual(core.lines.map((s) => s.text));
    expect(shown()).toContain('Line 5, corrected.');
    expect(shown()).not.toContain('Line 7.');
    expect(shown().at(-1)).toBe('Line 3000.');
  });

  it('asks for the whole transcript when the earlier lines cannot be read', async () => {
    core.earlierFails = true;
    await openCaptions({ serverId: SERVER, meetingId: MEETING });
    expect(core.calls).toEqual([`live:open newest ${FIRST_LINES}`, 'live:earlier', 'live:open']);
    expect(shown()).toHaveLength(3000);
  });

  it('opens a short meeting in one answer', async () => {
    core.lines = core.lines.slice(0, 100);
    await openCaptions({ serverId: SERVER, meetingId: MEETING });
    expect(core.calls).toEqual([`live:open newest ${FIRST_LINES}`]);
    expect(shown()).toHaveLength(100);
  });
});
