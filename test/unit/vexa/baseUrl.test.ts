import { describe, expect, it } from 'vitest';
import { hostOf, normaliseBaseUrl, wsUrlFor } from '../../../shared/vexa/baseUrl';

describe('normaliseBaseUrl', () => {
  it('drops trailing slashes, query and hash, and keeps a path prefix', () => {
    expect(normaliseBaseUrl(' https://api.cloud.vexa.ai/ ')).toBe('https://api.cloud.vexa.ai');
    expect(normaliseBaseUrl('https://example.org/vexa//?x=1#top')).toBe('https://example.org/vexa');
    expect(normaliseBaseUrl('HTTPS://Example.org:8443/Api')).toBe('https://example.org:8443/Api');
  });

  it('adds https:// to a bare host, and http:// to a loopback one', () => {
    expect(normaliseBaseUrl('api.cloud.vexa.ai')).toBe('https://api.cloud.vexa.ai');
    expect(normaliseBaseUrl('localhost:8056')).toBe('http://localhost:8056');
    expect(normaliseBaseUrl('127.0.0.1:18056/')).toBe('http://127.0.0.1:18056');
  });

  it('drops credentials typed into the URL', () => {
    expect(normaliseBaseUrl('https://user:pass@example.org')).toBe('https://example.org');
  });

  it('refuses what is not an http(s) address with an actionable sentence', () => {
    for (const bad of ['', 'ftp://example.org', 'http://', 'not a url at all', 'mailto:ops@example.invalid', 'javascript:alert(1)']) {
      expect(() => normaliseBaseUrl(bad)).toThrowError(expect.objectContaining({ code: 'validation' }));
    }
    expect(() => normaliseBaseUrl('ftp://x')).toThrowError(/Enter the Vexa API address, e\.g\. https:\/\/api\.cloud\.vexa\.ai/);
  });

  it('derives the host for messages and the live socket URL', () => {
    expect(hostOf('https://example.org:8443/vexa')).toBe('example.org:8443');
    expect(wsUrlFor('https://example.org/vexa')).toBe('wss://example.org/vexa/ws');
    expect(wsUrlFor('http://localhost:8056')).toBe('ws://localhost:8056/ws');
  });
});
