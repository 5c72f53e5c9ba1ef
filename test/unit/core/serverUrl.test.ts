import { describe, expect, it } from 'vitest';
import { isLocalOrPrivateHost, maskKey, normalizeServerUrl } from '../../../electron/core/serverUrl';

describe('normalizeServerUrl', () => {
  it.each([
    ['https://api.cloud.vexa.ai', 'https://api.cloud.vexa.ai', false],
    ['  https://api.cloud.vexa.ai/  ', 'https://api.cloud.vexa.ai', false],
    ['api.cloud.vexa.ai', 'https://api.cloud.vexa.ai', false],
    ['https://vexa.example.com/api/', 'https://vexa.example.com/api', false],
    ['http://localhost:18056', 'http://localhost:18056', true],
    ['http://127.0.0.1:8056/', 'http://127.0.0.1:8056', true],
    ['http://192.168.1.20:8056', 'http://192.168.1.20:8056', true],
    ['http://10.0.0.5', 'http://10.0.0.5', true],
    ['http://[::1]:8056', 'http://[::1]:8056', true],
    ['http://gpu-box:8056', 'http://gpu-box:8056', true],
    ['HTTPS://API.CLOUD.VEXA.AI', 'https://api.cloud.vexa.ai', false],
  ])('accepts %s', (input, url, insecure) => {
    expect(normalizeServerUrl(input)).toMatchObject({ url, insecure });
  });

  it.each([
    ['', /Enter the address/],
    ['http://api.cloud.vexa.ai', /unencrypted/],
    ['http://8.8.8.8', /unencrypted/],
    ['ftp://vexa.local', /must start with https/],
    ['javascript:alert(1)', /not a web address|must start/],
    ['https://user:pw@vexa.example.com', /user name and password/],
    ['https://api.cloud.vexa.ai/?api_key=abc', /“\?” or “#”/],
    ['https://exa mple.com', /not a web address/],
  ])('rejects %s with an actionable sentence', (input, message) => {
    expect(() => normalizeServerUrl(input)).toThrow(message);
  });
});

describe('isLocalOrPrivateHost', () => {
  it('treats loopback and private ranges as local, public hosts as not', () => {
    for (const h of ['localhost', '127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.1', '192.168.0.1', '::1', 'fd00::1', 'vexa.local']) {
      expect(isLocalOrPrivateHost(h), h).toBe(true);
    }
    for (const h of ['8.8.8.8', '172.32.0.1', 'api.cloud.vexa.ai', '2001:4860::8888']) expect(isLocalOrPrivateHost(h), h).toBe(false);
  });
});

describe('maskKey', () => {
  it('keeps the scope prefix and the last four characters only', () => {
    const key = 'vxa_tx_AbCdEfGhIjKlMnOpQrStUvWxYz012345';
    const label = maskKey(key);
    expect(label).toBe('vxa_tx_••••2345');
    expect(label).not.toContain('AbCd');
  });
  it('shows nothing of a short key', () => {
    expect(maskKey('abc123')).toBe('••••');
  });
});
