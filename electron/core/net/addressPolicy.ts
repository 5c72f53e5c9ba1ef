import { isIP } from 'node:net';

/**
 * Which addresses plain http may reach: this computer and private networks, where a self-hosted
 * Vexa server commonly runs without TLS. Everything else is the internet, where an unencrypted
 * request would hand the API key to every network on the way. Pure: tested over address strings.
 */

function privateIPv4(a: number, b: number): boolean {
  return (
    a === 127 || // loopback 127/8
    a === 10 || // RFC 1918 10/8
    (a === 172 && b >= 16 && b <= 31) || // RFC 1918 172.16/12
    (a === 192 && b === 168) || // RFC 1918 192.168/16
    (a === 169 && b === 254) || // link-local 169.254/16
    (a === 100 && b >= 64 && b <= 127) // carrier-grade NAT 100.64/10 (RFC 6598; Tailscale uses it)
  );
}

function ipv4Octets(ip: string): number[] {
  return ip.split('.').map(Number);
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a dotted IPv4 tail split in two). */
function ipv6Groups(ip: string): number[] {
  const toGroups = (part: string): number[] => {
    if (part === '') return [];
    return part.split(':').flatMap((g) => {
      if (!g.includes('.')) return [parseInt(g, 16)];
      const [a = 0, b = 0, c = 0, d = 0] = ipv4Octets(g);
      return [(a << 8) | b, (c << 8) | d];
    });
  };
  const [head = '', tail] = ip.split('::');
  const left = toGroups(head);
  if (tail === undefined) return left;
  const right = toGroups(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

function privateIPv6(groups: number[]): boolean {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const zeroPrefix = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (zeroPrefix && g5 === 0 && g6 === 0 && g7 === 1) return true; // ::1 loopback
  // IPv4-mapped ::ffff:a.b.c.d (also written ::ffff:7f00:1): the IPv4 rule decides.
  if (zeroPrefix && g5 === 0xffff) return privateIPv4(g6 >> 8, g6 & 0xff);
  if ((g0 & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  return (g0 & 0xffc0) === 0xfe80; // link-local fe80::/10
}

/**
 * Whether plain http may connect to this address: loopback, RFC 1918, link-local, CGNAT 100.64/10,
 * IPv6 loopback, unique-local fc00::/7, link-local fe80::/10 and the IPv4-mapped forms of the IPv4
 * ones. A zone (`fe80::1%eth0`) is ignored. Anything else, including what is not an IP address at
 * all, the unspecified address and deprecated or translated forms, counts as public.
 */
export function isLoopbackOrPrivateAddress(address: string): boolean {
  const ip = address
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '')
    .toLowerCase();
  const family = isIP(ip);
  if (family === 4) {
    const [a = 0, b = 0] = ipv4Octets(ip);
    return privateIPv4(a, b);
  }
  if (family === 6) return privateIPv6(ipv6Groups(ip));
  return false;
}

/** The first address plain http must not reach, or null when every one is loopback or private. */
export function firstPublicAddress(addresses: readonly string[]): string | null {
  return addresses.find((a) => !isLoopbackOrPrivateAddress(a)) ?? null;
}

export function publicAddressMessage(host: string, address: string): string {
  return (
    `${host} resolves to ${address}, a public address: plain http would send your API key unencrypted over the internet. ` +
    'Use https://, or check the name.'
  );
}
