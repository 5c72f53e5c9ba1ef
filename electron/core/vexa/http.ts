import {
  VexaError,
  cancelled,
  errorFromResponse,
  hostOf,
  invalidResponse,
  normaliseBaseUrl,
  parseBody,
  parseRetryAfter,
  redactSecrets,
  scopeFromKey,
  vexaMessages as messages,
} from '../../../shared/vexa';
import { guardedLookup, needsAddressCheck, type Resolver } from '../net/guardedLookup';
import { plainHttpFetch } from '../net/plainHttpFetch';
import { classifyNetworkError } from './networkErrors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

export interface HttpOptions {
  baseUrl: string;
  apiKey?: string;
  adminKey?: string;
  /**
   * The user key's scopes, when known (from `/auth/me`), so a scope refusal says what the key allows.
   * Default: the scope its `vxa_<scope>_` prefix names, which is the scope it lacks nothing of on a
   * refused route (the prefix names only a key's first scope).
   */
  keyScopes?: readonly string[];
  /** Used for https and IP addresses; plain http to a host name always goes through the address check. */
  fetch?: typeof globalThis.fetch;
  /** Resolves the host name of a plain-http server before each new connection (default: the system's). */
  resolveHost?: Resolver;
  timeoutMs?: number;
  /** Extra attempts after the first, for retryable failures only. */
  retries?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** A longer Retry-After is not waited for; the error carries it instead. */
  maxRetryAfterMs?: number;
  backoffBaseMs?: number;
  /** The most a reply may hold; a larger one fails with `too_large` (default MAX_BODY_BYTES). */
  maxBodyBytes?: number;
}

/**
 * No Vexa reply comes near this (a three-hour transcript is a few MB); without a cap a server, or
 * anything at its address, could make the app hold any amount of memory.
 */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface RequestOptions {
  method?: HttpMethod;
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  timeoutMs?: number;
  retries?: number;
  /** How to read a 2xx body. */
  accept?: 'json' | 'text' | 'none';
}

export interface HttpResult {
  status: number;
  body: unknown;
  headers: Headers;
}

export interface StreamOptions {
  /** Sent as they are (Range); the key header is the layer's own. */
  headers?: Record<string, string>;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** How long to wait for the answer's headers; the body then streams for as long as it takes. */
  timeoutMs?: number;
}

export interface VexaHttp {
  readonly baseUrl: string;
  readonly host: string;
  request(path: string, options?: RequestOptions): Promise<HttpResult>;
  /**
   * A GET whose body is read by the caller as it arrives (media bytes). A 2xx answer, or a 416 a
   * media element understands, comes back as the Response; any other answer throws a VexaError.
   */
  stream(path: string, options?: StreamOptions): Promise<Response>;
}

const RETRY_GET_STATUSES = new Set([502, 503, 504]);
const TIMEOUT = Symbol('timeout');
const CANCEL = Symbol('cancel');

type Attempt = { ok: true; result: HttpResult } | { ok: false; error: VexaError; retryDelayMs: number | null };

/**
 * The HTTP layer every Vexa call goes through: JSON in and out, the key in `X-API-Key` (or
 * `X-Admin-API-Key`), a timeout per attempt, retries where they are safe, and every failure mapped
 * to a VexaError. The key is never put in a URL, a message or an error.
 */
