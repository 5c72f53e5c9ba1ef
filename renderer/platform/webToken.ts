/**
 * The web harness hands the page a per-launch token in the URL fragment (never sent to a server
 * in a request line). It is kept in sessionStorage so a reload still works, and removed from the
 * visible address so it does not end up in screenshots or copied links.
 */

export const TOKEN_STORAGE_KEY = 'vexa.harnessToken';

export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('token');
  return token && token.trim() ? token.trim() : null;
}

/** The fragment with `token` removed (other parameters kept), or '' when nothing is left. */
export function hashWithoutToken(hash: string): string {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  params.delete('token');
  const rest = params.toString();
  return rest ? `#${rest}` : '';
}

export interface TokenEnvironment {
  location: { hash: string; pathname: string; search: string };
  storage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  replaceUrl(url: string): void;
}

/** A token in the address wins (a fresh launch), else the one this tab saw before. */
export function takeHarnessToken(env: TokenEnvironment): string | null {
  const fromHash = tokenFromHash(env.location.hash);
  if (fromHash) {
    env.storage.setItem(TOKEN_STORAGE_KEY, fromHash);
    env.replaceUrl(`${env.location.pathname}${env.location.search}${hashWithoutToken(env.location.hash)}`);
    return fromHash;
  }
  return env.storage.getItem(TOKEN_STORAGE_KEY);
}

export function harnessSocketUrl(host: string, token: string, secure = false): string {
  // `state=push`: the core sends its state as the first frame, so the first screen does not wait
  // for a request the page can only send once its scripts have run (electron/harness/harnessServer.ts).
  return `${secure ? 'wss' : 'ws'}://${host}/ipc?token=${encodeURIComponent(token)}&state=push`;
}

/** Whether a changed fragment carries a token other than the one this page runs with (it reloads to use it). */
export function reloadForNewToken(hash: string, current: string | null): boolean {
  const next = tokenFromHash(hash);
  return next !== null && next !== current;
}
