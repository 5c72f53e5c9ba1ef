import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPlanTime, localFields, parseLocalDateTime, zoneLabel } from '../../../shared/planning/when';

const NOW = new Date(2026, 2, 10, 9, 0).getTime(); // 10 March 2026, 09:00 local

describe('the date and time typed for a scheduled bot', () => {
  it('reads the fields in the local zone', () => {
    const r = parseLocalDateTime('2026-03-10', '14:30', NOW);
    expect(r).toEqual({ ok: true, at: new Date(2026, 2, 10, 14, 30).getTime() });
    expect(localFields(new Date(2026, 2, 10, 14, 30).getTime())).toEqual({ date: '2026-03-10', time: '14:30' });
  });

  it('refuses a time already past, in words, and one more than a year ahead', () => {
    expect(parseLocalDateTime('2026-03-10', '08:59', NOW)).toEqual({
      ok: false,
      field: 'time',
      message: 'That time has already passed. Choose a time later than now.',
    });
    expect(checkPlanTime(NOW, NOW).ok).toBe(false);
    expect(parseLocalDateTime('2027-03-12', '10:00', NOW)).toMatchObject({ ok: false, field: 'date' });
  });

  it('names what is missing or impossible', () => {
    expect(parseLocalDateTime('', '10:00', NOW)).toMatchObject({ ok: false, field: 'date' });
    expect(parseLocalDateTime('2026-03-10', '', NOW)).toMatchObject({ ok: false, field: 'time' });
    expect(parseLocalDateTime('2026-02-30', '10:00', NOW)).toMatchObject({
      ok: false,
      field: 'date',
      message: 'That date does not exist. Check the day and month.',
    });
    expect(parseLocalDateTime('2026-03-10', '24:00', NOW)).toMatchObject({ ok: false, field: 'time' });
  });

  it('shows the zone by name with its offset', () => {
    expect(zoneLabel(NOW, 'Europe/Berlin')).toMatch(/^Europe\/Berlin, UTC[+−]\d\d:\d\d$/);
  });
});

describe('a night the clocks change (Europe/Berlin)', () => {
  const before = process.env.TZ;
  // Node reads TZ again when it changes, so the local zone here is Berlin's.
  beforeAll(() => void (process.env.TZ = 'Europe/Berlin'));
  afterAll(() => {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  });

  it('refuses 02:30 on the night it does not exist, and shows summer time after', () => {
    const now = Date.UTC(2026, 2, 20, 8, 0);
    expect(parseLocalDateTime('2026-03-29', '02:30', now)).toMatchObject({ ok: false, field: 'time' });
    const r = parseLocalDateTime('2026-03-29', '10:00', now);
    expect(r).toEqual({ ok: true, at: Date.UTC(2026, 2, 29, 8, 0) });
    expect(zoneLabel(Date.UTC(2026, 2, 29, 8, 0), 'Europe/Berlin')).toBe('Europe/Berlin, UTC+02:00');
    expect(zoneLabel(Date.UTC(2026, 2, 20, 8, 0), 'Europe/Berlin')).toBe('Europe/Berlin, UTC+01:00');
  });
});
