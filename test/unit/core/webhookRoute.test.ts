import { describe, expect, it } from 'vitest';
import { webhookRoute } from '../../../electron/core/admin/webhookTransport';

// Which way the webhook test event may leave, from the address alone (the name's addresses are
// checked at connection time: test/integration/core/webhookTest.test.ts).
describe('webhookRoute', () => {
  it('sends https to any address', () => {
    for (const url of [
      'https://hooks.example.com/vexa',
      'https://93.184.216.34/x',
      'https://[2606:4700::1111]/x',
      'https://127.0.0.1:8443/x',
    ])
      expect(webhookRoute(url), url).toEqual({ kind: 'https' });
  });

  it('sends plain http to an address on this computer or a private network', () => {
    for (const url of [
      'http://127.0.0.1:9000/h',
      'http://10.1.2.3/h',
      'http://192.168.1.20/h',
      'http://[::1]:8080/h',
      'http://[fd00::5]/h',
      'http://100.64.0.7/h',
    ])
      expect(webhookRoute(url), url).toEqual({ kind: 'plain-private-ip' });
  });

  it('checks a plain-http name when it connects', () => {
    for (const url of ['http://receiver.lan/h', 'http://localhost:3000/h', 'http://hooks.example.com/h'])
      expect(webhookRoute(url), url).toEqual({ kind: 'plain-name' });
  });

  it('refuses plain http to a public address, and what is not http(s), in words', () => {
    expect(webhookRoute('http://93.184.216.34/h')).toEqual({
      kind: 'refused',
      message: expect.stringMatching(
        /^93\.184\.216\.34 is a public address: .*Use an https:\/\/ address, or a receiver on this computer or your own network\.$/,
      ),
    });
    expect(webhookRoute('http://[2606:4700::1111]/h')).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/^2606:4700::1111 is a public address/),
    });
    expect(webhookRoute('ftp://127.0.0.1/h')).toMatchObject({ kind: 'refused', message: expect.stringMatching(/starts with https:\/\//) });
    expect(webhookRoute('not an address')).toMatchObject({ kind: 'refused', message: expect.stringMatching(/not a web address/) });
  });
});
