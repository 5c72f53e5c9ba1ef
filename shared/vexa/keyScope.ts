/**
 * What a user key may do. G3 keys are `vxa_<scope>_<32 alphanumerics>` with scopes `bot`, `tx` and
 * `browser` (Vexa-ai/vexa:core/identity/services/admin-api/src/admin_api/token_scope.py); the
 * gateway needs `bot` for `/bots*`, `tx` for `/meetings*` and `/transcripts*`, either for the
 * webhook and `/user/*`, and none for `/auth/me` (gateway app.py `ROUTE_SCOPES`). The prefix names
 * only the FIRST scope a key was minted with, so `/auth/me` is the truth where it exists; the
 * prefix is the best guess elsewhere. G1 keys (40 alphanumerics) have no scope at all.
 */
export type KeyScope = 'bot' | 'tx' | 'browser';

const PREFIX = /^vxa_(bot|tx|browser)_[A-Za-z0-9]+$/;

/** The scope a key's prefix names, or null for a key without one (G1, or any key this app does not know). */
export function scopeFromKey(key: string): KeyScope | null {
  const m = PREFIX.exec(key.trim());
  return m ? (m[1] as KeyScope) : null;
}

/** What a set of scopes unlocks in this app. `null` scopes (unscoped key) unlock everything. */
export interface KeyAccess {
  /** Send, stop and list bots (`bot`). */
  bots: boolean;
  /** Meetings, transcripts, the library and sharing (`tx`). */
  transcripts: boolean;
  /** Browser sessions (`browser`). */
  browser: boolean;
  /** The webhook and account settings (`bot` or `tx`). */
  settings: boolean;
}

export function keyAccess(scopes: readonly string[] | null): KeyAccess {
  if (scopes === null) return { bots: true, transcripts: true, browser: true, settings: true };
  const has = (s: string) => scopes.includes(s);
  return { bots: has('bot'), transcripts: has('tx'), browser: has('browser'), settings: has('bot') || has('tx') };
}

/** One sentence a person reads: what this key can and cannot do. */
export function describeKeyAccess(scopes: readonly string[] | null): string {
  if (scopes === null) return 'This key is not limited to a scope: it can send bots and read meetings and transcripts.';
  const a = keyAccess(scopes);
  if (a.bots && a.transcripts) return 'This key can send bots and read meetings and transcripts.';
  if (a.bots) return 'This key can send and stop bots, but cannot read meetings or transcripts (it lacks the "tx" scope).';
  if (a.transcripts) return 'This key can read meetings and transcripts, but cannot send or stop bots (it lacks the "bot" scope).';
  if (a.browser) return 'This key can only run browser sessions: it cannot send bots or read meetings and transcripts.';
  return 'This key has no scope this app knows, so the server may refuse everything it asks.';
}

/**
 * A token as an admin may see it after creation: its scope prefix and last four characters
 * (`vxa_bot_…x7Qa`), enough to tell tokens apart, never enough to use one. Short values show only
 * the ending, so the masked text never holds more than four secret characters.
 */
export function maskTokenValue(value: string): string {
  const prefix = /^vxa_[a-z]+_/.exec(value)?.[0] ?? '';
  const rest = value.slice(prefix.length);
  return rest.length > 8 ? `${prefix}…${rest.slice(-4)}` : `${prefix}…`;
}
