import { isIP } from 'node:net';
import { UserFacingError } from '../../shared/ipc/dispatch';

export const INVALID_URL = 'invalid_url';

export interface NormalizedServerUrl {
  /** Origin plus path prefix, without a trailing slash: `https://api.cloud.vexa.ai`. */
  url: string;
  /** Plain http to this computer or a private network: allowed, with a warning. */
  insecure: boolean;
  host: string;
}

function isPrivateIPv4(ip: string): boolean {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  return (
    a === 10 ||
    a === 127 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

/** Loopback, RFC 1918, link-local, CGNAT, unique-local IPv6 and `.local`/`localhost` names. */
export function isLocalOrPrivateHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h.endsWith('.internal') || h.endsWith('.lan')) return true;
  const kind = isIP(h);
  if (kind === 4) return isPrivateIPv4(h);
  if (kind === 6) {
    if (h === '::1') return true;
    if (h.startsWith('::ffff:')) return isPrivateIPv4(h.slice(7));
    return /^f[cd]/.test(h) || /^fe[89ab]/.test(h);
  }
  // A bare single-label name ("vexa", "gpu-box") only resolves inside a private network.
  return !h.includes('.');
}

/**
 * Turns what a person types into the API base URL. https is required except for this computer
 * or a private network, where plain http is common for self-hosted servers. This is the policy
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
