import { createHash, timingSafeEqual } from 'node:crypto';

/** The names this computer goes by; anything else in a Host or Origin header came from elsewhere. */
const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

function hostnameOf(host: string): string {
  const bracket = host.startsWith('[') ? host.indexOf(']') : -1;
  if (bracket > 0) return host.slice(0, bracket + 1).toLowerCase();
  const colon = host.lastIndexOf(':');
  return (colon >= 0 ? host.slice(0, colon) : host).toLowerCase();
}

/**
 * DNS rebinding: a web page whose name now points at 127.0.0.1 still sends its own name as Host.
 * Only this computer's names pass, whatever the port (the SDK's `localhostHostValidation` rule).
 */
export function hostIsLoopback(host: string | undefined): boolean {
  return typeof host === 'string' && LOOPBACK_NAMES.has(hostnameOf(host.trim()));
}

/**
 * A browser names the page that sent a request in Origin; AI clients send none. A page of another
 * site (or an opaque "null" origin) is refused even with the token.
 */
export function originIsLoopback(origin: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_NAMES.has(url.hostname.toLowerCase());
  } catch {
    return false;
  }
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** `Authorization: Bearer <token>`, compared in constant time; an empty token matches nothing. */
export function tokenMatches(authorization: string | undefined, token: string): boolean {
  if (!token || typeof authorization !== 'string') return false;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
  if (!match) return false;
  return timingSafeEqual(digest(match[1]!), digest(token));
}
