import { describe, expect, it } from 'vitest';
import type { TrackedMeetingView } from '../../../shared/ipc/models';
import {
  attentionText,
  canStop,
  elapsedWords,
  formatElapsed,
  historySteps,
  isSlowToJoin,
  joiningFor,
  meetingChip,
  orderForDisplay,
  outcomeTone,
  statusAnnouncement,
  statusChanges,
  statusChip,
} from '../../../renderer/features/bots/describe';
import { createThrottledAnnouncer } from '../../../renderer/features/bots/throttle';

const T0 = 1_800_000_000_000;

function meeting(id: number, status: TrackedMeetingView['status'], patch: Partial<TrackedMeetingView> = {}): TrackedMeetingView {
  return {
    serverId: 'https://a.example',
    id,
    platform: 'google_meet',
    nativeId: 'abc-defg-hij',
    name: `Meeting ${id}`,
    meetingUrl: 'https://meet.google.com/abc-defg-hij',
    status,
    since: T0,
    history: [{ status, at: T0 }],
    completionReason: null,
    failureStage: null,
    outcome: null,
    ...patch,
  };
}

describe('elapsed time', () => {
  it('reads like a clock and, for screen readers, in words', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(42_900)).toBe('0:42');
    expect(formatElapsed(12 * 60_000 + 5_000)).toBe('12:05');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
    expect(formatElapsed(-5_000)).toBe('0:00');
    expect(elapsedWords(1_000)).toBe('1 second');
    expect(elapsedWords(185_000)).toBe('3 minutes 5 seconds');
    expect(elapsedWords(120_000)).toBe('2 minutes');
    expect(elapsedWords(3_720_000)).toBe('1 hour 2 minutes');
  });
});

describe('a bot that is slow to join', () => {
  it('is flagged once it has been requested or joining for more than a minute, counted from the first of the two', () => {
    const joining = meeting(1, 'joining', {
      since: T0 + 20_000,
      history: [
        { status: 'requested', at: T0 },
        { status: 'joining', at: T0 + 20_000 },
      ],
    });
    expect(joiningFor(joining, T0 + 50_000)).toBe(50_000);
    expect(isSlowToJoin(joining, T0 + 60_000)).toBe(false);
    expect(isSlowToJoin(joining, T0 + 61_000)).toBe(true);
  });

  it('is not flagged in the lobby or in the meeting, however long it has been', () => {
    expect(isSlowToJoin(meeting(1, 'awaiting_admission'), T0 + 600_000)).toBe(false);
    expect(isSlowToJoin(meeting(1, 'active'), T0 + 600_000)).toBe(false);
  });
});

describe('status words', () => {
  it('labels every status the app follows', () => {
    expect(statusChip('awaiting_admission')).toEqual({ label: 'Waiting in the lobby', tone: 'warn' });
    expect(statusChip('active').label).toBe('Transcribing');
    expect(statusChip('needs_help').tone).toBe('danger');
    expect(statusChip('failed').tone).toBe('danger');
  });

  it('calls a bot the person stopped "Stopped", even where the server files it as failed', () => {
    expect(meetingChip(meeting(1, 'failed', { completionReason: 'stopped_before_admission' }))).toEqual({
      label: 'Stopped',
      tone: 'neutral',
    });
    expect(outcomeTone(meeting(1, 'failed', { completionReason: 'stopped' }))).toBe('neutral');
    expect(meetingChip(meeting(1, 'failed', { completionReason: 'awaiting_admission_rejected' })).label).toBe('Failed');
    expect(outcomeTone(meeting(1, 'failed', { completionReason: 'evicted' }))).toBe('danger');
    expect(meetingChip(meeting(1, 'completed', { completionReason: 'left_alone' })).label).toBe('Completed');
  });

  it('offers a stop only while the bot is on its way or in the meeting', () => {
    expect(canStop('requested')).toBe(true);
    expect(canStop('awaiting_admission')).toBe(true);
    expect(canStop('active')).toBe(true);
    expect(canStop('stopping')).toBe(false);
    expect(canStop('completed')).toBe(false);
  });

  it('words the lobby banner and the needs-help banner', () => {
    expect(attentionText(meeting(1, 'awaiting_admission', { name: 'Weekly sync' })).title).toBe(
      'The bot is waiting in the lobby of Weekly sync',
    );
    expect(attentionText(meeting(1, 'needs_help', { name: 'Weekly sync' })).title).toBe('The bot needs help in Weekly sync');
  });
});

