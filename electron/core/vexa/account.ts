import { meFrom, normaliseAuthMe, normaliseDeliveries, normaliseWebhook, unsupported, webhookFromUserRecord } from '../../../shared/vexa';
import type { Me, ServerCapabilities, ServerGeneration, Webhook, WebhookDelivery, WebhookInput } from '../../../shared/vexa';
import type { VexaHttp } from './http';
import { clientMessages } from './clientMessages';

interface Server {
  http: VexaHttp;
  generation: ServerGeneration;
  capabilities: ServerCapabilities;
  signal?: AbortSignal | undefined;
}

/** `GET /auth/me` (G2/G3): who the key belongs to, its scopes, and what they unlock here. G1 has no such route. */
export async function fetchMe(s: Server): Promise<Me> {
  if (!s.capabilities.authMe) throw unsupported(clientMessages.noAuthMe());
  return meFrom(normaliseAuthMe((await s.http.request('/auth/me', { signal: s.signal })).body));
}

/** G3 only: G1/G2 gateways route `/user/webhook` for PUT alone (GET answers 405). */
export async function fetchWebhook(s: Server): Promise<Webhook> {
  if (s.generation !== 'g3') throw unsupported(clientMessages.noWebhookRead());
  return normaliseWebhook((await s.http.request('/user/webhook', { signal: s.signal })).body);
}

/**
 * `PUT /user/webhook` in every generation. A secret left out keeps the stored one (G1 stores none);
 * events are a G2/G3 field. The answer is the user record, so only what it tells is returned.
 */
export async function putWebhook(s: Server, input: WebhookInput): Promise<Webhook> {
  const body: Record<string, unknown> = { webhook_url: input.url.trim() };
  if (input.secret) body.webhook_secret = input.secret;
  if (input.events && s.generation !== 'g1') body.webhook_events = input.events;
  const res = await s.http.request('/user/webhook', { method: 'PUT', body, signal: s.signal });
  return webhookFromUserRecord(res.body, Boolean(input.secret) && s.generation !== 'g1');
}

/** An empty URL turns deliveries off (`null` is refused with 422: docs/docs/webhooks.mdx). */
export async function clearWebhook(s: Server): Promise<void> {
  await s.http.request('/user/webhook', { method: 'PUT', body: { webhook_url: '' }, signal: s.signal });
}

/** G3 `GET /user/webhook/deliveries?limit=` (1–500), newest first. The server keeps the last 100. */
export async function fetchDeliveries(s: Server, limit = 50): Promise<WebhookDelivery[]> {
  if (s.generation !== 'g3') throw unsupported(clientMessages.noWebhookDeliveries());
  const res = await s.http.request('/user/webhook/deliveries', {
    query: { limit: Math.min(500, Math.max(1, Math.floor(limit))) },
    signal: s.signal,
  });
  return normaliseDeliveries(res.body);
}
