import { isIP } from 'node:net';
import { isLoopbackOrPrivateAddress } from '../net/addressPolicy';
import { findPublicAddressError, guardedLookup, type Resolver } from '../net/guardedLookup';
import { plainHttpFetch } from '../net/plainHttpFetch';

/**
 * How the webhook test event leaves this computer. It carries the webhook's signature and, on
 * G2/G3, its secret (`Authorization: Bearer`), so it follows the rules of the API's own requests
 * (`vexa/http.ts`): https to any address; plain http only to this computer or a private network,
 * checked on every address the name resolves to before connecting (`net/`); no redirect followed;
 * the answer's body never read (only its status counts) and a time limit.
 */

export const WEBHOOK_TEST_TIMEOUT_MS = 10_000;

export type WebhookRoute =
  | { kind: 'https' }
  /** Plain http to an IP address on this computer or a private network: nothing left to check. */
  | { kind: 'plain-private-ip' }
  /** Plain http to a name: each connection resolves it and refuses a public address. */
  | { kind: 'plain-name' }
  | { kind: 'refused'; message: string };

const USE_INSTEAD = 'Use an https:// address, or a receiver on this computer or your own network.';

export function publicWebhookMessage(host: string, address: string): string {
  const where = host === address ? `${host} is a public address` : `${host} resolves to ${address}, a public address`;
  return `${where}: a plain-http test would send the signed event (and its secret) unencrypted over the internet. ${USE_INSTEAD}`;
}

/** Pure: which way the test may go to this address, decided from the address alone. */
export function webhookRoute(url: string): WebhookRoute {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { kind: 'refused', message: 'The webhook address is not a web address. Write it as https://example.com/vexa/webhook.' };
  }
  if (u.protocol === 'https:') return { kind: 'https' };
  if (u.protocol !== 'http:')
    return { kind: 'refused', message: 'A webhook address starts with https:// (or http:// on your own network).' };
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) === 0) return { kind: 'plain-name' };
  return isLoopbackOrPrivateAddress(host) ? { kind: 'plain-private-ip' } : { kind: 'refused', message: publicWebhookMessage(host, host) };
}

export type WebhookTestOutcome =
  | { kind: 'answered'; status: number; statusText: string; location: string | null }
  | { kind: 'refused'; message: string }
  | { kind: 'timeout' }
  | { kind: 'unreachable' };

export interface WebhookTransportDeps {
  /** Carries https and IP-address requests (tests inject one); a plain-http name never uses it. */
  fetch?: typeof fetch;
  resolveHost?: Resolver;
  timeoutMs?: number;
}

export function createWebhookTransport(d: WebhookTransportDeps = {}) {
  let plain: typeof fetch | null = null;
  return async function post(url: string, init: { headers: Record<string, string>; body: string }): Promise<WebhookTestOutcome> {
    const route = webhookRoute(url);
    if (route.kind === 'refused') return route;
    const send = route.kind === 'plain-name' ? (plain ??= plainHttpFetch(guardedLookup(d.resolveHost))) : (d.fetch ?? fetch);
    try {
      const res = await send(url, {
        method: 'POST',
        headers: init.headers,
        body: init.body,
        // A followed redirect would hand the signed event, and its secret, to wherever Location points.
        redirect: 'manual',
        signal: AbortSignal.timeout(d.timeoutMs ?? WEBHOOK_TEST_TIMEOUT_MS),
      });
      // Only the status counts: a receiver cannot make the app read, or hold, any of its body.
      await res.body?.cancel().catch(() => undefined);
      return { kind: 'answered', status: res.status, statusText: res.statusText, location: res.headers.get('location') };
    } catch (e) {
      const publicAddress = findPublicAddressError(e);
      if (publicAddress) return { kind: 'refused', message: publicWebhookMessage(publicAddress.host, publicAddress.address) };
      return timedOut(e) ? { kind: 'timeout' } : { kind: 'unreachable' };
    }
  };
}

/** fetch rejects with the signal's TimeoutError; node:http wraps it as the cause of an AbortError. */
function timedOut(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { name?: unknown }).name === 'TimeoutError') return true;
  }
  return false;
}

export type WebhookTransport = ReturnType<typeof createWebhookTransport>;
