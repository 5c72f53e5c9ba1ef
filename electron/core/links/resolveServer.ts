/**
 * Which known server a `vexa://meeting/<server>/…` link names. Servers are identified by their
 * id (the address as the app normalised it, or `demo`), never by the person's label: labels
 * change and may repeat. The id may be written with a different case or a trailing slash, or as
 * a bare `host[:port]` when exactly one known server has that host; anything else is refused,
 * never guessed.
 */
export type ServerMatch = { ok: true; serverId: string } | { ok: false; reason: 'unknown' | 'ambiguous'; candidates: string[] };

/** `scheme://host[:port][/path]` lower-cased where URLs are case-insensitive, without a trailing slash; null if not an address. */
function canonicalAddress(text: string): string | null {
  if (!/^https?:\/\//i.test(text)) return null;
  try {
    const url = new URL(text);
    if (url.username || url.password || url.search || url.hash) return null;
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

function hostOf(serverId: string): string | null {
  try {
    return new URL(serverId).host;
  } catch {
    return null;
  }
}

export function resolveServer(named: string, knownIds: readonly string[]): ServerMatch {
  const ids = [...new Set(knownIds)];
  if (ids.includes(named)) return { ok: true, serverId: named };
  const address = canonicalAddress(named);
  if (address !== null) {
    const same = ids.filter((id) => canonicalAddress(id) === address);
    return same.length === 1 ? { ok: true, serverId: same[0]! } : { ok: false, reason: 'unknown', candidates: [] };
  }
  // A bare host: `vexa.example.com`, `localhost:8056` (URL lower-cases a host name, so compare the same way).
  const bare = named.replace(/\/+$/, '');
  if (bare === '' || /[/@?#\s]/.test(bare)) return { ok: false, reason: 'unknown', candidates: [] };
  const host = hostOf(`https://${bare}`);
  if (host === null) return { ok: false, reason: 'unknown', candidates: [] };
  const matches = ids.filter((id) => hostOf(id) === host);
  if (matches.length === 1) return { ok: true, serverId: matches[0]! };
  return { ok: false, reason: matches.length > 1 ? 'ambiguous' : 'unknown', candidates: matches };
}
