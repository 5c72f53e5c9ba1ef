import { describe, expect, it } from 'vitest';
import { parseIcs } from '../../../electron/simulator/ics';
import { dueForAutoJoin, AUTO_JOIN_GRACE_MS, AUTO_JOIN_LEAD_MS } from '../../../electron/simulator/autoJoin';
import type { MeetingRecord } from '../../../electron/simulator/types';

const feed = (...events: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events, 'END:VCALENDAR'].join('\r\n');
const NOW = Date.UTC(2026, 0, 7, 9, 0); // a Wednesday

describe('the simulator’s ICS reading (the next occurrence of each event, as the server imports it)', () => {
  it('takes a one-off event inside the next two weeks, with its link and attendees, and unfolds long lines', () => {
    const parsed = parseIcs(
      feed(
        'BEGIN:VEVENT',
        'UID:one',
        'SUMMARY:Design\\, review',
        'DTSTART:20260108T150000Z',
        'DESCRIPTION:Join at https://meet.google.com/abc-',
        ' defg-hij please',
        'ATTENDEE;CN=Ana;PARTSTAT=ACCEPTED:mailto:Ana@Example.com',
        'ATTENDEE;CUTYPE=ROOM:mailto:room@example.com',
        'BEGIN:VALARM',
        'DESCRIPTION:reminder',
        'END:VALARM',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:far',
        'DTSTART:20260301T150000Z',
        'END:VEVENT',
      ),
      NOW,
    )!;
    expect(parsed.events).toEqual([
      {
        uid: 'one',
        title: 'Design, review',
        scheduledAt: '2026-01-08T15:00:00.000Z',
        linkText: ['Join at https://meet.google.com/abc-defg-hij please'],
        attendees: [{ email: 'ana@example.com', name: 'Ana', partstat: 'accepted' }],
      },
    ]);
  });

  it('expands a weekly repeat to its next occurrence, skipping EXDATEs and instances moved by RECURRENCE-ID', () => {
    const weekly = (extra: string[]) =>
      parseIcs(
        feed('BEGIN:VEVENT', 'UID:w', 'SUMMARY:Weekly', 'DTSTART:20251203T100000Z', 'RRULE:FREQ=WEEKLY', ...extra, 'END:VEVENT'),
        NOW,
      )!.events[0]!.scheduledAt;
    expect(weekly([])).toBe('2026-01-07T10:00:00.000Z');
    expect(weekly(['EXDATE:20260107T100000Z'])).toBe('2026-01-14T10:00:00.000Z');
    const moved = parseIcs(
      feed(
        'BEGIN:VEVENT',
        'UID:w',
        'SUMMARY:Weekly',
        'DTSTART:20251203T100000Z',
        'RRULE:FREQ=WEEKLY',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:w',
        'SUMMARY:Weekly (moved)',
        'RECURRENCE-ID:20260107T100000Z',
        'DTSTART:20260109T100000Z',
        'END:VEVENT',
      ),
      NOW,
    )!.events;
    expect(moved.map((e) => [e.title, e.scheduledAt])).toEqual([['Weekly (moved)', '2026-01-09T10:00:00.000Z']]);
  });

  it('keeps a weekly meeting at its local time across a daylight-saving change (TZID)', () => {
    const march = Date.UTC(2026, 2, 27, 12, 0); // Friday before Berlin's clocks change
    const e = parseIcs(
      feed('BEGIN:VEVENT', 'UID:t', 'DTSTART;TZID=Europe/Berlin:20260302T100000', 'RRULE:FREQ=WEEKLY;BYDAY=MO', 'END:VEVENT'),
      march,
    )!.events[0]!;
    expect(e.scheduledAt).toBe('2026-03-30T08:00:00.000Z'); // 10:00 summer time
  });

  it('honours BYDAY, INTERVAL and COUNT, and reports a cancelled series', () => {
    const e = parseIcs(
      feed('BEGIN:VEVENT', 'UID:b', 'DTSTART:20260105T080000Z', 'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH', 'END:VEVENT'),
      NOW,
    )!.events[0]!;
    expect(e.scheduledAt).toBe('2026-01-08T08:00:00.000Z');
    const over = parseIcs(feed('BEGIN:VEVENT', 'UID:c', 'DTSTART:20251201T080000Z', 'RRULE:FREQ=DAILY;COUNT=3', 'END:VEVENT'), NOW)!;
    expect(over.events).toEqual([]);
    const cancelled = parseIcs(feed('BEGIN:VEVENT', 'UID:x', 'DTSTART:20260108T080000Z', 'STATUS:CANCELLED', 'END:VEVENT'), NOW)!;
    expect(cancelled).toEqual({ events: [], cancelledUids: ['x'] });
  });

  it('is not a calendar without BEGIN:VCALENDAR', () => {
    expect(parseIcs('<html>sign in</html>', NOW)).toBeNull();
  });
});

describe('which plans the simulator’s auto-join sweep dispatches', () => {
  const at = Date.UTC(2026, 0, 7, 10, 0);
  const row = (data: Record<string, unknown>, over: Partial<MeetingRecord> = {}) =>
    ({
      status: 'scheduled',
      stopRequested: false,
      platform: 'google_meet',
      nativeId: 'abc-defg-hij',
      data: { scheduled_at: new Date(at).toISOString(), ...data },
      ...over,
    }) as MeetingRecord;

  it('dispatches two minutes early and never more than ten minutes late', () => {
    expect(AUTO_JOIN_LEAD_MS).toBe(120_000);
    expect(AUTO_JOIN_GRACE_MS).toBe(600_000);
    expect(dueForAutoJoin(row({}), at - 120_001)).toBe(false);
    expect(dueForAutoJoin(row({}), at - 120_000)).toBe(true);
    expect(dueForAutoJoin(row({}), at + 600_000)).toBe(true);
    expect(dueForAutoJoin(row({}), at + 600_001)).toBe(false);
  });

  it('never dispatches a skipped plan, one without a link, or one the bot already owns', () => {
    expect(dueForAutoJoin(row({ auto_join: false }), at)).toBe(false);
    expect(dueForAutoJoin(row({}, { platform: 'unknown', nativeId: null }), at)).toBe(false);
    expect(dueForAutoJoin(row({}, { status: 'requested' }), at)).toBe(false);
    expect(dueForAutoJoin(row({ stop_requested: true }), at)).toBe(false);
  });
});
