import { describe, expect, it } from 'vitest';
import { parseStatusFrame } from '../../../shared/meetings/statusFrame';

describe('status frames of every generation', () => {
  it('reads the G1 frame with a naive UTC timestamp', () => {
    expect(
      parseStatusFrame({
        type: 'meeting.status',
        meeting: { id: 12, platform: 'google_meet', native_id: 'abc-defg-hij' },
        payload: { status: 'awaiting_admission' },
        ts: '2026-01-02T10:00:00.123456',
      }),
    ).toEqual({
      meetingId: 12,
      platform: 'google_meet',
      nativeId: 'abc-defg-hij',
      status: 'awaiting_admission',
      at: Date.UTC(2026, 0, 2, 10, 0, 0, 123),
      completionReason: null,
      failureStage: null,
    });
  });

  it('folds G2 needs_human_help into needs_help', () => {
    expect(
      parseStatusFrame({
        type: 'meeting.status',
        meeting: { id: 3 },
        user_id: 1,
        payload: { status: 'needs_human_help', data: { escalation_reason: 'captcha' } },
        ts: '2026-01-02T10:00:00Z',
      })?.status,
    ).toBe('needs_help');
  });

  it('reads the G3 flat user-channel frame', () => {
    expect(
      parseStatusFrame({
        type: 'meeting.status',
        meeting_id: 44,
        native: 'abc-defg-hij',
        status: 'completed',
        when: '2026-01-02T10:00:00+00:00',
      }),
    ).toMatchObject({
      meetingId: 44,
      nativeId: 'abc-defg-hij',
      status: 'completed',
      at: Date.UTC(2026, 0, 2, 10),
    });
  });

  it('ignores frames that are not statuses or carry no known status', () => {
    for (const f of [
      { type: 'transcript', meeting: { id: 1 } },
      { type: 'meeting.status' },
      { type: 'meeting.status', meeting: { id: 1 }, payload: { status: 'connecting' } },
      { type: 'meeting.status', meeting_id: 'x', status: 'active' },
      { type: 'meeting.status', meeting: 'nope', payload: 5 },
    ]) {
      expect(parseStatusFrame(f as Record<string, unknown>)).toBeNull();
    }
  });
});
