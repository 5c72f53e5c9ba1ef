import { headerValue } from './auth';
import { detail, type SimRequest, type SimResponse } from './http';
import type { SimProfile } from './types';

/** G2's `RATE_LIMIT_RPM` default: the v0.10 gateway limits every key unless the operator sets 0. */
export const G2_DEFAULT_PER_MINUTE = 120;
/** G2's `RATE_LIMIT_ADMIN_RPM`: `/admin` paths count in their own, smaller bucket. */
const G2_ADMIN_PER_MINUTE = 30;
/** Paths the G2 middleware skips (`RATE_LIMIT_SKIP_PATHS`). */
const SKIP_PATHS = new Set(['/', '/docs', '/openapi.json', '/redoc']);
const WINDOW_MS = 60_000;

/**
 * The limit a simulator starts with when its options name none: G2 limits by default; G1 has no
 * limiter and G3's token bucket (burst 120, 40/s) is off here unless asked for.
 */
export function defaultRateLimit(profile: SimProfile): number {
  return profile === 'g2' ? G2_DEFAULT_PER_MINUTE : 0;
}

export type RateDecision = { rejected: SimResponse } | { headers: Record<string, string> } | null;

/**
 * Per-key request limits in each generation's shape. G2 follows `rate_limit_middleware` of the
 * v0.10 gateway (Vexa-ai/vexa@v0.10.7:services/api-gateway/main.py): a one-minute sliding window per
 * API key (or client address), `/admin` in a 30/min bucket keyed by the admin key; the request is
 * added to the window before it is counted, so refused requests fill it too; every reply that
 * passes carries `X-RateLimit-Remaining`/`X-RateLimit-Limit`, errors included; a refusal is 429
 * `{"detail":"Rate limit exceeded","retry_after":1}` with `Retry-After: 1` (its formula,
 * `int(window - (now - window_start)) + 1`, is always 1). The middleware is HTTP-only, so WebSocket
 * upgrades are never limited. G3 (only when a limit is set): 429 `{"detail":"Rate limit exceeded"}`
 * with `Retry-After: 1` and no headers on other replies.
 */
export class RateLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(
    private readonly profile: SimProfile,
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(req: SimRequest, address: string): RateDecision {
    if (this.perMinute <= 0 || SKIP_PATHS.has(req.path)) return null;
    const admin = req.path.startsWith('/admin');
    const limit = admin ? Math.min(this.perMinute, G2_ADMIN_PER_MINUTE) : this.perMinute;
    const key = headerValue(req.headers, admin ? 'x-admin-api-key' : 'x-api-key') ?? address;
    const bucket = `${admin ? 'admin' : 'api'}:${key}`;
    const now = this.now();
    const recent = (this.windows.get(bucket) ?? []).filter((t) => now - t < WINDOW_MS);
    this.windows.set(bucket, recent);

    if (this.profile === 'g3') {
      if (recent.length >= limit) return { rejected: detail(429, 'Rate limit exceeded', { 'Retry-After': '1' }) };
      recent.push(now);
      return null;
    }
    recent.push(now);
    if (recent.length > limit) {
      return {
        rejected: { status: 429, body: { detail: 'Rate limit exceeded', retry_after: 1 }, headers: { 'Retry-After': '1' } },
      };
    }
    if (this.profile !== 'g2') return null;
    return { headers: { 'X-RateLimit-Remaining': String(Math.max(0, limit - recent.length)), 'X-RateLimit-Limit': String(limit) } };
  }
}
