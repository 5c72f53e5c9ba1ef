/**
 * Every sentence the Vexa client shows a person. Each one says what happened and what to do.
 * None of them may contain an API key: they only receive hosts, statuses and server details.
 */

const API_URL_HINT = 'it should be the API address, e.g. https://api.cloud.vexa.ai';

function withDetail(prefix: string, detail: string): string {
  return detail ? `${prefix}: ${detail}` : `${prefix}.`;
}

function seconds(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  return s === 1 ? '1 second' : `${s} seconds`;
}

export const messages = {
  unauthorized: () => 'The server rejected this API key. Check that you copied the whole key, or create a new one in the Vexa dashboard.',
  adminUnauthorized: (host: string) =>
    `The admin key was not accepted by ${host}. Check that it matches the server's ADMIN_API_TOKEN and paste it again.`,
  adminNotConfigured: (host: string) =>
    `The admin API at ${host} is switched off: the server has no admin key set (ADMIN_API_TOKEN). Set one on the server, restart it, and enter that key here.`,
  unknownUser: () => 'There is no such user on the server. They may have been deleted; refresh the list.',
  tokenGone: () => 'This token is no longer on the server; it may have been revoked already. Refresh the list.',
  /** `allows` is what the key's own scopes let it do (from /auth/me or its `vxa_<scope>_` prefix), when known. */
  missingScope: (scope: 'tx' | 'bot' | null, allows?: string) =>
    allows
      ? `The server refused this request: the key's scope does not cover it. ${allows} Create a key with both the "bot" and "tx" scopes and use that one.`
      : scope === 'tx'
        ? 'This API key can send bots but cannot read meetings or transcripts (it lacks the "tx" scope). Create a key with both the "bot" and "tx" scopes in the Vexa dashboard and use that one.'
        : scope === 'bot'
          ? 'This API key can read transcripts but cannot send or stop bots (it lacks the "bot" scope). Create a key with both the "bot" and "tx" scopes in the Vexa dashboard and use that one.'
          : 'This API key is not allowed to do this (it lacks a scope). Create a key with both the "bot" and "tx" scopes in the Vexa dashboard and use that one.',
  forbidden: (detail: string) => withDetail('The server refused this request', detail),
  notFound: (detail: string) => detail || 'The server could not find what was asked for. It may have been deleted.',
  unknownRoute: (path: string) =>
    `This server does not offer ${path}. It may run a different Vexa version, or the URL may point to another service.`,
  duplicateBot: () => 'A bot is already in this meeting or on its way. Open that meeting, or stop its bot before sending a new one.',
  conflict: (detail: string) => detail || 'The request clashes with the current state of the meeting. Refresh and try again.',
  validation: (detail: string) => withDetail('The server did not accept the request', detail),
  limitReached: (limit: string | null) =>
    `You already have as many bots running as this account allows${limit ? ` (${limit})` : ''}. Stop one of them, or wait for a meeting to end, and try again.`,
  quotaDepleted: () =>
    "This account is not allowed to run any bots right now (its bot quota is 0). Ask the server's administrator to raise it.",
  rateLimited: (retryAfterMs: number | undefined) =>
    retryAfterMs === undefined
      ? 'The server is getting too many requests from this key. Wait a minute and try again.'
      : `The server is getting too many requests from this key. Try again in ${seconds(retryAfterMs)}.`,
  serverError: (status: number, detail: string) =>
    `The Vexa server ran into an internal error (HTTP ${status}${detail ? `: ${detail.replace(/\.$/, '')}` : ''}). Try again in a moment; if it keeps happening, ask the server's administrator to check its logs.`,
  upstreamDown: (host: string, status: number, detail: string) =>
    `The Vexa server at ${host} could not complete the request (HTTP ${status}${detail ? `: ${detail.replace(/\.$/, '')}` : ''}). One of its services may be down; try again in a minute.`,
  authUnavailable: () => 'The Vexa server cannot check API keys right now. Try again in a moment.',
  unreachable: (host: string) => `Could not reach ${host}. Check the server address and your network connection, then try again.`,
  refused: (host: string) =>
    `Nothing is answering at ${host} (connection refused). Check the address and port, and that the Vexa server is running.`,
  dnsFailed: (host: string) => `The address ${host} could not be found. Check the server URL for typos and that you are online.`,
  connectionReset: (host: string) =>
    `The connection to ${host} was cut off before it answered. Try again; if it keeps happening, check any proxy or VPN in between.`,
  tls: (host: string, reason: string) =>
    `The secure connection to ${host} failed: ${reason}. If this is your own server, give it a valid certificate for this address, or check that the URL is right.`,
  notHttps: (host: string) =>
    `${host} does not speak HTTPS on this port. Check the URL: a local server may need http:// instead of https://.`,
  timeout: (host: string, timeoutMs: number) => `${host} did not answer within ${seconds(timeoutMs)}. Check your connection and try again.`,
  notVexaPage: (host: string) =>
    `${host} answered with a web page, not the Vexa API. Check the URL (${API_URL_HINT}), not the address of a dashboard or website.`,
  notVexaProxy: (host: string, status: number, statusText: string) =>
    `${host} answered with a proxy error page (HTTP ${status}${statusText ? ` ${statusText}` : ''}), not the Vexa API. The Vexa server behind the proxy may be down, or the URL may be wrong (${API_URL_HINT}).`,
  notVexaOther: (host: string) => `${host} did not answer like the Vexa API. Check the URL (${API_URL_HINT}).`,
  redirected: (host: string, location: string | null) =>
    location
      ? `${host} redirects to ${location}. If that is the Vexa API, use that address as the server URL.`
      : `${host} answered with a redirect, not the Vexa API. Check the URL (${API_URL_HINT}).`,
  tooLarge: (host: string, maxBytes: number) =>
    `The server at ${host} sent a reply larger than ${Math.round(maxBytes / 1024 / 1024)} MB, so the app stopped reading it. Check that the server address is the Vexa API; if it is, ask the server's administrator about this reply.`,
  invalidResponse: (what: string) =>
    `The server sent ${what} that this app could not understand. It may run a Vexa version this app does not know yet.`,
  cancelled: () => 'The request was cancelled.',
  invalidUrl: (input: string) => `"${input}" is not a web address. Enter the Vexa API address, e.g. https://api.cloud.vexa.ai.`,
  wsMeetingNotFound: () =>
    'The server has no meeting with this ID for your account, so live updates cannot start. Check that the bot was sent with this key.',
  wsAuthorizationFailed: (detail: string) =>
    withDetail('The server could not check access to this meeting for live updates; try again in a moment', detail),
  wsError: (code: string, detail: string) =>
    `The live connection reported an error (${code.replace(/_/g, ' ')})${detail ? `: ${detail}` : '.'}`,
};