export function createHttp(options: HttpOptions): VexaHttp {
  const baseUrl = normaliseBaseUrl(options.baseUrl);
  const host = hostOf(baseUrl);
  // Plain http to a name: each connection resolves it and refuses a public address before a byte
  // (or the key) is sent. No injected fetch replaces this, so nothing can skip the check.
  const doFetch = needsAddressCheck(baseUrl) ? plainHttpFetch(guardedLookup(options.resolveHost)) : (options.fetch ?? globalThis.fetch);
  const defaultTimeout = options.timeoutMs ?? 15_000;
  const defaultRetries = options.retries ?? 2;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 10_000;
  const backoffBaseMs = options.backoffBaseMs ?? 300;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const secrets = [options.apiKey, options.adminKey];
  const prefixScope = options.apiKey ? scopeFromKey(options.apiKey) : null;
  const keyScopes = options.keyScopes ?? (prefixScope ? [prefixScope] : undefined);

  const headersFor = (hasBody: boolean): Record<string, string> => {
    const h: Record<string, string> = { Accept: 'application/json' };
    if (options.apiKey) h['X-API-Key'] = options.apiKey;
    if (options.adminKey) h['X-Admin-API-Key'] = options.adminKey;
    if (hasBody) h['Content-Type'] = 'application/json';
    return h;
  };

  const backoff = (attempt: number) => {
    const base = backoffBaseMs * 2 ** attempt;
    return Math.round(base + random() * base);
  };

  async function attemptOnce(
    url: string,
    path: string,
    method: HttpMethod,
    o: RequestOptions,
    timeoutMs: number,
    attempt: number,
  ): Promise<Attempt> {
    const controller = new AbortController();
    const onCancel = () => controller.abort(CANCEL);
    o.signal?.addEventListener('abort', onCancel, { once: true });
    const timer = setTimeout(() => controller.abort(TIMEOUT), timeoutMs);
    const idempotent = method === 'GET';
    try {
      const res = await doFetch(url, {
        method,
        headers: headersFor(o.body !== undefined),
        body: o.body === undefined ? undefined : JSON.stringify(o.body),
        signal: controller.signal,
        // A followed redirect would resend X-API-Key to wherever Location points.
        redirect: 'manual',
      });
      const text = redactSecrets(await readCapped(res, maxBodyBytes, host), secrets);
      if (res.status >= 300 && res.status < 400) {
        const location = res.headers.get('location');
        const error = new VexaError({
          code: 'not_vexa',
          status: res.status,
          userMessage: messages.redirected(host, location ? safeLocation(location, url) : null),
        });
        return { ok: false, error, retryDelayMs: null };
      }
      if (res.ok)
        return { ok: true, result: { status: res.status, body: readBody(text, res, o.accept ?? 'json', host), headers: res.headers } };
      const error = errorFromResponse({
        status: res.status,
        statusText: res.statusText,
        bodyText: text,
        contentType: res.headers.get('content-type'),
        retryAfter: res.headers.get('retry-after'),
        host,
        path,
        admin: Boolean(options.adminKey) && !options.apiKey,
        ...(keyScopes ? { keyScopes } : {}),
      });
      return { ok: false, error, retryDelayMs: retryDelay(error, res, idempotent, attempt) };
    } catch (e) {
      if (e instanceof VexaError) return { ok: false, error: e, retryDelayMs: null };
      if (controller.signal.reason === CANCEL) return { ok: false, error: cancelled(), retryDelayMs: null };
      if (controller.signal.reason === TIMEOUT) {
        // A hung server usually stays hung; retrying would multiply the wait.
        return { ok: false, error: new VexaError({ code: 'timeout', userMessage: messages.timeout(host, timeoutMs) }), retryDelayMs: null };
      }
      const error = classifyNetworkError(e, { host, timeoutMs });
      const retryable = idempotent && error.code === 'unreachable';
      return { ok: false, error, retryDelayMs: retryable ? backoff(attempt) : null };
    } finally {
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onCancel);
    }
  }

  function retryDelay(error: VexaError, res: Response, idempotent: boolean, attempt: number): number | null {
    if (error.code === 'limit_reached') return null;
    // The error's own wait first: it knows where a server's header understates it (G2's window).
    const retryAfter = error.retryAfterMs ?? parseRetryAfter(res.headers.get('retry-after'));
    // The server did not act on a 429 or a 503 that names a retry time, so any method may repeat it.
    if ((res.status === 429 || res.status === 503) && retryAfter !== undefined) {
      return retryAfter <= maxRetryAfterMs ? retryAfter : null;
    }
    if (idempotent && RETRY_GET_STATUSES.has(res.status)) return backoff(attempt);
    return null;
  }

  return {
    baseUrl,
    host,
    async request(path, o = {}) {
      const method = o.method ?? 'GET';
      const url = buildUrl(baseUrl, path, o.query);
      const retries = o.retries ?? defaultRetries;
      const timeoutMs = o.timeoutMs ?? defaultTimeout;
      for (let attempt = 0; ; attempt++) {
        if (o.signal?.aborted) throw cancelled();
        const outcome = await attemptOnce(url, path, method, o, timeoutMs, attempt);
        if (outcome.ok) return outcome.result;
        if (outcome.retryDelayMs === null || attempt >= retries) throw outcome.error;
        await sleep(outcome.retryDelayMs);
      }
    },
    async stream(path, o = {}) {
      const url = buildUrl(baseUrl, path, o.query);
      const controller = new AbortController();
      const onCancel = () => controller.abort(CANCEL);
      if (o.signal?.aborted) throw cancelled();
      o.signal?.addEventListener('abort', onCancel, { once: true });
      const timeoutMs = o.timeoutMs ?? defaultTimeout;
      const timer = setTimeout(() => controller.abort(TIMEOUT), timeoutMs);
      let res: Response;
      try {
        res = await doFetch(url, {
          method: 'GET',
          headers: { ...o.headers, ...headersFor(false), Accept: '*/*' },
          signal: controller.signal,
          redirect: 'manual',
        });
      } catch (e) {
        o.signal?.removeEventListener('abort', onCancel);
        if (controller.signal.reason === CANCEL) throw cancelled();
        if (controller.signal.reason === TIMEOUT) throw new VexaError({ code: 'timeout', userMessage: messages.timeout(host, timeoutMs) });
        throw classifyNetworkError(e, { host, timeoutMs });
      } finally {
        clearTimeout(timer);
      }
      if (res.ok || res.status === 416) return res;
      o.signal?.removeEventListener('abort', onCancel);
      const text = redactSecrets(await readCapped(res, 64 * 1024, host).catch(() => ''), secrets);
      throw errorFromResponse({
        status: res.status,
        statusText: res.statusText,
        bodyText: text,
        contentType: res.headers.get('content-type'),
        retryAfter: res.headers.get('retry-after'),
        host,
        path,
        admin: false,
        ...(keyScopes ? { keyScopes } : {}),
      });
    },
  };
}

