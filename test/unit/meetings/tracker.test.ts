import { describe, expect, it } from 'vitest';
import { MeetingTracker } from '../../../electron/core/meetings/tracker';
import type { Meeting, MeetingStatus, StatusTransition } from '../../../shared/vexa/types';

function setup() {
  let now = 1_000_000;
  const changes: number[] = [];
  const tracker = new MeetingTracker(
    { now: () => now, setTimeout: () => ({ cancel() {} }) },
    { onStatus: () => {}, onChange: () => changes.push(now) },
  );
  const meeting = {
    id: 7,
    platform: 'google_meet',
    nativeMeetingId: 'abc-defg-hij',
    status: 'requested',
    name: null,
    meetingUrl: null,
    completionReason: null,
    failureStage: null,
  } as unknown as Meeting;
  tracker.track(meeting);
  const move = (status: MeetingStatus, at: number) => {
    now = at;
    tracker.apply({ meetingId: 7, platform: null, nativeId: null, status, at: null, completionReason: null, failureStage: null });
  };
  return { tracker, move, changes };
}

const step = (from: MeetingStatus | null, to: MeetingStatus, at: number | null): StatusTransition => ({
  from,
  to,
  at,
  source: 'bot_callback',
  reason: null,
  completionReason: null,
  failureStage: null,
});

describe('a bot that moved on before the app was listening', () => {
  it('gets the steps the server recorded, in order, at the server’s times', () => {
    const { tracker, move } = setup();
    move('awaiting_admission', 1_009_000);
    expect(MeetingTracker.skipsSteps('requested', 'awaiting_admission')).toBe(true);
    expect(tracker.fillFromTrail(7, [step(null, 'joining', 1_002_000), step('joining', 'awaiting_admission', 1_008_500)])).toBe(true);
    expect(tracker.get(7)!.history).toEqual([
      { status: 'requested', at: 1_000_000 },
      { status: 'joining', at: 1_002_000 },
      { status: 'awaiting_admission', at: 1_009_000 },
    ]);
  });

  it('keeps a step between its neighbours when the server’s clock disagrees, and adds nothing twice', () => {
    const { tracker, move } = setup();
    move('active', 1_020_000);
    tracker.fillFromTrail(7, [step(null, 'joining', 900_000), step('joining', 'awaiting_admission', 2_000_000)]);
    expect(tracker.get(7)!.history.map((h) => [h.status, h.at])).toEqual([
      ['requested', 1_000_000],
      ['joining', 1_000_000],
      ['awaiting_admission', 1_020_000],
      ['active', 1_020_000],
    ]);
    expect(tracker.fillFromTrail(7, [step(null, 'joining', 1_001_000)])).toBe(false);
  });

  it('never adds the current status, a later one, or an ending, and leaves unknown meetings alone', () => {
    const { tracker, move, changes } = setup();
    move('joining', 1_001_000);
    const before = changes.length;
    expect(
      tracker.fillFromTrail(7, [
        step('joining', 'joining', 1_001_000),
        step('joining', 'active', 1_005_000),
        step('active', 'failed', 1_006_000),
      ]),
    ).toBe(false);
    expect(tracker.get(7)!.history.map((h) => h.status)).toEqual(['requested', 'joining']);
    expect(changes.length).toBe(before);
    expect(tracker.fillFromTrail(99, [step(null, 'joining', 1)])).toBe(false);
    expect(MeetingTracker.skipsSteps('requested', 'joining')).toBe(false);
  });
});
