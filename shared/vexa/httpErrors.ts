import { describeDetail, extractDetail } from './detail';
import { messages } from './errorMessages';
import { VexaError } from './errors';
import { describeKeyAccess } from './keyScope';

export interface HttpErrorInput {
  status: number;
  statusText?: string;
  bodyText: string;
  contentType: string | null;
  retryAfter: string | null;
  /** host[:port] shown to the person; never the full URL with a query. */
  host: string;
  path: string;
  /** The request carried the admin key, so a 403 is about that key. */
  admin?: boolean;
  /** The scopes of the user key that made the request, when known, so a scope refusal can say what the key allows. */
  keyScopes?: readonly string[] | null;
  now?: number;
}

export type ParsedBody = { kind: 'json'; value: unknown } | { kind: 'html' } | { kind: 'text'; text: string };

/** Vexa always answers JSON; an HTML page means a proxy, a dashboard, or some other site. */
export function parseBody(bodyText: string, contentType: string | null): ParsedBody {
  const ct = (contentType ?? '').toLowerCase();
  const head = bodyText.trimStart().slice(0, 64).toLowerCase();
  if (ct.includes('html') || head.startsWith('<!doctype') || head.startsWith('<html') || head.startsWith('<')) {
    return { kind: 'html' };
  }
  if (bodyText.trim() !== '' && (ct.includes('json') || /^[[{"]/.test(head))) {
    try {
      return { kind: 'json', value: JSON.parse(bodyText) };
    } catch {
      // fall through: a JSON-ish body that does not parse is shown as text
    }
  }
  return { kind: 'text', text: bodyText.trim() };
}

/** Retry-After is delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const date = Date.parse(v);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** The G3 scope a route needs (gateway ROUTE_SCOPES), so a 403 can say which scope the key lacks. */
export function scopeForPath(path: string): 'bot' | 'tx' | null {
  const p = path.split('?')[0] ?? '';
  if (p === '/bots' || p.startsWith('/bots/')) return 'bot';
  if (p.startsWith('/meetings') || p.startsWith('/transcripts')) return 'tx';
  return null;
}

const PROXY_STATUSES = new Set([502, 503, 504]);

/** Maps any non-2xx response to the one error type, by status and by the server's own words. */
export function errorFromResponse(input: HttpErrorInput): VexaError {
  const { status, host } = input;
  const body = parseBody(input.bodyText, input.contentType);
  if (body.kind === 'html') {
    const userMessage = status >= 500 ? messages.notVexaProxy(host, status, input.statusText ?? '') : messages.notVexaPage(host);
    return new VexaError({ code: 'not_vexa', status, userMessage });
  }
  if (body.kind === 'text') {
    // Starlette answers an unhandled exception with a plain "Internal Server Error"; proxies
    // (Caddy, Traefik) answer plain text or nothing for a dead upstream.
    if (PROXY_STATUSES.has(status)) {
      return new VexaError({
        code: 'not_vexa',
        status,
        userMessage: messages.notVexaProxy(host, status, input.statusText ?? ''),
      });
    }
    if (status >= 500) {
      const detail = describeDetail(body.text);
      return new VexaError({
        code: 'server_error',
        status,
        detail: body.text || undefined,
        userMessage: messages.serverError(status, detail),
      });
    }
    return new VexaError({ code: 'not_vexa', status, userMessage: messages.notVexaOther(host) });
  }
  return fromJsonError(input, body.value);
}

function fromJsonError(input: HttpErrorInput, value: unknown): VexaError {
  const { status, host, path } = input;
  const detail = extractDetail(value);
  const text = describeDetail(detail);
  const lower = text.toLowerCase();
  const make = (code: VexaError['code'], userMessage: string, extra: { retryAfterMs?: number } = {}) =>
    new VexaError({ code, status, detail, userMessage, ...extra });

  // The bot cap is 403 in G1/G2 and 429 in G3; only the server's words tell it from other 403/429s.
  if (status === 403 || status === 429) {
    if (/concurrent bot quota is depleted/.test(lower)) return make('limit_reached', messages.quotaDepleted());
    if (/concurrent bot limit|owner quota exceeded/.test(lower)) {
      return make('limit_reached', messages.limitReached(limitFrom(text)));
    }
  }
  switch (status) {
    case 401:
      return make('unauthorized', input.admin ? messages.adminUnauthorized(host) : messages.unauthorized());
    case 403:
      if (/scope/.test(lower)) {
        const allows = input.keyScopes ? describeKeyAccess(input.keyScopes) : undefined;
        return make('missing_scope', messages.missingScope(scopeForPath(path), allows));
      }
      if (/admin token/.test(lower) || input.admin) return make('unauthorized', messages.adminUnauthorized(host));
      // G1 answers a bad or missing key with 403, not 401.
      if (/(invalid|missing) api (token|key)/.test(lower)) return make('unauthorized', messages.unauthorized());
      return make('forbidden', messages.forbidden(text));
    case 404:
      if (input.admin && lower === 'user not found.') return make('not_found', messages.unknownUser());
      if (input.admin && lower === 'token not found.') return make('not_found', messages.tokenGone());
      return make('not_found', text === 'Not Found.' ? messages.unknownRoute(path) : messages.notFound(text));
    case 409:
      return make('conflict', /already exists/.test(lower) ? messages.duplicateBot() : messages.conflict(text));
    case 429: {
      const retryAfterMs = slidingWindowWait(value) ?? parseRetryAfter(input.retryAfter, input.now);
      return make('rate_limited', messages.rateLimited(retryAfterMs), retryAfterMs === undefined ? {} : { retryAfterMs });
    }
    case 503:
      if (/authentication temporarily unavailable/.test(lower)) {
        const retryAfterMs = parseRetryAfter(input.retryAfter, input.now);
        return make('auth_unavailable', messages.authUnavailable(), retryAfterMs === undefined ? {} : { retryAfterMs });
      }
      return make('upstream_down', messages.upstreamDown(host, status, text));
    case 502:
    case 504:
      return make('upstream_down', messages.upstreamDown(host, status, text));
    default:
      // admin-api without ADMIN_API_TOKEN: a setup problem, not a passing fault, so not `server_error`.
      if (status === 500 && /admin authentication is not configured/.test(lower))
        return make('forbidden', messages.adminNotConfigured(host));
      if (status >= 500) return make('server_error', messages.serverError(status, text));
      return make('validation', messages.validation(text));
  }
}

function limitFrom(text: string): string | null {
  const m = /\(([\d/ ]+)\)/.exec(text);
  return m?.[1]?.trim() ?? null;
}

/**
 * G2's limiter (the only one that puts `retry_after` in its body) is a one-minute sliding window
 * per key in which refused requests count too, and its `retry_after`/`Retry-After` say 1 second
 * whatever the window holds (v0.10 api-gateway `rate_limit_middleware`). Retrying after a second
 * only keeps the window full: the honest wait is until it drains, a minute after the last request.
 */
const G2_WINDOW_MS = 60_000;
function slidingWindowWait(value: unknown): number | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const r = (value as Record<string, unknown>).retry_after;
  return typeof r === 'number' && Number.isFinite(r) && r >= 0 ? Math.max(Math.round(r * 1000), G2_WINDOW_MS) : undefined;
}
