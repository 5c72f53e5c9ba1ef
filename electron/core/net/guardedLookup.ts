import { promises as dns, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { UserFacingError } from '../../../shared/ipc/dispatch';
import { INVALID_URL } from '../serverUrl';
import { firstPublicAddress, publicAddressMessage } from './addressPolicy';

/** Every address a host name resolves to (a port: tests make `vexa.internal` mean 127.0.0.1). */
export type Resolver = (hostname: string) => Promise<readonly string[]>;

/** getaddrinfo, as Node's own connections use it (hosts file, mDNS for `.local`, the system's order). */
export const systemResolver: Resolver = async (hostname) => (await dns.lookup(hostname, { all: true })).map((a) => a.address);

/** Plain http was about to reach a public address; the connection was never opened. */
export class PublicAddressError extends UserFacingError {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(INVALID_URL, publicAddressMessage(host, address));
    this.name = 'PublicAddressError';
  }
}

/** A PublicAddressError anywhere in an error's cause chain (fetch and ws wrap what a lookup threw). */
export function findPublicAddressError(err: unknown): PublicAddressError | null {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof PublicAddressError) return e;
  }
  return null;
}

/**
 * Whether connections to this URL must check the addresses its name resolves to: plain http (or
 * ws) to a host name. The name alone proves nothing (`vexa.internal` may resolve anywhere); an IP
 * literal was already judged when the address was typed, and TLS protects the key on https.
 */
export function needsAddressCheck(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'ws:') return false;
  return isIP(parsed.hostname.replace(/^\[|\]$/g, '')) === 0;
}

function familyOf(requested: number | string | undefined): 4 | 6 | null {
  if (requested === 4 || requested === 'IPv4') return 4;
  if (requested === 6 || requested === 'IPv6') return 6;
  return null;
}

/**
 * A `lookup` for node:net (node:http's and ws's connections take it) that resolves the name and
 * refuses, before any connection is opened, when an address it would hand over is public. Every
 * new connection resolves again, so a name that later points elsewhere is caught on the next
 * connection, not trusted because it once resolved to a private address.
 */
export function guardedLookup(resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    const fail = (err: NodeJS.ErrnoException) => callback(err, options.all ? [] : '');
    resolve(hostname).then(
      (resolved) => {
        const family = familyOf(options.family);
        const addresses = family === null ? resolved : resolved.filter((a) => isIP(a) === family);
        if (addresses.length === 0) {
          fail(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname }));
          return;
        }
        const publicAddress = firstPublicAddress(addresses);
        if (publicAddress !== null) {
          fail(new PublicAddressError(hostname, publicAddress));
          return;
        }
        if (options.all)
          callback(
            null,
            addresses.map((address): LookupAddress => ({ address, family: isIP(address) })),
          );
        else callback(null, addresses[0] ?? '', isIP(addresses[0] ?? ''));
      },
      (err: unknown) => fail(err instanceof Error ? err : new Error(String(err))),
    );
  };
}
