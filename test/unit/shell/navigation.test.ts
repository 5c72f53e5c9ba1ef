import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  decideNavigation,
  decideWindowOpen,
  isAllowedExternalUrl,
  isAllowedRendererRequest,
  isInternalUrl,
  MAX_EXTERNAL_URL_LENGTH,
  toAllowedExternalUrl,
} from '../../../electron/main/shell/navigation';

describe('internal URLs', () => {
  it.each(['app://companion/', 'app://companion/index.html', 'app://companion/assets/index-3f2a.js?x=1#top'])('%s is the app', (url) => {
    expect(isInternalUrl(url)).toBe(true);
    expect(decideNavigation(url)).toBe('allow');
  });

  it.each([
    'app://companion.evil/',
    'app://evil/companion/',
    'app://companion@evil/',
    'app://user:pass@companion/',
    'app://companion:8080/',
    'APP://COMPANION-X/',
    'https://companion/',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'about:blank',
    'data:text/html,<script>alert(1)</script>',
    'javascript:alert(1)',
    'devtools://devtools/bundled/inspector.html',
    '//companion/',
    '',
    'not a url',
  ])('%s is not the app and navigation to it is denied', (url) => {
    expect(isInternalUrl(url)).toBe(false);
    expect(decideNavigation(url)).toBe('deny');
  });

  it('treats non-strings as foreign', () => {
    expect(isInternalUrl(undefined)).toBe(false);
    expect(isInternalUrl({ toString: () => APP_ORIGIN })).toBe(false);
  });
});

describe('links leaving the app', () => {
  it.each([
    ['https://vexa.ai/docs', 'https://vexa.ai/docs'],
    ['http://192.168.1.20:8056/meetings', 'http://192.168.1.20:8056/meetings'],
    ['HTTPS://Meet.Google.com/abc-defg-hij', 'https://meet.google.com/abc-defg-hij'],
    [
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting?context=%7b%7d',
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting?context=%7b%7d',
    ],
  ])('opens %s as %s', (raw, href) => {
    expect(toAllowedExternalUrl(raw)).toBe(href);
    expect(isAllowedExternalUrl(raw)).toBe(true);
  });

  it('opens an IDN host in its punycode form so a look-alike domain is visible', () => {
    expect(toAllowedExternalUrl('https://vеxa.ai/')).toMatch(/^https:\/\/xn--[a-z0-9-]+\.ai\/$/);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'javascript:%0aalert(1)',
    ' javascript:alert(1)',
    'java\nscript:alert(1)',
    'vbscript:msgbox(1)',
    'file:///C:/Windows/System32/calc.exe',
    'FILE://server/share/payload.exe',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'zoommtg://zoom.us/join?confno=1',
    'mailto:someone@example.com',
    'app://companion/index.html',
    '//evil.example/path',
    '/relative/path',
    'https://user:pass@example.com/',
    'https://user@example.com/',
    'https://@example.com/',
    'https:///no-host',
    'https://',
    'https://exa mple.com/',
    'https://example.com/\u0000',
    'https://example.com/\t',
    'https://example.com/\u2028',
    'https:\\\\evil.example\\share',
    ' https://example.com/',
    'https://example.com/ ',
    '',
  ])('refuses %j', (raw) => {
    expect(toAllowedExternalUrl(raw)).toBeNull();
    expect(decideWindowOpen(raw)).toEqual({ action: 'deny', openExternally: null });
  });

  it('refuses links longer than the cap, before or after normalisation', () => {
    const prefix = 'https://example.com/';
    expect(toAllowedExternalUrl(prefix + 'a'.repeat(MAX_EXTERNAL_URL_LENGTH - prefix.length))).not.toBeNull();
    expect(toAllowedExternalUrl(prefix + 'a'.repeat(MAX_EXTERNAL_URL_LENGTH - prefix.length + 1))).toBeNull();
    // "é" grows to "%C3%A9" once normalised.
    expect(toAllowedExternalUrl(prefix + 'é'.repeat(1000))).toBeNull();
  });

  it('refuses values that are not strings', () => {
    for (const value of [null, undefined, 42, ['https://example.com'], new URL('https://example.com')]) {
      expect(toAllowedExternalUrl(value)).toBeNull();
    }
  });

  it('never opens a new window, and hands only allowed links to the system browser', () => {
    expect(decideWindowOpen('https://vexa.ai/pricing')).toEqual({ action: 'deny', openExternally: 'https://vexa.ai/pricing' });
    expect(decideWindowOpen('app://companion/index.html')).toEqual({ action: 'deny', openExternally: null });
  });
});

describe('renderer network requests', () => {
  it('allows the app itself, inline images and DevTools only', () => {
    expect(isAllowedRendererRequest('app://companion/assets/app.js')).toBe(true);
    expect(isAllowedRendererRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRendererRequest('devtools://devtools/bundled/inspector.html')).toBe(true);
    for (const url of [
      'https://api.cloud.vexa.ai/meetings',
      'ws://127.0.0.1:8056/ws',
      'file:///etc/passwd',
      'app://other/x.js',
      'blob:app://companion/1',
    ]) {
      expect(isAllowedRendererRequest(url)).toBe(false);
    }
  });
});
