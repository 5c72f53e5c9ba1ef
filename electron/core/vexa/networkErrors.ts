import { VexaError, vexaMessages as messages } from '../../../shared/vexa';
import { findPublicAddressError } from '../net/guardedLookup';

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);
const TIMEOUTS = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

const TLS_REASONS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'it uses a self-signed certificate that this computer does not trust',
  SELF_SIGNED_CERT_IN_CHAIN: 'its certificate chain ends in a self-signed certificate that this computer does not trust',
  CERT_HAS_EXPIRED: 'its certificate has expired',
  CERT_NOT_YET_VALID: "its certificate is not valid yet (check this computer's date and time)",
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate was issued for a different address',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate is signed by an authority this computer does not trust',
  UNABLE_TO_GET_ISSUER_CERT: 'its certificate is signed by an authority this computer does not trust',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its certificate is signed by an authority this computer does not trust',
  CERT_REVOKED: 'its certificate has been revoked',
};

// A server behind a private or company CA that the browser opens fine: the fix is trust on this
// computer, not a new certificate. The app reads the OS store and NODE_EXTRA_CA_CERTS at startup.
const UNTRUSTED_AUTHORITY = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
]);

function untrustedAuthority(host: string, reason: string): string {
  return (
    `The secure connection to ${host} failed: ${reason}. If the server uses a private or company certificate authority ` +
    `(or a self-signed certificate), install that certificate in this computer's trust store and restart the app, ` +
    `or point NODE_EXTRA_CA_CERTS at a PEM file that contains it.`
  );
}

/** Error codes anywhere in an undici failure: `TypeError('fetch failed', {cause})`, nested causes, AggregateError. */
export function errorCodes(err: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number): void => {
    if (!e || typeof e !== 'object' || seen.has(e) || depth > 5) return;
    seen.add(e);
    const rec = e as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof rec.code === 'string') codes.push(rec.code);
    visit(rec.cause, depth + 1);
    if (Array.isArray(rec.errors)) for (const inner of rec.errors) visit(inner, depth + 1);
  };
  visit(err, 0);
  return codes;
}

function isTlsCode(code: string): boolean {
  return code in TLS_REASONS || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_') || code.includes('CERT') || code === 'EPROTO';
}

/**
 * Maps a fetch failure (no HTTP response at all) to a VexaError that names the host and says what
 * to check. Only the host is used: the URL could carry more than a person should see.
 */
export function classifyNetworkError(err: unknown, ctx: { host: string; timeoutMs: number }): VexaError {
  const { host } = ctx;
  const codes = errorCodes(err);
  const make = (code: VexaError['code'], userMessage: string) => new VexaError({ code, userMessage, cause: err });

  // Refused on purpose before connecting: the sentence says why and what to do; never retried.
  const refused = findPublicAddressError(err);
  if (refused) return make('invalid_url', refused.message);

  const tls = codes.find(isTlsCode);
  if (tls) {
    if (/WRONG_VERSION_NUMBER|EPROTO|HTTP_REQUEST/.test(tls)) return make('tls', messages.notHttps(host));
    const reason = TLS_REASONS[tls] ?? `the server's certificate was rejected (${tls})`;
    return make('tls', UNTRUSTED_AUTHORITY.has(tls) ? untrustedAuthority(host, reason) : messages.tls(host, reason));
  }
  const name = err && typeof err === 'object' ? (err as { name?: unknown }).name : undefined;
  if (name === 'TimeoutError' || codes.some((c) => TIMEOUTS.has(c))) return make('timeout', messages.timeout(host, ctx.timeoutMs));
  if (codes.includes('ECONNREFUSED')) return make('unreachable', messages.refused(host));
  if (codes.includes('ENOTFOUND') || codes.includes('EAI_AGAIN')) return make('unreachable', messages.dnsFailed(host));
  if (codes.some((c) => c === 'ECONNRESET' || c === 'UND_ERR_SOCKET' || c === 'EPIPE')) {
    return make('unreachable', messages.connectionReset(host));
  }
  if (codes.some((c) => UNREACHABLE.has(c))) return make('unreachable', messages.unreachable(host));
  return make('unreachable', messages.unreachable(host));
}
