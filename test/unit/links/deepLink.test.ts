import { describe, expect, it } from 'vitest';
import {
  deepLinkLogFields,
  joinDeepLink,
  MAX_DEEP_LINK_LENGTH,
  meetingDeepLink,
  parseDeepLink,
  type DeepLinkResult,
} from '../../../shared/deepLink';
import { mulberry32, pick } from '../../support/random';

const MEET = 'https://meet.google.com/abc-defg-hij';
const ZOOM = 'https://us05web.zoom.us/j/81234567890?pwd=Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy.1';

const refusal = (result: DeepLinkResult): string => (result.ok ? 'accepted' : result.code);

describe('vexa://join', () => {
  it('reads the meeting link from url=, percent-decoded, and keeps it as given', () => {
    expect(parseDeepLink(joinDeepLink(MEET))).toEqual({ ok: true, link: { kind: 'join', meetingLink: MEET } });
    // A Zoom link's own query survives encoding and decoding whole (its passcode included).
    expect(parseDeepLink(joinDeepLink(ZOOM))).toEqual({ ok: true, link: { kind: 'join', meetingLink: ZOOM } });
  });

  it('takes the forms launchers and people write: no slashes, a trailing slash, capitals, an unencoded link', () => {
    for (const link of [
      `vexa:join?url=${encodeURIComponent(MEET)}`,
      `vexa://join/?url=${encodeURIComponent(MEET)}`,
      `VEXA://JOIN?URL=${encodeURIComponent(MEET)}`,
      `vexa:///join?url=${encodeURIComponent(MEET)}`,
      `vexa://join?url=${MEET}`,
      `  vexa://join?url=${encodeURIComponent(MEET)}#ignored  `,
    ])
      expect(parseDeepLink(link), link).toEqual({ ok: true, link: { kind: 'join', meetingLink: MEET } });
  });

  it('keeps a + as it is (a meeting link holds no spaces)', () => {
    const link = 'https://teams.microsoft.com/meet/1234567890123?p=ab+cd';
    const result = parseDeepLink(`vexa://join?url=${link}`);
    expect(result.ok && result.link.kind === 'join' ? result.link.meetingLink : null).toBe(link);
  });

  it('refuses a join link with no meeting in it', () => {
    expect(refusal(parseDeepLink('vexa://join'))).toBe('missing_url');
    expect(refusal(parseDeepLink('vexa://join?url='))).toBe('missing_url');
    expect(refusal(parseDeepLink('vexa://join?link=x'))).toBe('missing_url');
  });

  it('refuses what is not a meeting link, with the meeting-link parser’s own reason', () => {
    const calendar = parseDeepLink(joinDeepLink('https://calendar.google.com/calendar/event?eid=abc'));
    expect(calendar).toMatchObject({ ok: false, code: 'not_a_meeting_link' });
    expect(calendar.ok ? '' : calendar.message).toMatch(/calendar/i);
    expect(refusal(parseDeepLink(joinDeepLink('https://example.com/page')))).toBe('not_a_meeting_link');
    expect(refusal(parseDeepLink(joinDeepLink('http://192.168.1.10/abc-defg-hij')))).toBe('not_a_meeting_link');
  });

  it('refuses javascript:, file: and data: links in url=, even with a meeting link inside them', () => {
    for (const inner of [
      `javascript:alert('${MEET}')`,
      `javascript:fetch("//evil.example")//${MEET}`,
      `file:///etc/passwd#${MEET}`,
      `data:text/html,<a href="${MEET}">`,
      `${MEET} and more text`,
      `${MEET}\njavascript:x`,
      ' ',
    ]) {
      const result = parseDeepLink(joinDeepLink(inner));
      expect(result.ok, inner).toBe(false);
    }
  });

  it('refuses broken percent-encoding and a doubled url= instead of guessing', () => {
    expect(refusal(parseDeepLink('vexa://join?url=https%3A%2F%2Fmeet.google.com%2Fabc-defg-hij%'))).toBe('malformed');
    expect(refusal(parseDeepLink('vexa://join?url=%E0%A4%A'))).toBe('malformed');
    expect(refusal(parseDeepLink(`vexa://join?url=${MEET}&url=https://meet.google.com/zzz-zzzz-zzz`))).toBe('malformed');
    expect(refusal(parseDeepLink(`vexa://join/extra?url=${MEET}`))).toBe('malformed');
  });
});

