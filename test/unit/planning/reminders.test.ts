import { describe, expect, it } from 'vitest';
import type { PlanView } from '../../../shared/ipc/planning';
import { nextReminderIn, REMINDER_LEAD_MS, reminderKey, remindersDue, reminderText } from '../../../electron/core/planning/reminders';

const AT = Date.UTC(2026, 5, 1, 14, 0);
const plan = (over: Partial<PlanView> = {}): PlanView => ({
  serverId: 's',
  id: 1,
  status: 'scheduled',
  title: 'Weekly',
  name: 'Weekly',
  link: 'https://meet.google.com/abc-defg-hij',
  platform: 'google_meet',
  scheduledAt: AT,
  autoJoin: true,
  calendar: null,
  ...over,
});

describe('reminders of scheduled bots', () => {
  it('are due five minutes before the start, once, and not after the start', () => {
    expect(REMINDER_LEAD_MS).toBe(5 * 60_000);
    expect(remindersDue([plan()], AT - REMINDER_LEAD_MS - 1, new Set())).toEqual([]);
    expect(remindersDue([plan()], AT - REMINDER_LEAD_MS, new Set()).map((p) => p.id)).toEqual([1]);
    expect(remindersDue([plan()], AT - 60_000, new Set([reminderKey(plan())]))).toEqual([]);
    expect(remindersDue([plan()], AT, new Set())).toEqual([]);
    expect(remindersDue([plan({ scheduledAt: null })], AT, new Set())).toEqual([]);
  });

  it('come again for a plan moved to another time', () => {
    const given = new Set([reminderKey(plan())]);
    const moved = plan({ scheduledAt: AT + 3_600_000 });
    expect(remindersDue([moved], AT + 3_600_000 - 60_000, given).map((p) => p.scheduledAt)).toEqual([AT + 3_600_000]);
  });

  it('say when the next one falls due', () => {
    expect(nextReminderIn([plan(), plan({ id: 2, scheduledAt: AT + 60_000 })], AT - 3_600_000, new Set())).toBe(
      3_600_000 - REMINDER_LEAD_MS,
    );
    expect(nextReminderIn([plan()], AT + 1, new Set())).toBeNull();
  });

  it('say what the server will do: the bot about 2 minutes early, up to 15 minutes in the lobby; or why no bot comes', () => {
    expect(reminderText(plan(), '14:00')).toEqual({
      title: 'Coming up at 14:00: Weekly',
      body: 'The server sends its bot about 2 minutes before the start; it waits up to 15 minutes in the lobby for someone to let it in.',
    });
    expect(reminderText(plan({ autoJoin: false }), '14:00').body).toContain('No bot will join this one: you skipped it.');
    expect(reminderText(plan({ link: null, platform: 'unknown' }), '14:00').body).toContain('no meeting link');
  });
});
