import type { LookupAddress } from 'node:dns';
import type { LookupOptions } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { firstPublicAddress, isLoopbackOrPrivateAddress, publicAddressMessage } from '../../../electron/core/net/addressPolicy';
import { guardedLookup, needsAddressCheck, PublicAddressError, type Resolver } from '../../../electron/core/net/guardedLookup';
import { isLocalOrPrivateHost } from '../../../electron/core/serverUrl';

describe('which addresses plain http may reach', () => {
  it.each([
    // IPv4 loopback, RFC 1918, link-local, CGNAT, with each range's edges
    '127.0.0.1',
    '127.255.255.254',
    '10.0.0.0',
    '10.255.255.255',
    '172.16.0.0',
    '172.31.255.255',
    '192.168.0.1',
    '192.168.255.255',
    '169.254.0.1',
    '169.254.255.255',
    '100.64.0.0',
    '100.127.255.255',
    // IPv6 loopback, unique local fc00::/7, link-local fe80::/10, in the forms resolvers write them
    '::1',
    '0:0:0:0:0:0:0:1',
    '[::1]',
    'fc00::1',
    'fdff:ffff::1',
    'FD12:3456::1',
    'fe80::1',
    'fe80::1%eth0',
    'febf:ffff::1',
    // IPv4-mapped IPv6, dotted and hexadecimal, as the URL parser and getaddrinfo (AI_V4MAPPED) give them
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::FFFF:10.1.2.3',
    '::ffff:c0a8:101',
    '0:0:0:0:0:ffff:6440:1',
  ])('allows %s', (address) => {
    expect(isLoopbackOrPrivateAddress(address)).toBe(true);
  });

  it.each([
    '203.0.113.5',
    '8.8.8.8',
    '9.255.255.255',
    '11.0.0.0',
    '126.255.255.255',
    '128.0.0.1',
    '172.15.255.255',
    '172.32.0.0',
    '192.167.255.255',
    '192.169.0.0',
    '169.253.255.255',
    '100.63.255.255',
    '100.128.0.0',
    '0.0.0.0',
    '255.255.255.255',
    '::',
    '2001:db8::5',
    '2606:4700:4700::1111',
    'fbff:ffff::1',
    'fe00::1',
    'fec0::1', // deprecated site-local: not in fc00::/7 nor fe80::/10
    'ff02::1',
    '::ffff:203.0.113.5',
    '::ffff:cb00:7105',
    '::ffff:0.0.0.0',
    '::127.0.0.1', // deprecated IPv4-compatible form: not loopback
    '::7f00:1',
    '64:ff9b::7f00:1', // NAT64 of 127.0.0.1: the translator sits on the internet side
    '::ffff:0:7f00:1', // IPv4-translated (SIIT), not IPv4-mapped
    'localhost',
    'vexa.internal',
    '',
    '127.0.0.1.nip.io',
  ])('refuses %s', (address) => {
    expect(isLoopbackOrPrivateAddress(address)).toBe(false);
  });

  it('finds the first public address of a mixed answer, or none', () => {
    expect(firstPublicAddress(['127.0.0.1', '::1'])).toBeNull();
    expect(firstPublicAddress(['10.0.0.2', '203.0.113.5', '2001:db8::5'])).toBe('203.0.113.5');
    expect(firstPublicAddress([])).toBeNull();
  });

  it('says what happened and what to do', () => {
    expect(publicAddressMessage('evil.internal', '203.0.113.5')).toBe(
      'evil.internal resolves to 203.0.113.5, a public address: plain http would send your API key unencrypted over the internet. Use https://, or check the name.',
    );
  });

  it('applies the same rule to typed IP addresses (the URL parser writes mapped IPv6 in hex)', () => {
    expect(isLocalOrPrivateHost(new URL('http://[::ffff:127.0.0.1]').hostname)).toBe(true);
    expect(isLocalOrPrivateHost(new URL('http://[::ffff:8.8.8.8]').hostname)).toBe(false);
    expect(isLocalOrPrivateHost('100.100.1.1')).toBe(true);
  });
});

describe('which connections check resolved addresses', () => {
  it.each([
    ['http://vexa.internal:8056', true],
    ['http://localhost:8056', true],
    ['http://gpu-box', true],
    ['ws://vexa.lan/ws', true],
    ['https://vexa.internal', false],
    ['wss://vexa.internal/ws', false],
    ['http://127.0.0.1:8056', false],
    ['http://[::1]:8056', false],
    ['ws://192.168.1.2/ws', false],
  ])('%s: %s', (url, expected) => {
    expect(needsAddressCheck(url)).toBe(expected);
  });
});

type Outcome = { err: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number };

function lookup(resolve: Resolver, options: LookupOptions): Promise<Outcome> {
  return new Promise((done) => guardedLookup(resolve)('vexa.internal', options, (err, address, family) => done({ err, address, family })));
}

describe('guardedLookup', () => {
  it('hands private addresses to the connection in the shape it asked for', async () => {
    const resolve: Resolver = async () => ['127.0.0.1', '::1'];
    expect(await lookup(resolve, { all: true })).toMatchObject({
      err: null,
      address: [
        { address: '127.0.0.1', family: 4 },
        { address: '::1', family: 6 },
      ],
    });
    expect(await lookup(resolve, {})).toMatchObject({ err: null, address: '127.0.0.1', family: 4 });
    expect(await lookup(resolve, { family: 6 })).toMatchObject({ err: null, address: '::1', family: 6 });
  });

  it('refuses the whole answer when an address it would use is public', async () => {
    const { err } = await lookup(async () => ['10.0.0.2', '203.0.113.5'], { all: true });
    expect(err).toBeInstanceOf(PublicAddressError);
    expect(err).toMatchObject({ code: 'invalid_url', host: 'vexa.internal', address: '203.0.113.5' });
    expect(err?.message).toBe(publicAddressMessage('vexa.internal', '203.0.113.5'));
  });

  it('passes a resolver failure on as it is, and an empty answer as a name that does not exist', async () => {
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND vexa.internal'), { code: 'ENOTFOUND' });
    expect((await lookup(() => Promise.reject(notFound), { all: true })).err).toBe(notFound);
    expect((await lookup(async () => [], {})).err).toMatchObject({ code: 'ENOTFOUND' });
  });
});