describe('vexa://meeting', () => {
  it('reads the server id percent-encoded, and the server’s meeting id', () => {
    expect(parseDeepLink(meetingDeepLink('https://vexa.example.com', 42))).toEqual({
      ok: true,
      link: { kind: 'meeting', server: 'https://vexa.example.com', meetingId: 42 },
    });
    expect(parseDeepLink('vexa://meeting/demo/7')).toEqual({ ok: true, link: { kind: 'meeting', server: 'demo', meetingId: 7 } });
  });

  it('reads an unencoded address with a path whole: the meeting id is always the last segment', () => {
    for (const link of ['vexa://meeting/https://host.example:8443/vexa/api/12', 'vexa://meeting/https://host.example:8443/vexa/api/12/'])
      expect(parseDeepLink(link)).toEqual({
        ok: true,
        link: { kind: 'meeting', server: 'https://host.example:8443/vexa/api', meetingId: 12 },
      });
    expect(parseDeepLink(meetingDeepLink('http://localhost:8056/a b', 3))).toMatchObject({ link: { server: 'http://localhost:8056/a b' } });
    expect(parseDeepLink('vexa://meeting/vexa.example.com/5')).toMatchObject({ link: { server: 'vexa.example.com', meetingId: 5 } });
  });

  it('refuses a link without a server or a number at the end', () => {
    expect(refusal(parseDeepLink('vexa://meeting'))).toBe('missing_server');
    expect(refusal(parseDeepLink('vexa://meeting/42'))).toBe('missing_server');
    expect(refusal(parseDeepLink('vexa://meeting//42'))).toBe('missing_server');
    expect(refusal(parseDeepLink('vexa://meeting/%20/42'))).toBe('missing_server');
    expect(refusal(parseDeepLink('vexa://meeting/demo/abc'))).toBe('bad_meeting_id');
    expect(refusal(parseDeepLink('vexa://meeting/demo/-1'))).toBe('bad_meeting_id');
    expect(refusal(parseDeepLink('vexa://meeting/demo/1.5'))).toBe('bad_meeting_id');
    expect(refusal(parseDeepLink('vexa://meeting/demo/99999999999999999'))).toBe('bad_meeting_id');
    expect(refusal(parseDeepLink('vexa://meeting/demo/'))).toBe('missing_server');
  });

  it('refuses a broken escape in the server', () => {
    expect(refusal(parseDeepLink('vexa://meeting/https%3A%2F%2Fhost%zz/1'))).toBe('malformed');
    expect(refusal(parseDeepLink('vexa://meeting/%C0%AF/1'))).toBe('malformed');
  });
});

describe('anything else', () => {
  it('refuses other schemes and unknown actions', () => {
    for (const link of [`https://join?url=${MEET}`, 'javascript:alert(1)', 'vexax://join', 'file:///vexa://join', 'join?url=x'])
      expect(refusal(parseDeepLink(link)), link).toBe('not_vexa');
    for (const link of ['vexa://', 'vexa:', 'vexa://settings', 'vexa://joinx?url=x', 'vexa://open/meeting/demo/1'])
      expect(refusal(parseDeepLink(link)), link).toBe('unknown_action');
  });

  it('refuses empty input and anything that is not text', () => {
    for (const value of ['', '   ', null, undefined, 42, {}, ['vexa://join']]) expect(refusal(parseDeepLink(value))).toBe('empty');
  });

  it('refuses a huge link at once, without reading it', () => {
    const huge = `vexa://join?url=${encodeURIComponent(MEET)}&pad=${'a'.repeat(MAX_DEEP_LINK_LENGTH)}`;
    expect(refusal(parseDeepLink(huge))).toBe('too_long');
    // A long but honest link still reads.
    const long = joinDeepLink(`${ZOOM}${'x'.repeat(100)}`);
    expect(long.length).toBeLessThan(MAX_DEEP_LINK_LENGTH);
    expect(parseDeepLink(long).ok).toBe(true);
  });

  it('every message is a sentence a person can read, and never echoes the link back whole', () => {
    const secret = 'vxa_tx_0123456789abcdef0123456789abcdef';
    for (const link of [`vexa://join?url=${secret}`, `vexa://meeting/${secret}/x`, `vexa://${secret}`, `vexa://join?url=%zz${secret}`]) {
      const result = parseDeepLink(link);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message).toMatch(/^[A-Z].*\.$/s);
        expect(result.message).not.toContain(secret);
      }
    }
  });

  it('never throws, whatever the bytes (a seeded fuzz over link-shaped input)', () => {
    const rand = mulberry32(15);
    const pieces = [
      'vexa:',
      '//',
      '/',
      'join',
      'meeting',
      '?',
      '&',
      '=',
      'url',
      '%',
      '%2',
      '%zz',
      '%E0%A4',
      '#',
      '+',
      ' ',
      '\u0000',
      '\ud800',
      'demo',
      '42',
      MEET,
      'https://',
    ];
    for (let i = 0; i < 3000; i++) {
      const parts = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => pick(rand, pieces));
      const link = parts.join('');
      const result = parseDeepLink(link);
      expect(typeof result.ok).toBe('boolean');
      if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
    }
  });
});

describe('what the log may say about a link', () => {
  it('names the action and the length, never the path or the query', () => {
    const key = 'vxa_tx_0123456789abcdef';
    expect(deepLinkLogFields(`vexa://join?url=${key}`)).toEqual({ action: 'join', length: 16 + key.length });
    expect(deepLinkLogFields(`VEXA:meeting/${key}/1`)).toEqual({ action: 'meeting', length: 15 + key.length });
    expect(deepLinkLogFields(`vexa://${key}`)).toMatchObject({ action: 'other' });
    expect(deepLinkLogFields(`https://${key}`)).toMatchObject({ action: 'not-vexa' });
    expect(JSON.stringify(deepLinkLogFields(`vexa://meeting/${key}`))).not.toContain(key);
    expect(deepLinkLogFields(42)).toEqual({ action: 'not-vexa', length: 0 });
  });
});
