import type { AdminTokenView, AdminUserView, WebhookDeliveries } from '../../../shared/ipc/admin';
import type { AdminToken, AdminUser, WebhookDelivery } from '../../../shared/vexa';

/** What the window may see of a user: no `data` (it can hold billing fields and, on old servers, secrets). */
export function toUserView(u: AdminUser): AdminUserView {
  return { id: u.id, email: u.email, name: u.name, maxConcurrentBots: u.maxConcurrentBots, createdAt: u.createdAt };
}

/** A token without its value: the client keeps only the masked label G1/G2 values allow. */
export function toTokenView(t: AdminToken): AdminTokenView {
  return {
    id: t.id,
    masked: t.maskedValue,
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

/** One delivery attempt as the window lists it; anything but `delivered` is shown as its outcome. */
export function deliveryView(d: WebhookDelivery, index: number): WebhookDeliveries['deliveries'][number] {
  const ok = d.outcome === 'delivered';
  return {
    id: d.eventId ? `${d.eventId}#${d.attempt}` : String(index),
    event: d.eventType,
    status: d.statusCode,
    ok,
    at: d.createdAt,
    error: ok ? null : d.outcome,
  };
}

/** A webhook address the server could call: http(s) with a host. */
export function webhookUrlProblem(url: string): string | null {
  if (!url) return 'Enter the address that should receive the events, such as https://example.com/vexa/webhook.';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `"${url.slice(0, 200)}" is not a web address. Write it as https://example.com/vexa/webhook.`;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'A webhook address starts with https:// (or http://).';
  if (u.username || u.password) return 'Leave the user name and password out of the address; use the secret to sign events instead.';
  return null;
}
