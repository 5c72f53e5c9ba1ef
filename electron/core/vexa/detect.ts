import {
  VexaError,
  capabilitiesFor,
  isVexaError,
  normaliseAuthMe,
  normaliseBaseUrl,
  normaliseMeetingList,
  vexaMessages as messages,
} from '../../../shared/vexa';
import type { AuthMe, ServerCapabilities, ServerGeneration } from '../../../shared/vexa';
import { createHttp } from './http';
import type { VexaHttp } from './http';
import type { Resolver } from '../net/guardedLookup';

export interface ServerProbe {
  baseUrl: string;
  generation: ServerGeneration;
  capabilities: ServerCapabilities;
  user: { id?: string; email?: string; scopes?: string[]; maxConcurrent?: number } | null;
  /** Sentences to show next to a working connection (e.g. a key that cannot send bots). */
  warnings: string[];
}

export type ProbeResult = { ok: true; value: ServerProbe } | { ok: false; error: VexaError };

export interface ProbeOptions {
  baseUrl: string;
  apiKey: string;
  fetch?: typeof globalThis.fetch;
  /** Resolves a plain-http server's host name (see `HttpOptions.resolveHost`). */
  resolveHost?: Resolver;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
}

const NO_BOT_SCOPE_WARNING =
  'This API key cannot send or stop bots (it lacks the "bot" scope). You can read meetings and transcripts, but sending a bot will fail. Create a key with both the "bot" and "tx" scopes to do both.';

/**
 * Finds out which Vexa generation answers at a URL and whether the key works, in at most three
 * requests: `GET /auth/me` (G2/G3; G1 answers 404), then `GET /meetings` to check the key on G1,
 * or `GET /bots/status` to tell G3 (`count`, `running`) from G2 (`running_bots` only); a key
 * without the bot scope is told apart by G2's rate-limit headers or G3's by-id transcript route.
 */
export async function probeServer(options: ProbeOptions): Promise<ProbeResult> {
  try {
    const baseUrl = normaliseBaseUrl(options.baseUrl);
    const http = createHttp({
      baseUrl,
      apiKey: options.apiKey,
      fetch: options.fetch,
      resolveHost: options.resolveHost,
      timeoutMs: options.timeoutMs ?? 10_000,
      retries: 1,
      sleep: options.sleep,
    });
    const signal = options.signal;
    const me = await authMe(http, signal);
    if (me === 'absent') return { ok: true, value: await probeG1(http, baseUrl, signal) };
    return { ok: true, value: await probeG2orG3(http, baseUrl, me, signal) };
  } catch (e) {
    if (isVexaError(e)) return { ok: false, error: e };
    return { ok: false, error: new VexaError({ code: 'invalid_response', userMessage: messages.invalidResponse('an answer'), cause: e }) };
  }
}

async function authMe(http: VexaHttp, signal?: AbortSignal): Promise<{ me: AuthMe; rateLimited: boolean } | 'absent'> {
  try {
    const res = await http.request('/auth/me', { signal });
    let me: AuthMe;
    try {
      me = normaliseAuthMe(res.body);
    } catch {
      // A 200 that is not an account (some other JSON API) is not Vexa.
      throw new VexaError({ code: 'not_vexa', status: res.status, userMessage: messages.notVexaOther(http.host) });
    }
    // G2's gateway stamps X-RateLimit-* on every success; G3's does not.
    return { me, rateLimited: res.headers.has('x-ratelimit-limit') };
  } catch (e) {
    // G1 has no /auth/me: FastAPI answers 404 {"detail":"Not Found"}. An HTML 404 is already not_vexa.
    if (isVexaError(e) && e.code === 'not_found') return 'absent';
    // /auth/me needs no scope, so any refusal there is about the key itself.
    if (isVexaError(e) && e.code === 'forbidden') {
      throw new VexaError({ code: 'unauthorized', status: e.status, detail: e.detail, userMessage: messages.unauthorized() });
    }
    throw e;
  }
}

/**
 * For a key that may not read /bots/status: only G3 has `/transcripts/by-id/{id}` (tx scope). Row 0
 * never exists, so G3 answers 404 "Meeting not found"; G2 matches the path as
 * `/transcripts/{platform}/{native_meeting_id}` and refuses "by-id" as a platform (422).
 */
async function byIdRouteGeneration(http: VexaHttp, hasScopes: boolean, signal?: AbortSignal): Promise<ServerGeneration> {
  try {
    await http.request('/transcripts/by-id/0', { signal, retries: 0 });
    return 'g3';
  } catch (e) {
    if (!isVexaError(e)) throw e;
    if (e.code === 'not_found') return e.detail === 'Not Found' ? 'g2' : 'g3';
    if (e.code === 'validation') return 'g2';
    return hasScopes ? 'g3' : 'g2';
  }
}

async function probeG1(http: VexaHttp, baseUrl: string, signal?: AbortSignal): Promise<ServerProbe> {
  // G1 ignores the limit and returns every meeting; the call is the only key check it offers.
  const res = await http.request('/meetings', { query: { limit: 1 }, signal });
  try {
    normaliseMeetingList(res.body);
  } catch {
    throw new VexaError({ code: 'not_vexa', status: res.status, userMessage: messages.notVexaOther(http.host) });
  }
  return { baseUrl, generation: 'g1', capabilities: capabilitiesFor('g1'), user: null, warnings: [] };
}

async function probeG2orG3(
  http: VexaHttp,
  baseUrl: string,
  { me, rateLimited }: { me: AuthMe; rateLimited: boolean },
  signal?: AbortSignal,
): Promise<ServerProbe> {
  // An empty scope list is treated as "not reported": the server would refuse a truly empty token.
  const scopes = me.scopes && me.scopes.length > 0 ? me.scopes : null;
  if (scopes && !scopes.includes('tx')) {
    throw new VexaError({ code: 'missing_scope', status: 403, userMessage: messages.missingScope('tx') });
  }
  const warnings: string[] = [];
  const canBot = !scopes || scopes.includes('bot');
  if (!canBot) warnings.push(NO_BOT_SCOPE_WARNING);

  let generation: ServerGeneration;
  try {
    const res = await http.request('/bots/status', { signal });
    const body = res.body as Record<string, unknown> | undefined;
    generation = body && ('count' in body || 'running' in body) ? 'g3' : 'g2';
  } catch (e) {
    if (!isVexaError(e) || !['missing_scope', 'forbidden', 'not_found', 'server_error', 'upstream_down'].includes(e.code)) throw e;
    generation = rateLimited ? 'g2' : await byIdRouteGeneration(http, scopes !== null, signal);
  }

  const user: NonNullable<ServerProbe['user']> = {};
  if (me.userId !== null) user.id = me.userId;
  if (me.email !== null) user.email = me.email;
  if (me.scopes !== null) user.scopes = me.scopes;
  if (me.maxConcurrent !== null) user.maxConcurrent = me.maxConcurrent;
  return { baseUrl, generation, capabilities: capabilitiesFor(generation), user, warnings };
}
