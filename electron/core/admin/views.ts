import type { AdminTokenView, AdminUserView } from '../../../shared/ipc/admin';
import type { AdminToken, AdminUser } from '../../../shared/vexa';
import { maskKey } from '../serverUrl';

/** What the window may see of a user: no `data` (it can hold billing fields and, on old servers, secrets). */
export function toUserView(u: AdminUser): AdminUserView {
  return { id: u.id, email: u.email, name: u.name, maxConcurrentBots: u.maxConcurrentBots, createdAt: u.createdAt };
}

/** A token without its value: G1/G2 list values on the user, and the window gets only a masked label. */
export function toTokenView(t: AdminToken): AdminTokenView {
  return {
    id: t.id,
    masked: t.token ? maskKey(t.token) : null,
    scopes: t.scopes,
    name: t.name,
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
    expiresAt: t.expiresAt,
  };
}

/** Filter-as-you-type over a page: email or name contains the text, ignoring case. */
export function matchesFilter(u: AdminUserView, filter: string | undefined): boolean {
  const f = filter?.trim().toLowerCase();
  if (!f) return true;
  return (u.email ?? '').toLowerCase().includes(f) || (u.name ?? '').toLowerCase().includes(f);
}

/** A plain check before the server's own: an address with one @ and a dot after it. */
export function emailProblem(email: string): string | null {
  const e = email.trim();
  if (!e) return 'Enter an email address.';
  if (/\s/.test(e)) return 'An email address has no spaces.';
  if (!/^[^@]+@[^@]+\.[^@]+$/.test(e)) return `"${e}" is not an email address. Write it as name@example.com.`;
  return null;
}

/** The scope a G3 key's prefix names (`vxa_bot_…` → bot), or null for keys without one. */
export function prefixScope(key: string): 'bot' | 'tx' | 'browser' | null {
  const m = /^vxa_(bot|tx|browser)_/.exec(key.trim());
  return (m?.[1] as 'bot' | 'tx' | 'browser' | undefined) ?? null;
}
