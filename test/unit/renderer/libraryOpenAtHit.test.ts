import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MeetingDetailView } from '../../../shared/ipc/library';
import { pause, waitFor } from '../../support/waitFor';

// A search hit opens a long meeting on the lines around the hit (a small answer, painted at once);
// the whole transcript follows, so find and the list end up with every line.

const LOCAL_ID = 3;
type Segment = MeetingDetailView['segments'][number];

function segment(i: number): Segment {
  return {
    key: `k${i}`,
    speaker: 'Maya',
    text: `Point ${i} of the plan.`,
    start: i * 3,
    end: i * 3 + 2,
    absoluteStart: null,
    absoluteEnd: null,
    language: 'en',
    confirmed: true,
    source: null,
    segmentId: null,
  };
}

const core = {
  segments: [] as Segment[],
  calls: [] as string[],
  wholeFails: false,
  gate: Promise.resolve(),
};

function detail(segments: Segment[], window?: { before: number; after: number }): MeetingDetailView {
  return {
    meeting: { id: LOCAL_ID, serverId: 'https://cloud.example', remoteId: 9, status: 'completed', transcript: 'complete' },
    segments,
    ...(window ? { window } : {}),
    timeline: { origin: 'app', entries: [] },
    edits: [],
  } as unknown as MeetingDetailView;
}

vi.mock('../../../renderer/platform/api', () => ({
  api: {
    invoke: async (channel: string, input: { id: number; around?: string }) => {
      core.calls.push(channel === 'library:open' && input.around ? `library:open around ${input.around}` : channel);
      if (channel === 'library:open') {
        const at = input.around ? core.segments.findIndex((s) => s.key === input.around) : -1;
        if (at < 0) return { ok: true, value: detail(core.segments) };
        const from = Math.max(0, at - 5);
        const to = Math.min(core.segments.length, at + 6);
        return { ok: true, value: detail(core.segments.slice(from, to), { before: from, after: core.segments.length - to }) };
      }
      if (channel === 'library:segments') {
        await core.gate;
        if (core.wholeFails) return { ok: false, code: 'internal', message: 'The cache could not be read.' };
        return { ok: true, value: { segments: core.segments } };
      }
      return { ok: false, code: 'internal', message: `not in this test: ${channel}` };
    },
    on: () => () => {},
  },
  link: { status: () => 'open', onStatus: () => () => {}, reconnectNow() {} },
}));

const { openMeeting, closeMeeting } = await import('../../../renderer/features/meeting/actions');
const { useMeetingStore } = await import('../../../renderer/features/meeting/store');

const keys = () => useMeetingStore.getState().detail?.segments.map((s) => s.key) ?? [];

beforeEach(() => {
  closeMeeting();
  core.segments = Array.from({ length: 2000 }, (_, i) => segment(i));
  core.calls = [];
  core.wholeFails = false;
  core.gate = Promise.resolve();
});

describe('opening a long meeting at a search hit', () => {
  it('shows the lines around the hit first, then the whole transcript', async () => {
    let release = () => {};
    core.gate = new Promise<void>((r) => (release = r));
    openMeeting(LOCAL_ID, { focus: { segmentKey: 'k1000', terms: ['point'], prefix: false } });
    await waitFor('the lines around the hit', () => useMeetingStore.getState().detail);

    expect(core.calls[0]).toBe('library:open around k1000');
    expect(keys()).toContain('k1000');
    expect(keys().length).toBeLessThan(20);
    expect(useMeetingStore.getState().detail?.window).toEqual({ before: 995, after: 994 });

    release();
    await waitFor('the whole transcript', () => useMeetingStore.getState().detail?.window === undefined);
    expect(keys()).toEqual(core.segments.map((s) => s.key));
  });

  it('opens the meeting again, whole, when the rest cannot be read', async () => {
    core.wholeFails = true;
    openMeeting(LOCAL_ID, { focus: { segmentKey: 'k1000', terms: ['point'], prefix: false } });
    await waitFor('the whole transcript', () => useMeetingStore.getState().detail?.segments.length === 2000);
    expect(core.calls).toEqual(['library:open around k1000', 'library:segments', 'library:open']);
    expect(useMeetingStore.getState().detail?.window).toBeUndefined();
  });

  it('opens the next hit at once while the rest of the last one is still being read', async () => {
    let release = () => {};
    core.gate = new Promise<void>((r) => (release = r));
    const focus = { segmentKey: 'k1000', terms: ['point'], prefix: false };
    openMeeting(LOCAL_ID, { focus });
    await waitFor('the rest asked for', () => core.calls.includes('library:segments'));
    closeMeeting();
    openMeeting(LOCAL_ID, { focus: { ...focus, segmentKey: 'k1500' } });
    await waitFor('the second hit shown', () => keys().includes('k1500') || null);
    expect(core.calls).toEqual(['library:open around k1000', 'library:segments', 'library:open around k1500']);
    expect(useMeetingStore.getState().detail?.window).toBeDefined();

    release();
    await waitFor('the whole transcript', () => useMeetingStore.getState().detail?.window === undefined);
    expect(keys()).toEqual(core.segments.map((s) => s.key));
  });

  it('lays out the rest of the last open only for that open: the next hit gets its lines first, then its own', async () => {
    let release = () => {};
    core.gate = new Promise<void>((r) => (release = r));
    const focus = { segmentKey: 'k1000', terms: ['point'], prefix: false };
    openMeeting(LOCAL_ID, { focus });
    await waitFor('the rest asked for', () => core.calls.includes('library:segments'));
    closeMeeting();
    openMeeting(LOCAL_ID, { focus: { ...focus, segmentKey: 'k1500' } });
    await waitFor('the second hit shown', () => keys().includes('k1500') || null);
    release();
    // The answer to the first open's request has been read and set aside.
    await pause(50);
    expect(useMeetingStore.getState().detail?.window).toBeDefined();
    await waitFor('the whole transcript', () => useMeetingStore.getState().detail?.window === undefined);
    expect(core.calls.filter((c) => c === 'library:segments')).toHaveLength(2);
    expect(keys()).toEqual(core.segments.map((s) => s.key));
  });

  it('opens a meeting from the list whole, in one answer', async () => {
    openMeeting(LOCAL_ID);
    await waitFor('the transcript', () => useMeetingStore.getState().detail);
    expect(core.calls).toEqual(['library:open']);
    expect(keys()).toHaveLength(2000);
  });
});
