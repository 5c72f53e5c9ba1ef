import { z } from 'zod';
import { invalidResponse } from './errors';
import { keyAccess, type KeyAccess } from './keyScope';
import { parseVexaTimestamp } from './time';
import type { AuthMe } from './types';
import { parseRows, parseWire } from './wire';

/** The account behind a user key: `GET /auth/me` plus what its scopes unlock here. */
export interface Me extends AuthMe {
  access: KeyAccess;
}

export function meFrom(me: AuthMe): Me {
  return { ...me, access: keyAccess(me.scopes) };
}

/** The webhook a user has set. The secret itself never comes back: only whether one is set. */
export interface Webhook {
  /** Null when none is set. */
  url: string | null;
  /** Null when the server does not say (G1/G2 answer a PUT with the user record, secret removed). */
  secretSet: boolean | null;
  /** G3: the secret's last four characters behind asterisks (`********f3a9`), or null. */
  maskedSecret: string | null;
  /** Event name → on/off; null when no selection is stored (the server's default events fire). */
  events: Record<string, boolean> | null;
}

export interface WebhookInput {
  url: string;
  /** Leave out to keep the stored secret (G1 stores none at all). */
  secret?: string;
  /** G2/G3: `{"meeting.completed": true, ...}`. */
  events?: Record<string, boolean>;
}

export interface WebhookDelivery {
  eventType: string;
  eventId: string | null;
  /** The receiving host only; the server never lists the URL or the secret. */
  targetHost: string | null;
  /** `delivered`, `queued`, `suppressed`, `blocked` or `failed` (docs/docs/webhooks.mdx). */
  outcome: string;
  /** What the receiver answered, when it answered. */
  statusCode: number | null;
  attempt: number;
  createdAt: number | null;
  meetingId: number | null;
}

const text = z.string().nullish().catch(undefined);
const num = z.number().nullish().catch(undefined);
const events = z.record(z.string(), z.boolean()).nullish().catch(undefined);

const webhookWire = z.looseObject({
  webhook_url: text,
  webhook_secret_set: z.boolean().nullish().catch(undefined),
  webhook_secret: text,
  webhook_events: events,
});

const userDataWire = z.looseObject({ data: z.record(z.string(), z.unknown()).nullish().catch(undefined) });

const deliveryWire = z.looseObject({
  event_type: z.string(),
  event_id: text,
  target_host: text,
  outcome: text,
  status_code: num,
  attempt: num,
  created_at: z.union([z.string(), z.number()]).nullish().catch(undefined),
  meeting_id: z
    .union([z.number(), z.string().regex(/^\d+$/).transform(Number)])
    .nullish()
    .catch(undefined),
});

/** G3 `GET /user/webhook`; an empty URL means none is set (`""` is how one is cleared). */
export function normaliseWebhook(raw: unknown): Webhook {
  const w = parseWire(webhookWire, raw, 'the webhook settings');
  return {
    url: w.webhook_url ? w.webhook_url : null,
    secretSet: w.webhook_secret_set ?? (w.webhook_secret ? true : null),
    maskedSecret: w.webhook_secret ?? null,
    events: w.webhook_events ?? null,
  };
}

/**
 * Every generation answers `PUT /user/webhook` with the whole user record, the secret removed from
 * its `data` (G3 docs warn those other fields are leaving). Only the webhook fields are kept.
 */
export function webhookFromUserRecord(raw: unknown, sentSecret: boolean): Webhook {
  const u = parseWire(userDataWire, raw, 'the webhook settings');
  const data = u.data ?? {};
  const url = typeof data.webhook_url === 'string' && data.webhook_url ? data.webhook_url : null;
  const selection = events.safeParse(data.webhook_events);
  return {
    url,
    secretSet: url === null ? null : sentSecret ? true : null,
    maskedSecret: null,
    events: selection.success ? (selection.data ?? null) : null,
  };
}

export function normaliseDeliveries(raw: unknown): WebhookDelivery[] {
  const rows = (raw as { deliveries?: unknown } | null)?.deliveries;
  if (!Array.isArray(rows)) throw invalidResponse('the webhook delivery log');
  return parseRows(deliveryWire, rows, (d) => ({
    eventType: d.event_type,
    eventId: d.event_id ?? null,
    targetHost: d.target_host ?? null,
    outcome: d.outcome ?? 'unknown',
    statusCode: d.status_code ?? null,
    attempt: d.attempt ?? 0,
    createdAt: parseVexaTimestamp(d.created_at),
    meetingId: d.meeting_id ?? null,
  }));
}
