import { createHmac } from 'node:crypto';
import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { WebhookDeliveries, WebhookTestResult, WebhookView } from '../../../shared/ipc/admin';
import type { Generation } from '../../../shared/ipc/models';
import { IpcCodes } from '../../../shared/ipc/result';
import type { ServerPort } from '../connections/serverConnection';
import type { Clock, Logger, SecretStore } from '../ports';
import { secretModeBeside } from './adminAccess';
import type { Resolver } from '../net/guardedLookup';
import type { ServerRecord } from '../servers';
import { isVexaError, type VexaClient } from '../vexa';
import { deliveryView, webhookUrlProblem } from './views';
import { createWebhookTransport, WEBHOOK_TEST_TIMEOUT_MS, type WebhookTransport } from './webhookTransport';

/** The keychain account of a server's webhook (its URL as set from here, and its signing secret). */
export const webhookAccount = (serverId: string): string => `webhook:${serverId}`;

export interface WebhookDeps {
  connection: ServerPort;
  secrets: SecretStore;
  logger: Logger;
  clock: Clock;
  /** Sends the test event over https or to an IP address (the person's own receiver). */
  fetch?: typeof fetch;
  /** Resolves a plain-http receiver's name; a public address is refused, as for the API. */
  resolveHost?: Resolver;
}

interface Local {
  url: string | null;
  secret: string | null;
}

/**
 * The connected user's webhook. The secret is sent to the server once, kept in the keychain to
 * sign test events, registered with the logger, and never put in a view.
 */
export class WebhookService {
  private readonly send: WebhookTransport;

  constructor(private readonly d: WebhookDeps) {
    this.send = createWebhookTransport({ fetch: d.fetch, resolveHost: d.resolveHost });
  }

  private withServer(): { server: ServerRecord; client: VexaClient } {
    const server = this.d.connection.activeServer;
    if (!server || this.d.connection.view().status !== 'connected')
      throw new UserFacingError(IpcCodes.notConnected, 'Connect to a Vexa server first; the webhook belongs to your account there.');
    return { server, client: this.d.connection.client() };
  }

  private async local(serverId: string): Promise<Local> {
    const raw = await this.d.secrets.get(webhookAccount(serverId));
    if (!raw) return { url: null, secret: null };
    try {
      const v = JSON.parse(raw) as Partial<Local>;
      const local = { url: typeof v.url === 'string' ? v.url : null, secret: typeof v.secret === 'string' ? v.secret : null };
      if (local.secret) this.d.logger.addSecret(local.secret);
      return local;
    } catch {
      return { url: null, secret: null };
    }
  }

  async get(): Promise<WebhookView> {
    const { server, client } = this.withServer();
    const local = await this.local(server.id);
    if (server.generation === 'g3') {
      const back = await client.getWebhook();
      return {
        url: back.url,
        source: back.url ? 'server' : 'none',
        // A secret left on the server after the address was cleared signs nothing.
        hasSecret: back.url !== null && (back.secretSet === true || local.secret !== null),
        events: back.events ? Object.keys(back.events).filter((name) => back.events?.[name]) : null,
        deliveriesAvailable: true,
      };
    }
    // G1/G2 cannot read the webhook back: the app shows what it last set.
    return {
      url: local.url,
      source: local.url ? 'app' : 'none',
      hasSecret: local.secret !== null,
      events: null,
      deliveriesAvailable: false,
    };
  }

  async set(rawUrl: string, secret: string | undefined): Promise<WebhookView> {
    // A secret typed once is hidden from the log even when the address is refused.
    if (secret) this.d.logger.addSecret(secret);
    const url = rawUrl.trim();
    const problem = webhookUrlProblem(url);
    if (problem) throw new UserFacingError('validation', problem);
    const { server, client } = this.withServer();
    if (secret && server.generation === 'g1')
      throw new UserFacingError('unsupported', 'This server (Vexa 0.9) does not sign webhook events. Leave the secret empty.');
    await client.setWebhook({ url, ...(secret ? { secret } : {}) }).catch((e: unknown) => {
      throw isVexaError(e) && e.status === 400 ? addressRefused(server, e.detail) : e;
    });
    await this.store(server, { url, secret: secret ?? null });
    this.d.logger.info('Webhook set', { server: server.url, url, signed: Boolean(secret) });
    return this.get();
  }

  async clear(): Promise<WebhookView> {
    const { server, client } = this.withServer();
    await client.clearWebhook();
    await this.d.secrets.delete(webhookAccount(server.id));
    this.d.logger.info('Webhook cleared', { server: server.url });
    return this.get();
  }

  private async store(server: ServerRecord, local: Local): Promise<void> {
    const value = JSON.stringify(local);
    try {
      await this.d.secrets.set(webhookAccount(server.id), value, secretModeBeside(server.keyStorage));
    } catch (e) {
      this.d.logger.warn('Could not store the webhook secret; it is kept for this run', { error: String((e as Error)?.message) });
      await this.d.secrets.set(webhookAccount(server.id), value, 'session');
    }
  }

