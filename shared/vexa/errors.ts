import { describeDetail } from './detail';
import { messages } from './errorMessages';

export { describeDetail, extractDetail } from './detail';

export type VexaErrorCode =
  | 'unauthorized'
  | 'missing_scope'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'validation'
  | 'limit_reached'
  | 'rate_limited'
  | 'server_error'
  | 'upstream_down'
  | 'unreachable'
  | 'tls'
  | 'timeout'
  | 'not_vexa'
  | 'auth_unavailable'
  | 'ws_error'
  | 'invalid_response'
  | 'too_large'
  | 'cancelled'
  | 'unsupported'
  /** The app refused the address before connecting (plain http to a name that resolves to a public address). */
  | 'invalid_url';

export interface VexaErrorInit {
  code: VexaErrorCode;
  /** A sentence a person can act on. Never contains an API key. */
  userMessage: string;
  status?: number;
  /** The raw `detail` of the server's error body: string, pydantic list or object. */
  detail?: unknown;
  retryAfterMs?: number;
  cause?: unknown;
}

/** The one error type of the Vexa client: every failure, from DNS to a 422, ends up as one of these. */
export class VexaError extends Error {
  override readonly name = 'VexaError';
  readonly code: VexaErrorCode;
  readonly status?: number;
  readonly detail?: unknown;
  readonly retryAfterMs?: number;
  readonly userMessage: string;

  constructor(init: VexaErrorInit) {
    super(init.userMessage, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.userMessage = init.userMessage;
    if (init.status !== undefined) this.status = init.status;
    if (init.detail !== undefined) this.detail = init.detail;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }

  /** What crosses IPC and reaches logs: no cause chain, nothing the server did not say. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      status: this.status,
      detail: this.detail,
      retryAfterMs: this.retryAfterMs,
      userMessage: this.userMessage,
    };
  }
}

export function isVexaError(value: unknown): value is VexaError {
  return value instanceof VexaError;
}

/** Errors that are worth retrying later without changing anything. */
export function isTransient(error: VexaError): boolean {
  return ['unreachable', 'timeout', 'upstream_down', 'rate_limited', 'auth_unavailable', 'server_error'].includes(error.code);
}

export function unsupported(userMessage: string): VexaError {
  return new VexaError({ code: 'unsupported', userMessage });
}

export function invalidResponse(what: string, cause?: unknown): VexaError {
  return new VexaError({ code: 'invalid_response', userMessage: messages.invalidResponse(what), cause });
}

export function cancelled(): VexaError {
  return new VexaError({ code: 'cancelled', userMessage: messages.cancelled() });
}

/** Hides every occurrence of the given secrets in a string (server echoes, URLs). */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[hidden]');
  }
  return out;
}

/** Same, through a JSON-like detail value. */
export function redactDetail(detail: unknown, secrets: readonly (string | undefined)[]): unknown {
  if (typeof detail === 'string') return redactSecrets(detail, secrets);
  if (Array.isArray(detail)) return detail.map((d) => redactDetail(d, secrets));
  if (detail && typeof detail === 'object') {
    return Object.fromEntries(Object.entries(detail).map(([k, v]) => [k, redactDetail(v, secrets)]));
  }
  return detail;
}

interface WsErrorFrame {
  type?: unknown;
  error?: unknown;
  details?: unknown;
  detail?: unknown;
  status?: unknown;
  message?: unknown;
}

/**
 * Maps a WebSocket `{"type":"error", ...}` frame to a VexaError. G1/G2 answer a bad key on the first
 * subscribe with `authorization_service_error` + `status` 401/403 + the raw HTTP body in `detail`;
 * G3 closes with `invalid_api_key` / `auth_unavailable`; subscribe refusals carry `details`.
 */
export function fromWsErrorFrame(frame: unknown): VexaError {
  const f = (frame && typeof frame === 'object' ? frame : {}) as WsErrorFrame;
  const code = typeof f.error === 'string' ? f.error : typeof f.message === 'string' ? f.message : 'unknown_error';
  const status = typeof f.status === 'number' ? f.status : undefined;
  const raw = f.details ?? f.detail;
  const text = describeDetail(raw);
  const base = { status, detail: raw };

  if (code === 'missing_api_key' || code === 'invalid_api_key') {
    return new VexaError({ ...base, code: 'unauthorized', userMessage: messages.unauthorized() });
  }
  if (code === 'auth_unavailable') {
    return new VexaError({ ...base, code: 'auth_unavailable', userMessage: messages.authUnavailable() });
  }
  if (code === 'authorization_service_error' && (status === 401 || status === 403)) {
    if (/scope/i.test(text)) {
      return new VexaError({ ...base, code: 'missing_scope', userMessage: messages.missingScope('tx') });
    }
    return new VexaError({ ...base, code: 'unauthorized', userMessage: messages.unauthorized() });
  }
  if (/not authorized or not found/i.test(text)) {
    return new VexaError({ ...base, code: 'not_found', userMessage: messages.wsMeetingNotFound() });
  }
  if (code === 'authorization_call_failed' || code === 'authorization_service_error') {
    return new VexaError({ ...base, code: 'upstream_down', userMessage: messages.wsAuthorizationFailed(text) });
  }
  return new VexaError({ ...base, code: 'ws_error', userMessage: messages.wsError(code, text) });
}
