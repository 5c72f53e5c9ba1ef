import { describe, expect, it } from 'vitest';
import type { LiveStateView } from '../../../shared/ipc/models';
import {
  detectLink,
  LANGUAGES,
  languageName,
  launchErrorPlace,
  mayNeedPasscode,
  offerLabel,
  resolveOptions,
  shortLink,
} from '../../../renderer/features/launch/describe';
import { liveIndicator } from '../../../renderer/features/live/describe';

describe('link detection as the person types', () => {
  it('names the platform and the meeting id of a link it understands', () => {
    const detection = detectLink('https://meet.google.com/abc-defg-hij?authuser=1');
    expect(detection.state).toBe('ok');
    if (detection.state === 'ok') {
      expect(detection.summary).toBe('Google Meet · abc-defg-hij');
      expect(detection.link.platform).toBe('google_meet');
    }
  });

  it("passes on the parser's sentence for text that is not a meeting link", () => {
    const detection = detectLink('https://calendar.google.com/calendar/u/0/r/eventedit/abc123');
    expect(detection.state).toBe('invalid');
    if (detection.state === 'invalid') expect(detection.message).toMatch(/calendar/i);
  });

  it('says nothing for an empty field', () => {
    expect(detectLink('   ')).toEqual({ state: 'empty' });
  });

  it('asks for a passcode only where the platform may lock meetings with one', () => {
    expect(mayNeedPasscode('teams')).toBe(true);
    expect(mayNeedPasscode('zoom')).toBe(true);
    expect(mayNeedPasscode('google_meet')).toBe(false);
    expect(mayNeedPasscode(null)).toBe(false);
  });
});

describe('where a failed launch is explained', () => {
  it.each([
    ['already_active', 'alreadyActive'],
    ['limit_reached', 'limit'],
    ['missing_scope', 'scope'],
    ['unreachable', 'retry'],
    ['timeout', 'retry'],
    ['upstream_down', 'retry'],
    ['passcode_required', 'passcode'],
    ['invalid_bot_name', 'botName'],
    ['validation', 'link'],
    ['calendar_link', 'link'],
    ['invalid_id', 'link'],
    ['not_connected', 'form'],
    ['unauthorized', 'form'],
  ])('%s → %s', (code, place) => {
    expect(launchErrorPlace(code)).toBe(place);
  });
});

describe('launch options', () => {
  const defaults = { botName: 'Notetaker', language: 'auto', task: 'transcribe' as const };

  it('use the remembered defaults until the person changes them, and the link passcode unless one is typed', () => {
    const link = { platform: 'zoom' as const, nativeMeetingId: '12345678901', passcode: 'fromLink' };
    expect(resolveOptions({ botName: null, language: null, task: null, passcode: null }, defaults, link)).toEqual({
      ...defaults,
      passcode: 'fromLink',
    });
    expect(resolveOptions({ botName: 'Mine', language: 'de', task: 'translate', passcode: 'typed' }, defaults, link)).toEqual({
      botName: 'Mine',
      language: 'de',
      task: 'translate',
      passcode: 'typed',
    });
  });

  it('name languages with their codes and keep an unknown code readable', () => {
    expect(languageName('auto')).toBe('Detect automatically');
    expect(languageName('de')).toBe('German (de)');
    expect(languageName('xx')).toBe('xx');
    expect(new Set(LANGUAGES.map((l) => l.code)).size).toBe(LANGUAGES.length);
  });
});

describe('the clipboard offer', () => {
  it('names the meeting the clipboard holds', () => {
    expect(offerLabel('Join: https://meet.google.com/xyz-abcd-efg')).toBe('Google Meet · xyz-abcd-efg');
  });

  it('shortens long text from the middle, without the scheme', () => {
    expect(shortLink('https://zoom.us/j/123')).toBe('zoom.us/j/123');
    const long = shortLink(`https://teams.microsoft.com/l/meetup-join/${'x'.repeat(200)}/end`, 40);
    expect(long).toHaveLength(40);
    expect(long.startsWith('teams.microsoft.com/l/')).toBe(true);
    expect(long.endsWith('/end')).toBe(true);
  });
});

describe('the live connection indicator', () => {
  const base: LiveStateView = { serverId: 'https://a.example', status: 'connected', retryAt: null, attempt: 0, dropped: 0, message: null };
  const now = 1_000_000;

  it('shows live, a reconnect countdown, offline and a refused key', () => {
    expect(liveIndicator(base, now)?.label).toBe('Connected');
    expect(liveIndicator({ ...base, status: 'reconnecting', retryAt: now + 4_200, attempt: 2 }, now)?.label).toBe('Reconnecting in 5 s');
    expect(liveIndicator({ ...base, status: 'reconnecting', retryAt: now - 10, attempt: 2 }, now)?.label).toBe('Reconnecting…');
    expect(liveIndicator({ ...base, status: 'offline', retryAt: now + 30_000, attempt: 5 }, now)?.label).toBe('Offline');
    const refused = liveIndicator({ ...base, status: 'unauthorized', message: 'The server rejected this API key for live updates.' }, now);
    expect(refused?.label).toBe('Key refused');
    expect(refused?.detail).toBe('The server rejected this API key for live updates.');
  });

  it('says that alerts still arrive while the socket is down', () => {
    expect(liveIndicator({ ...base, status: 'reconnecting', retryAt: now + 1_000 }, now)?.detail).toMatch(/lobby alerts still arrive/);
  });

  it('shows nothing without a server', () => {
    expect(liveIndicator(null, now)).toBeNull();
    expect(liveIndicator({ ...base, status: 'idle' }, now)).toBeNull();
  });
});
