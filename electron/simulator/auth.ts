import type { IncomingHttpHeaders } from 'node:http';
import type { SimContext } from './context';
import { detail, type Caller, type SimResponse } from './http';
import { ADMIN_ERROR, invalidKeyError, missingKeyError, SCOPE_ERROR, type RouteService } from './profiles';
import type { SimScope } from './types';

export function headerValue(headers: IncomingHttpHeaders, name: string): string | null {
  const raw = headers[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && value.length > 0 ? value : null;
}

export type AuthResult = { ok: true; caller: Caller } | { ok: false; response: SimResponse };

/**
 * User-key authentication per generation: G1 answers 403 from the backend services; G2/G3
 * gateways answer 401 and enforce token scopes (deny when the route's scope is missing).
 */
export function authenticateUser(
  ctx: SimContext,
  headers: IncomingHttpHeaders,
  scope: SimScope | readonly SimScope[] | null,
  service: RouteService,
): AuthResult {
  const key = headerValue(headers, 'x-api-key');
  if (!key) {
    const e = missingKeyError(ctx.profile, service);
    return { ok: false, response: detail(e.status, e.detail) };
  }
  const resolved = ctx.users.resolve(key);
  if (!resolved) {
    const e = invalidKeyError(ctx.profile, service);
    return { ok: false, response: detail(e.status, e.detail) };
  }
  const accepted: readonly SimScope[] = scope === null ? [] : typeof scope === 'string' ? [scope] : scope;
  if (ctx.profile !== 'g1' && accepted.length > 0 && !accepted.some((s) => resolved.token.scopes.includes(s))) {
    return { ok: false, response: detail(403, SCOPE_ERROR) };
  }
  return { ok: true, caller: resolved };
}

export function checkAdmin(ctx: SimContext, headers: IncomingHttpHeaders): SimResponse | null {
  if (!ctx.adminKey) return detail(500, 'Admin authentication is not configured on the server.');
  return headerValue(headers, 'x-admin-api-key') === ctx.adminKey ? null : detail(403, ADMIN_ERROR);
}

/** Control endpoints are open unless an admin key is configured. */
export function checkControl(ctx: SimContext, headers: IncomingHttpHeaders): SimResponse | null {
  if (!ctx.adminKey) return null;
  return headerValue(headers, 'x-admin-api-key') === ctx.adminKey ? null : detail(403, ADMIN_ERROR);
}
