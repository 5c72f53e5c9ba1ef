import { beforeEach, describe, expect, it } from 'vitest';
import type { CaptionView, TrackedMeetingView } from '../../../shared/ipc/models';
import { keyOfTracked, meetingKey, parseMeetingKey } from '../../../renderer/app/meetingKey';
import { useBotsStore } from '../../../renderer/features/bots/store';
import { useCaptionsStore } from '../../../renderer/features/captions/store';

// Two servers may both have meeting 7: everything the window keeps per meeting is keyed by both.

const A = 'https://cloud.example';
const B = 'https://lab.example';

function tracked(serverId: string, id: number, name: string): TrackedMeetingView {
  return {
    serverId,
    id,
    platform: 'google_meet',
    nativeId: 'abc-defg-hij',
    name,
    meetingUrl: null,
    status: 'active',
    since: 0,
    history: [{ status: 'active', at: 0 }],
    completionReason: null,
    failureStage: null,
    outcome: null,
  };
}

function line(key: string, at: number, text: string): CaptionView {
  return {
    key,
    segmentId: key,
    speaker: 'Maya',
    text,
    start: at,
    end: at + 1,
    absoluteStart: at * 1000,
    absoluteEnd: (at + 1) * 1000,
    language: 'en',
    completed: true,
    draft: false,
  };
}

describe('a meeting’s key', () => {
  it('names its server and its id, and reads back', () => {
    expect(meetingKey(A, 7)).not.toBe(meetingKey(B, 7));
    expect(parseMeetingKey(keyOfTracked(tracked(B, 7, 'x')))).toEqual({ serverId: B, meetingId: 7 });
    expect(parseMeetingKey('7')).toBeNull();
  });
});

describe('the followed meetings of several servers', () => {
  beforeEach(() => useBotsStore.setState({ meetings: [], busy: {}, errors: {}, focus: null, running: {} }));

  it('keeps meeting 7 of each server apart: its status, what is being done to it, its error', () => {
    const bots = useBotsStore.getState();
    bots.upsert(tracked(A, 7, 'On Cloud'));
    bots.upsert(tracked(B, 7, 'On Lab'));
    expect(useBotsStore.getState().meetings.map((m) => m.name)).toEqual(['On Lab', 'On Cloud']);
    bots.setBusy({ serverId: B, meetingId: 7 }, 'stop');
    bots.setError({ serverId: A, meetingId: 7 }, 'Cloud refused');
    const s = useBotsStore.getState();
    expect(s.busy).toEqual({ [meetingKey(B, 7)]: 'stop' });
    expect(s.errors).toEqual({ [meetingKey(A, 7)]: 'Cloud refused' });
    bots.remove({ serverId: A, meetingId: 7 });
    expect(useBotsStore.getState().meetings.map((m) => m.name)).toEqual(['On Lab']);
  });

  it('replaces only one server’s meetings when that server is read again', () => {
    const bots = useBotsStore.getState();
    bots.setMeetings([tracked(A, 7, 'Cloud old'), tracked(B, 7, 'Lab'), tracked(A, 8, 'Cloud gone')]);
    bots.setServerMeetings(A, [tracked(A, 7, 'Cloud new')]);
    expect(
      useBotsStore
        .getState()
        .meetings.map((m) => m.name)
        .sort(),
    ).toEqual(['Cloud new', 'Lab']);
  });
});

describe('the live captions of several servers', () => {
  it('applies a delta of meeting 7 on one server to that meeting only', () => {
    const captions = useCaptionsStore.getState();
    captions.begin({ serverId: A, meetingId: 7 });
    captions.begin({ serverId: B, meetingId: 7 });
    captions.applySnapshot({ serverId: A, meetingId: 7, version: 1, segments: [line('a1', 1, 'Cloud line')], gaps: [], rejectedFrames: 0 });
    captions.applySnapshot({ serverId: B, meetingId: 7, version: 1, segments: [line('b1', 1, 'Lab line')], gaps: [], rejectedFrames: 0 });
    captions.applyDelta({ serverId: B, meetingId: 7, version: 2, upserted: [line('b2', 2, 'Lab second')], removed: [] });
    const texts = (serverId: string) => useCaptionsStore.getState().meetings[meetingKey(serverId, 7)]?.index.segments.map((s) => s.text);
    expect(texts(A)).toEqual(['Cloud line']);
    expect(texts(B)).toEqual(['Lab line', 'Lab second']);

    // The server that left takes its captions with it; the other's stay.
    useCaptionsStore.getState().retain(new Set([meetingKey(A, 7)]));
    expect(texts(A)).toEqual(['Cloud line']);
    expect(texts(B)).toBeUndefined();
  });
});