  /**
   * Sends a sample `meeting.status_change` from this computer, signed as this server generation
   * signs its deliveries (see `signLike`).
   */
  async test(): Promise<WebhookTestResult> {
    const view = await this.get();
    const { server } = this.withServer();
    const local = await this.local(server.id);
    const url = view.url ?? local.url;
    if (!url) throw new UserFacingError('no_webhook', 'Set a webhook address first, then send a test event to it.');
    const now = this.d.clock.now();
    const body = JSON.stringify(sampleEvent(now));
    const signing = signLike(server.generation, local.secret, body, Math.floor(now / 1000));
    const headers = { ...signing, 'user-agent': 'Vexa-Companion-webhook-test' };
    const signed = 'authorization' in signing;
    const sent = await this.send(url, { headers, body });
    if (sent.kind === 'refused') return { ok: false, status: null, signed, message: sent.message };
    if (sent.kind !== 'answered') {
      const reason = sent.kind === 'timeout' ? `did not answer within ${WEBHOOK_TEST_TIMEOUT_MS / 1000} seconds` : 'could not be reached';
      return {
        ok: false,
        status: null,
        signed,
        message: `The webhook at ${url} ${reason}. Check the address and that the receiver is running.`,
      };
    }
    return { ok: sent.status >= 200 && sent.status < 300, status: sent.status, signed, message: testAnswer(sent) };
  }

  async deliveries(limit: number): Promise<WebhookDeliveries> {
    const { server, client } = this.withServer();
    if (server.generation !== 'g3')
      return {
        available: false,
        message: 'This server does not keep a log of webhook deliveries (Vexa 0.12 and later do).',
        deliveries: [],
      };
    try {
      return {
        available: true,
        message: null,
        deliveries: (await client.webhookDeliveries({ limit })).map(deliveryView),
      };
    } catch (e) {
      if (isVexaError(e) && (e.status === 405 || (e.status === 404 && e.detail === 'Not Found')))
        return { available: false, message: 'This server does not offer its webhook delivery log.', deliveries: [] };
      throw e;
    }
  }
}

/**
 * The headers of a delivery. G3: `Authorization: Bearer <secret>`, `X-Webhook-Timestamp` (unix
 * seconds) and `X-Webhook-Signature: sha256=<HMAC-SHA256(secret, "<timestamp>." + body)>`
 * (Vexa docs/docs/webhooks.mdx "Signature"); G2: the Bearer header only (docs/webhooks.md); G1
 * keeps no secret and signs nothing.
 */
export function signLike(generation: Generation, secret: string | null, body: string, unixSeconds: number): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (!secret || generation === 'g1') return headers;
  headers.authorization = `Bearer ${secret}`;
  if (generation === 'g3') {
    headers['x-webhook-timestamp'] = String(unixSeconds);
    headers['x-webhook-signature'] = `sha256=${createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`;
  }
  return headers;
}

/**
 * G2 (v0.10) answers a webhook address on a private or internal network with 400 and the reason
 * (its fix for CVE-2026-25883; simulator/webhookAddress.ts): the server would not call it.
 */
function addressRefused(server: ServerRecord, detail: unknown): UserFacingError {
  const said = typeof detail === 'string' && detail.trim() ? ` (it said: “${detail.trim().slice(0, 200)}”)` : '';
  return new UserFacingError(
    IpcCodes.webhookRefused,
    `${server.label} will not call this address${said}: it only sends webhooks to addresses on the internet, not to this computer or a private network. Use a public https:// address; for a receiver on your computer, put a tunnel such as ngrok or cloudflared in front of it.`,
  );
}

function testAnswer(a: { status: number; statusText: string; location: string | null }): string {
  if (a.status >= 200 && a.status < 300) return `The webhook answered ${a.status}: it received the test event.`;
  if (a.status >= 300 && a.status < 400) {
    const to = a.location ? ` to ${a.location.slice(0, 200)}` : '';
    return `The webhook answered ${a.status}, a redirect${to}. The test does not follow it, since that would send the signed event to another address; enter the address the redirect leads to, if you trust it.`;
  }
  return `The webhook answered ${a.status}${a.statusText ? ` ${a.statusText}` : ''}. Vexa treats anything but 2xx as a failed delivery; check the receiver.`;
}

function sampleEvent(now: number): Record<string, unknown> {
  const at = new Date(now).toISOString();
  return {
    event_type: 'meeting.status_change',
    test: true,
    meeting: { id: 0, platform: 'google_meet', native_meeting_id: 'abc-defg-hij', status: 'active', created_at: at, updated_at: at },
    status_change: { from: 'joining', to: 'active', reason: 'test event sent from Vexa Companion', timestamp: at },
  };
}
