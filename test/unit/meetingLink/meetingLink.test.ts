import { describe, expect, it } from 'vitest';
import { looksLikeMeetingLink, parseMeetingLink, platformLabel } from '../../../shared/meeting-link';
import { cases } from './cases';

describe('parseMeetingLink', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    const result = parseMeetingLink(input);
    if ('code' in expected) {
      expect(result).toMatchObject({ ok: false, code: expected.code });
      if (!result.ok) expect(result.message.toLowerCase()).toContain(expected.says.toLowerCase());
    } else {
      expect(result).toStrictEqual({ ok: true, value: expected });
    }
  });

  it('explains every refusal in one sentence', () => {
    for (const [, input, expected] of cases) {
      const result = parseMeetingLink(input);
      if ('code' in expected && !result.ok) {
        expect(result.message).toMatch(/^[A-Z“"]/);
        expect(result.message).toMatch(/\.$/);
        expect(result.message.length).toBeLessThan(220);
      }
    }
  });

  it('does not throw on values a careless caller passes', () => {
    for (const value of [undefined, null, 42, {}, []]) {
      expect(parseMeetingLink(value as unknown as string)).toMatchObject({ ok: false, code: 'empty' });
    }
  });
});

describe('looksLikeMeetingLink', () => {
  it('offers links that would be accepted', () => {
    expect(looksLikeMeetingLink('https://meet.google.com/abc-defg-hij')).toBe(true);
    expect(looksLikeMeetingLink('Join: https://us06web.zoom.us/j/84512345678?pwd=x')).toBe(true);
    expect(looksLikeMeetingLink('https://teams.live.com/meet/9398850720294?p=AbCdEf12')).toBe(true);
    expect(looksLikeMeetingLink('https://meet.jit.si/WeeklyPlanning')).toBe(true);
    expect(looksLikeMeetingLink('abc-defg-hij')).toBe(true);
  });

  it('stays quiet for ordinary clipboard contents and for links it would refuse', () => {
    for (const text of [
      '',
      'see you at 10',
      '+1 646 558 8656',
      '84512345678',
      'https://docs.google.com/document/d/1AbC/edit',
      'https://calendar.google.com/calendar/event?eid=NGE0',
      'https://zoom.us/my/jane.doe',
      'https://meet.example.org/standup',
      'x'.repeat(20_000),
    ]) {
      expect(looksLikeMeetingLink(text), text.slice(0, 40)).toBe(false);
    }
  });
});

describe('platformLabel', () => {
  it('names each platform the way people know it', () => {
    expect(platformLabel('google_meet')).toBe('Google Meet');
    expect(platformLabel('teams')).toBe('Microsoft Teams');
    expect(platformLabel('zoom')).toBe('Zoom');
    expect(platformLabel('jitsi')).toBe('Jitsi');
    expect(platformLabel('browser_session')).toBe('Browser session');
    // A value no known server sends is shown as it is.
    expect(platformLabel('webex_live')).toBe('webex_live');
  });
});
