import { describe, expect, it } from 'vitest';
import { hostIsLoopback, originIsLoopback, tokenMatches } from '../../../electron/mcp/httpGuard';

describe('the HTTP server’s checks before the SDK sees a request', () => {
  it('lets through the names of this computer only, whatever the port', () => {
    for (const host of ['127.0.0.1:46917', '127.0.0.1', 'localhost:46917', 'LOCALHOST', '[::1]:46917', '[::1]'])
      expect(hostIsLoopback(host), host).toBe(true);
    for (const host of [
      undefined,
      '',
      'evil.example',
      'evil.example:46917',
      '127.0.0.1.evil.example',
      'localhost.evil.example:1',
      '192.168.1.5:46917',
      '[::2]:1',
      '0.0.0.0:46917',
    ])
      expect(hostIsLoopback(host), String(host)).toBe(false);
  });

  it('takes requests without an Origin (AI clients) and from this computer’s pages only', () => {
    expect(originIsLoopback(undefined)).toBe(true);
    expect(originIsLoopback('http://127.0.0.1:5173')).toBe(true);
    expect(originIsLoopback('http://localhost')).toBe(true);
    expect(originIsLoopback('http://[::1]:3000')).toBe(true);
    for (const origin of ['null', 'https://evil.example', 'http://localhost.evil.example', 'file://', 'chrome-extension://abc', ''])
      expect(originIsLoopback(origin), origin).toBe(false);
  });

  it('needs "Bearer" and the exact token; an empty token matches nothing', () => {
    const token = 'vxc_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    expect(tokenMatches(`Bearer ${token}`, token)).toBe(true);
    expect(tokenMatches(`bearer ${token}`, token)).toBe(true);
    for (const header of [
      undefined,
      '',
      token,
      `Basic ${token}`,
      `Bearer ${token}x`,
      `Bearer ${token.slice(0, -1)}`,
      `Bearer ${token} extra`,
      'Bearer ',
    ])
      expect(tokenMatches(header, token), String(header)).toBe(false);
    expect(tokenMatches('Bearer ', '')).toBe(false);
    expect(tokenMatches('Bearer x', '')).toBe(false);
  });
});
