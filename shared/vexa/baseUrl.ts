import { messages } from './errorMessages';
import { VexaError } from './errors';

/** This computer itself: loopback names and addresses (a URL's `hostname`, IPv6 in brackets). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return (
    h === 'localhost' || h.endsWith('.localhost') || h === '[::1]' || h === '::1' || h === '0.0.0.0' || /^127(?:\.\d{1,3}){3}$/.test(h)
  );
}

/**
 * Whether a server address is this computer: plain http to it never crosses a network, so the app
 * need not keep warning about it (addresses elsewhere on a private network still get the warning).
 */
export function isThisComputer(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

/**
 * Normalises what a person typed as the server address: adds a scheme (http:// only for loopback,
 * where self-hosted stacks listen without TLS), drops query, hash and trailing slashes, and keeps a
 * path prefix (a gateway mounted at https://host/vexa). Throws a `validation` VexaError otherwise.
 */
export function normaliseBaseUrl(input: string): string {
  const raw = input.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw);
  // "mailto:x@host" or "javascript:..." must not become https://mailto:x@host; "host:8056" is a port.
  if (!hasScheme && /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(raw)) {
    throw new VexaError({ code: 'validation', userMessage: messages.invalidUrl(raw.slice(0, 80)) });
  }
  const withScheme = hasScheme ? raw : `${isThisComputer(`http://${raw}`) ? 'http' : 'https'}://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new VexaError({ code: 'validation', userMessage: messages.invalidUrl(raw.slice(0, 80)) });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw new VexaError({ code: 'validation', userMessage: messages.invalidUrl(raw.slice(0, 80)) });
  }
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

/** host[:port] of a base URL, for messages. Never includes credentials or a query. */
export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

/** The live WebSocket endpoint that belongs to a REST base URL (same host and path prefix). */
export function wsUrlFor(baseUrl: string): string {
  return `${baseUrl.replace(/^http/i, 'ws')}/ws`;
}
