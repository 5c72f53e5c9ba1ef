import { describe, expect, it } from 'vitest';
import { MeetingTracker } from '../../../electron/core/meetings/tracker';
import { helpReasonText, helpScreenUrl } from '../../../shared/meetings/health';
import { parseStatusFrame } from '../../../shared/meetings/statusFrame';
import type { Meeting } from '../../../shared/vexa/types';
import { healthView, reportAge } from '../../../renderer/features/meetingInfo/describe';

// G2 (v0.10) publishes needs_human_help with payload.data {escalation_reason, vnc_url: "/b/{id}",
// escalated_at} (meeting_api/callbacks.py bot_status_change_callback).
const g2Frame = {
  type: 'meeting.status',
  meeting: { id: 7, platform: 'google_meet', native_id: 'abc-defg-hij' },
  payload: {
    status: 'needs_human_help',
    data: { escalation_reason: 'admission_needs_a_person', vnc_url: '/b/7', escalated_at: '2026-06-01T10:00:00' },
  },
  user_id: 1,
  ts: '2026-06-01T10:00:00',
};

describe('a bot that needs a person, as the server says it', () => {
  it('reads the reason and the screen address from a G2 frame; G3 frames carry none', () => {
    const u = parseStatusFrame(g2Frame)!;
    expect(u.status).toBe('needs_help');
    expect(u.help).toEqual({ reason: 'admission needs a person', screen: '/b/7', at: Date.UTC(2026, 5, 1, 10) });
    const g3 = parseStatusFrame({
      type: 'meeting.status',
      meeting: { id: 7 },
      payload: { status: 'needs_help' },
      ts: '2026-06-01T10:00:00+00:00',
    })!;
    expect(g3.help).toBeNull();
    expect(helpReasonText('unknown')).toBeNull();
  });

  it('opens the screen only on the meeting’s own server, and never adds a key', () => {
    expect(helpScreenUrl('https://vexa.example.com', '/b/7')).toBe('https://vexa.example.com/b/7');
    expect(helpScreenUrl('https://vexa.example.com/api', '/b/7')).toBe('https://vexa.example.com/b/7');
    expect(helpScreenUrl('https://vexa.example.com', 'https://evil.example.net/b/7')).toBeNull();
    expect(helpScreenUrl('https://vexa.example.com', 'javascript:alert(1)')).toBeNull();
    expect(helpScreenUrl('https://vexa.example.com', null)).toBeNull();
  });

  it('is kept on the followed meeting while it needs help, shown with the server’s words, and dropped once it moves on', () => {
    const tracker = new MeetingTracker({ now: () => 1, setTimeout: () => ({ cancel() {} }) }, { onStatus: () => {}, onChange: () => {} });
    tracker.track({ id: 7, platform: 'google_meet', nativeMeetingId: 'abc-defg-hij', status: 'awaiting_admission' } as unknown as Meeting);
    tracker.apply(parseStatusFrame(g2Frame)!);
    const m = tracker.get(7)!;
    const view = healthView(m)!;
    expect(view.detail).toBe('admission needs a person');
    expect(view.screen).toBe(true);
    expect(view.advice).toContain('Open the bot’s screen');
    tracker.apply({ meetingId: 7, platform: null, nativeId: null, status: 'active', at: null, completionReason: null, failureStage: null });
    expect(tracker.get(7)!.help).toBeNull();
    expect(healthView(tracker.get(7)!)).toBeNull();
  });
});

describe('a health problem’s age', () => {
  it('is said once the report is a minute old (a problem brought back after a restart), not before', () => {
    expect(reportAge(1_000_000, 1_030_000, () => 'x')).toBeNull();
    expect(reportAge(1_000_000, 1_180_000, () => '3 min ago')).toBe('Last reported 3 min ago.');
    expect(reportAge(null, 5_000_000, () => 'x')).toBeNull();
  });
});
