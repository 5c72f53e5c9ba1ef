import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MeetingDetailView } from '../../../shared/ipc/library';
import type { CaptionView, LiveSnapshotView } from '../../../shared/ipc/models';
import type { MeetingStatusView } from '../../../renderer/features/bots/describe';
import { meetingKey } from '../../../renderer/app/meetingKey';
import { waitFor } from '../../support/waitFor';

// A finished meeting opened in the library is shown from the cache, so the window stops holding
// its live captions; the Live screen loads them again, whole, when it next shows the meeting.

const SERVER = 'https://cloud.example';
const REMOTE_ID = 7;
const LOCAL_ID = 1;
const state = { status: 'completed' as MeetingStatusView, liveOpens: 0 };

function line(i: number): CaptionView {
  return {
    key: `s${i}`,
    segmentId: `s${i}`,
    speaker: 'Maya',
    text: `Line ${i}.`,
    start: i * 3,
    end: i * 3 + 2,
    absoluteStart: i * 3000,
    absoluteEnd: i * 3000 + 2000,
    language: 'en',
    completed: true,
    draft: false,
  };
}
const LINES = Array.from({ length: 500 }, (_, i) => line(i));

vi.mock('../../../renderer/platform/api', () => ({
  api: {
    invoke: async (channel: string) => {
      if (channel === 'live:open') {
        state.liveOpens++;
        const snapshot: LiveSnapshotView = {
          serverId: SERVER,
          meetingId: REMOTE_ID,
          version: 1,
          segments: LINES,
          gaps: [],
          rejectedFrames: 0,
        };
        return { ok: true, value: snapshot };
      }
      if (channel === 'library:open') {
        const detail = {
          meeting: { id: LOCAL_ID, serverId: SERVER, remoteId: REMOTE_ID, status: state.status },
          segments: [],
          timeline: { entries: [] },
          edits: [],
        } as unknown as MeetingDetailView;
        return { ok: true, value: detail };
      }
      return { ok: false, code: 'internal', message: `not in this test: ${channel}` };
    },
    on: () => () => {},
  },
  link: { status: () => 'open', onStatus: () => () => {}, reconnectNow() {} },
}));

const { openCaptions, ensureCaptions } = await import('../../../renderer/features/captions/actions');
const { useCaptionsStore } = await import('../../../renderer/features/captions/store');
const { openMeeting } = await import('../../../renderer/features/meeting/actions');
const { useMeetingStore } = await import('../../../renderer/features/meeting/store');
const { useLiveStore } = await import('../../../renderer/features/live/store');

const KEY = meetingKey(SERVER, REMOTE_ID);
const held = (): boolean => KEY in useCaptionsStore.getState().meetings;

async function openInLibrary(): Promise<void> {
  useMeetingStore.setState({ open: null, detail: null });
  openMeeting(LOCAL_ID, { serverId: SERVER });
  await waitFor('the meeting open in the library', async () => useMeetingStore.getState().detail !== null);
}

beforeEach(async () => {
  state.status = 'completed';
  state.liveOpens = 0;
  useLiveStore.getState().setOverlay(null);
  useCaptionsStore.getState().retain(new Set());
  await openCaptions({ serverId: SERVER, meetingId: REMOTE_ID });
  expect(useCaptionsStore.getState().meetings[KEY]?.index.segments).toHaveLength(LINES.length);
});

describe('the live copy of a meeting open in the library', () => {
  it('is dropped once the meeting has ended, and comes back whole when the Live screen shows it', async () => {
    await openInLibrary();
    expect(held()).toBe(false);

    ensureCaptions({ serverId: SERVER, meetingId: REMOTE_ID });
    await waitFor('the captions loaded again', async () => useCaptionsStore.getState().meetings[KEY]?.status === 'ready');
    expect(useCaptionsStore.getState().meetings[KEY]?.index.segments.map((s) => s.text)).toEqual(LINES.map((s) => s.text));
    expect(state.liveOpens).toBe(2);
  });

  it('stays while the meeting is still being transcribed', async () => {
    state.status = 'active';
    await openInLibrary();
    expect(held()).toBe(true);
  });

  it('stays while the caption overlay shows it', async () => {
    useLiveStore.getState().setOverlay({ serverId: SERVER, meetingId: REMOTE_ID, mode: 'panel' });
    await openInLibrary();
    expect(held()).toBe(true);
  });
});
