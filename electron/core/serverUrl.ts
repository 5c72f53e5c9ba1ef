import { isIP } from 'node:net';
import { UserFacingError } from '../../shared/ipc/dispatch';
import { isLoopbackOrPrivateAddress } from './net/addressPolicy';

export const INVALID_URL = 'invalid_url';

export interface NormalizedServerUrl {
  /** Origin plus path prefix, without a trailing slash: `https://api.cloud.vexa.ai`. */
  url: string;
  /** Plain http to this computer or a private network: allowed, with a warning. */
  insecure: boolean;
  host: string;
}

/**
 * The first check of a typed address, by name: loopback and private IP literals (the rule plain
 * http connections apply, see net/addressPolicy.ts), `localhost`, `.local`/`.lan`/`.internal` names
 * and single labels. A name proves nothing about where it leads, so every plain-http connection to
 * a name also resolves it and refuses a public address before sending anything (net/guardedLookup.ts).
 */
export function isLocalOrPrivateHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(h) !== 0) return isLoopbackOrPrivateAddress(h);
  if (h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h.endsWith('.internal') || h.endsWith('.lan')) return true;
  // A bare single-label name ("vexa", "gpu-box") usually resolves only inside a private network.
  return !h.includes('.');
}

/**
 * Turns what a person types into the API base URL. https is required except for this computer
 * or a private network, where plain http is common for self-hosted servers (judged here by name;
 * the connection itself checks the addresses a name resolves to). This is the policy
 * for typed addresses (it refuses what the person should fix: credentials, `?`/`#` parts, plain
 * http to a public host); `normaliseBaseUrl` in shared/vexa is the client's lenient tidy-up of an
 * address it is handed, and leaves policy to the caller.
 */
export function normalizeServerUrl(input: string): NormalizedServerUrl {
  const raw = input.trim();
  if (!raw) throw new UserFacingError(INVALID_URL, 'Enter the address of your Vexa server, for example https://api.cloud.vexa.ai.');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    throw new UserFacingError(INVALID_URL, `“${raw.slice(0, 80)}” is not a web address. It should look like https://api.cloud.vexa.ai.`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new UserFacingError(
      INVALID_URL,
      'The server address must start with https:// (or http:// for a server on this computer or your private network).',
    );
  }
  if (parsed.username || parsed.password) {
    throw new UserFacingError(INVALID_URL, 'Remove the user name and password from the address; the API key is entered separately.');
  }
  if (parsed.search || parsed.hash) {
    throw new UserFacingError(
      INVALID_URL,
      'The server address should not contain “?” or “#” parts. Use the API base address, like https://api.cloud.vexa.ai.',
    );
  }
  const insecure = parsed.protocol === 'http:';
  if (insecure && !isLocalOrPrivateHost(parsed.hostname)) {
    throw new UserFacingError(
      INVALID_URL,
      `Plain http would send your API key unencrypted to ${parsed.hostname}. Use https://, or http:// only for a server on this computer or your private network.`,
    );
  }
  const path = parsed.pathname.replace(/\/+$/, '');
  return { url: `${parsed.origin}${path}`, insecure, host: parsed.host };
}

/** A masked label for a key: enough to recognise it, never enough to use it. */
export function maskKey(key: string): string {
  const k = key.trim();
  const prefix = /^vxa_[a-z]+_/.exec(k)?.[0] ?? '';
  const tail = k.length >= 12 ? k.slice(-4) : '';
  return `${prefix || ''}••••${tail}`;
}