/**
 * The body as text, read chunk by chunk and abandoned past `maxBytes`: a Content-Length over it
 * fails before any of the body is read; a body without one (or longer than it said) stops at the cap.
 */
async function readCapped(res: Response, maxBytes: number, host: string): Promise<string> {
  const tooLarge = () => new VexaError({ code: 'too_large', status: res.status, userMessage: messages.tooLarge(host, maxBytes) });
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  // TextDecoder drops a byte-order mark, as Response.text() does.
  return new TextDecoder().decode(Buffer.concat(chunks, total));
}

function readBody(text: string, res: Response, accept: 'json' | 'text' | 'none', host: string): unknown {
  if (accept === 'none') return undefined;
  if (accept === 'text') return text;
  if (text.trim() === '') return undefined;
  const contentType = res.headers.get('content-type');
  const body = parseBody(text, contentType);
  if (body.kind === 'json') return body.value;
  if (body.kind === 'html') throw new VexaError({ code: 'not_vexa', status: res.status, userMessage: messages.notVexaPage(host) });
  if ((contentType ?? '').includes('json')) throw invalidResponse('a JSON body');
  throw new VexaError({ code: 'not_vexa', status: res.status, userMessage: messages.notVexaOther(host) });
}

export function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>): string {
  const p = path.startsWith('/') ? path : `/${path}`;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null) params.set(k, String(v));
  }
  const qs = params.toString();
  return `${baseUrl}${p}${qs ? `?${qs}` : ''}`;
}

/** Path segments such as Teams `19:meeting_…@thread.v2` ids must not split the path. */
export function seg(value: string | number): string {
  return encodeURIComponent(String(value));
}

function safeLocation(location: string, base: string): string | null {
  try {
    const u = new URL(location, base);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return null;
  }
}
