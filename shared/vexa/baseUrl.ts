import { messages } from './errorMessages';
import { VexaError } from './errors';

const LOCAL_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)(:\d+)?(\/|$)/i;

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
  const withScheme = hasScheme ? raw : `${LOCAL_HOST.test(raw) ? 'http' : 'https'}://${raw}`;
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
