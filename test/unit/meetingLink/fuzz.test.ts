import { describe, expect, it } from 'vitest';
import { looksLikeMeetingLink, parseMeetingLink, UNREADABLE, type MeetingLinkErrorCode } from '../../../shared/meeting-link';
import { cases } from './cases';
import { mulberry32, pick } from '../../support/random';

const CODES: MeetingLinkErrorCode[] = [
  'empty',
  'too_long',
  'not_a_link',
  'calendar_link',
  'lookup_link',
  'short_link',
  'registration_link',
  'personal_link',
  'unsupported_host',
  'unsupported_platform',
  'private_address',
  'ip_address',
  'missing_id',
  'invalid_id',
];

const PIECES = [
  'https://',
  'http://',
  'msteams:',
  'zoommtg://',
  'meet.google.com/',
  'g.co/meet/',
  'teams.microsoft.com/',
  'teams.live.com/meet/',
  'gov.teams.microsoft.us/',
  'l/meetup-join/',
  '19:meeting_',
  '19%3ameeting_',
  '@thread.v2',
  '%40thread.v2',
  'zoom.us/j/',
  'zoom.us/my/',
  'zoom.us/webinar/register/',
  'meet.jit.si/',
  'jitsi.example.org/',
  'meet.example.org/',
  'localhost',
  '127.0.0.1',
  '[::1]',
  'aka.ms/',
  'calendar.google.com/',
  'www.google.com/url?q=',
  'safelinks.protection.outlook.com/?url=',
  '?p=',
  '?pwd=',
  '&',
  '=',
  '#',
  '#/meet/',
  '/',
  '?',
  '%',
  '%2',
  '%E0%A4%A',
  '%7b',
  '"',
  "'",
  '<',
  '>',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ' ',
  '\n',
  '\t',
  '\u00a0',
  '\u0000',
  '\u202e',
  'abc-defg-hij',
  'ABC-DEFG-HIJ',
  '845 1234 5678',
  '3819259144678',
  '123456789',
  'Meeting ID: ',
  'Passcode: ',
  'Zq2Wx7',
  '😀',
  'é',
  '.',
  ',',
  ':',
];

function fuzzInput(next: () => number): string {
  const roll = next();
  if (roll < 0.4) {
    // A real case, damaged: characters dropped, doubled or replaced.
    const chars = [...pick(next, cases)[1]];
    for (let i = Math.floor(next() * 6); i >= 0 && chars.length > 0; i--) {
      const at = Math.floor(next() * chars.length);
      const kind = next();
      if (kind < 0.33) chars.splice(at, 1);
      else if (kind < 0.66) chars.splice(at, 0, chars[at]!);
      else chars[at] = pick(next, PIECES);
    }
    return chars.join('');
  }
  if (roll < 0.9) return Array.from({ length: 1 + Math.floor(next() * 12) }, () => pick(next, PIECES)).join('');
  return Array.from({ length: Math.floor(next() * 200) }, () => String.fromCharCode(Math.floor(next() * 0x3000))).join('');
}

describe('parseMeetingLink on arbitrary input', () => {
  it('never throws and always answers in the documented shape', () => {
    // A fixed seed, so a failure reproduces.
    const next = mulberry32(20260312);
    for (let i = 0; i < 4000; i++) {
      const input = fuzzInput(next);
      let result: ReturnType<typeof parseMeetingLink> | undefined;
      let offered = false;
      expect(() => {
        result = parseMeetingLink(input);
        offered = looksLikeMeetingLink(input);
      }, JSON.stringify(input)).not.toThrow();
      if (!result) continue;
      if (result.ok) {
        const { nativeMeetingId: id, meetingUrl } = result.value;
        expect(['google_meet', 'teams', 'zoom', 'jitsi']).toContain(result.value.platform);
        expect(id.length, JSON.stringify(input)).toBeGreaterThan(0);
        expect(id.length).toBeLessThanOrEqual(255);
        expect(id, JSON.stringify(input)).not.toMatch(/[?#&=/\s\u0000-\u001f\u007f]/);
        if (meetingUrl !== undefined) expect(meetingUrl.startsWith('https://'), JSON.stringify(input)).toBe(true);
      } else {
        expect(CODES).toContain(result.code);
        expect(result.message).toMatch(/\.$/);
        // The parser's own code threw and the safety net answered.
        expect(result.message, JSON.stringify(input)).not.toBe(UNREADABLE);
      }
      if (offered) expect(result.ok, JSON.stringify(input)).toBe(true);
    }
  });

  it('answers for the largest input it accepts, and refuses anything longer', () => {
    const big = `${'https://meet.google.com/abc-defg-hij '.repeat(270)}`.slice(0, 10_000);
    expect(parseMeetingLink(big)).toMatchObject({ ok: true, value: { nativeMeetingId: 'abc-defg-hij' } });
    const words = 'a.b a.b.c 1.2.3.4 x-y-z '.repeat(500).slice(0, 10_000);
    expect(parseMeetingLink(words).ok).toBe(false);
    expect(parseMeetingLink(`${words}x`)).toMatchObject({ ok: false, code: 'too_long' });
  });
});