describe('status history', () => {
  it('gives the time spent in each status, the current one still running', () => {
    const m = meeting(1, 'awaiting_admission', {
      history: [
        { status: 'requested', at: T0 },
        { status: 'joining', at: T0 + 2_000 },
        { status: 'awaiting_admission', at: T0 + 5_000 },
      ],
    });
    expect(historySteps(m, T0 + 65_000)).toEqual([
      { status: 'requested', label: 'Requested', durationMs: 2_000, current: false },
      { status: 'joining', label: 'Joining', durationMs: 3_000, current: false },
      { status: 'awaiting_admission', label: 'Waiting in the lobby', durationMs: 60_000, current: true },
    ]);
  });

  it('does not count time in the final status of a finished meeting', () => {
    const m = meeting(1, 'completed', {
      history: [
        { status: 'active', at: T0 },
        { status: 'completed', at: T0 + 9_000 },
      ],
    });
    expect(historySteps(m, T0 + 99_000).map((s) => s.durationMs)).toEqual([9_000, null]);
  });
});

describe('announcements', () => {
  it('speaks of the lobby, admission and the outcome, not of every step', () => {
    expect(statusAnnouncement(meeting(1, 'awaiting_admission', { name: 'Standup' }))).toBe(
      'The bot is waiting in the lobby of Standup. Admit it in the meeting.',
    );
    expect(statusAnnouncement(meeting(1, 'active', { name: 'Standup' }))).toBe('The bot is transcribing Standup.');
    expect(statusAnnouncement(meeting(1, 'failed', { name: 'Standup', outcome: 'The host denied the bot entry to the meeting.' }))).toBe(
      'Standup: The host denied the bot entry to the meeting.',
    );
    expect(statusAnnouncement(meeting(1, 'joining'))).toBeNull();
    expect(statusAnnouncement(meeting(1, 'stopping'))).toBeNull();
  });

  it('announces only meetings whose status changed, and not finished meetings seen for the first time', () => {
    const before = [meeting(1, 'joining'), meeting(2, 'active')];
    const after = [meeting(1, 'awaiting_admission'), meeting(2, 'active'), meeting(3, 'completed', { outcome: 'Done.' })];
    expect(statusChanges(before, after)).toEqual(['The bot is waiting in the lobby of Meeting 1. Admit it in the meeting.']);
    expect(statusChanges(after, after)).toEqual([]);
  });

  it('puts meetings that need a person first, finished ones last, keeping the order within each group', () => {
    const list = [
      meeting(1, 'completed'),
      meeting(2, 'active'),
      meeting(3, 'awaiting_admission'),
      meeting(4, 'joining'),
      meeting(5, 'failed'),
    ];
    expect(orderForDisplay(list).map((m) => m.id)).toEqual([3, 2, 4, 1, 5]);
  });
});

describe('the announcement throttle', () => {
  function harness() {
    let now = 0;
    const spoken: string[] = [];
    const pending: Array<{ at: number; fn: () => void }> = [];
    const say = createThrottledAnnouncer(
      { announce: (m) => spoken.push(m), now: () => now, schedule: (fn, ms) => void pending.push({ at: now + ms, fn }) },
      2_000,
    );
    const advance = (ms: number) => {
      now += ms;
      for (const task of pending.splice(0).filter((t) => t.at <= now)) task.fn();
    };
    return { say, spoken, advance };
  }

  it('speaks the first message at once and joins a burst into one message afterwards', () => {
    const { say, spoken, advance } = harness();
    say('Bot A is in the lobby.');
    say('Bot B is in the lobby.');
    say('Bot B is in the lobby.');
    say('Bot C is transcribing.');
    expect(spoken).toEqual(['Bot A is in the lobby.']);
    advance(2_000);
    expect(spoken).toEqual(['Bot A is in the lobby.', 'Bot B is in the lobby. Bot C is transcribing.']);
  });

  it('speaks at once again after a quiet interval', () => {
    const { say, spoken, advance } = harness();
    say('One.');
    advance(5_000);
    say('Two.');
    expect(spoken).toEqual(['One.', 'Two.']);
  });
});
