import { createHmac, randomBytes } from 'node:crypto';
import type { SimContext } from './context';
import { detail, json, type Router, type SimResponse } from './http';
import { restTime } from './profiles';
import { parseIntParam } from './pydantic';
import type { MeetingRecord, MeetingStatus, SimProfile, UserRecord } from './types';

/** One delivery attempt as G3's `GET /user/webhook/deliveries` lists it (docs/docs/webhooks.mdx). */
export interface DeliveryRecord {
  event_type: string;
  event_id: string;
  target_host: string;
  outcome: 'delivered' | 'failed';
  status_code: number | null;
  attempt: number;
  created_at: string | null;
  meeting_id: number;
}

/** G3 keeps the most recent 100 attempts per account (docs/docs/webhooks.mdx "Delivery history"). */
const LEDGER_SIZE = 100;
const DELIVERY_TIMEOUT_MS = 5_000;

/**
 * Which events a transition fires. `meeting.status_change` on every transition and
 * `meeting.completed` on completion in every generation (Vexa-ai/vexa:docs/webhooks.md, the
 * pre-0.12 page); G3 adds `meeting.started` at `active` and `bot.failed` (docs/docs/webhooks.mdx
 * "Events"). Inferred: which events G1/G2 send beyond these two is not documented.
 */
export function eventsFor(profile: SimProfile, to: MeetingStatus): string[] {
  const events = ['meeting.status_change'];
  if (to === 'completed') events.push('meeting.completed');
  if (profile === 'g3' && to === 'active') events.push('meeting.started');
  if (profile === 'g3' && to === 'failed') events.push('bot.failed');
  return events;
}

/**
 * The headers a delivery carries. G3: `X-Webhook-Signature: sha256=<hmac_sha256(secret,
 * "<timestamp>." + body)>`, `X-Webhook-Timestamp` (unix seconds) and the legacy `Authorization:
 * Bearer <secret>` (docs/docs/webhooks.mdx "Signature"). G2: only the Bearer header
 * (docs/webhooks.md). G1 stores no secret, so it signs nothing.
 */
export function signDelivery(profile: SimProfile, secret: string | null, body: string, unixSeconds: number): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (!secret || profile === 'g1') return headers;
  headers.Authorization = `Bearer ${secret}`;
  if (profile === 'g3') {
    headers['X-Webhook-Timestamp'] = String(unixSeconds);
    headers['X-Webhook-Signature'] = `sha256=${createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`;
  }
  return headers;
}

/**
 * Posts the user's webhook on every status change of their meetings, as meeting-api's dispatcher
 * does, and keeps G3's per-account delivery ledger. Deliveries go out in the background; `close`
 * waits for the ones in flight (each has a 5 s timeout). Delivers to whatever address was accepted:
 * G2 refuses private ones when they are set (`webhookAddress.ts`) unless a test allows them, since
 * its receiver runs on 127.0.0.1.
 */
export class WebhookDispatcher {
  private readonly ledgers = new Map<number, DeliveryRecord[]>();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly ctx: () => SimContext) {}

  onTransition(m: MeetingRecord, from: MeetingStatus, to: MeetingStatus): void {
    const ctx = this.ctx();
    const user = ctx.users.get(m.userId);
    const url = typeof user?.data.webhook_url === 'string' ? user.data.webhook_url : '';
    if (!user || url === '') return;
    for (const event of eventsFor(ctx.profile, to)) {
      if (!wanted(user, event)) continue;
      const p = this.deliver(ctx, user, url, event, m, from, to).finally(() => this.inFlight.delete(p));
      this.inFlight.add(p);
    }
  }

  deliveries(userId: number): DeliveryRecord[] {
    return [...(this.ledgers.get(userId) ?? [])];
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private async deliver(
    ctx: SimContext,
    user: UserRecord,
    url: string,
    event: string,
    m: MeetingRecord,
    from: MeetingStatus,
    to: MeetingStatus,
  ): Promise<void> {
    const eventId = `evt_${randomBytes(16).toString('hex')}`;
    const at = ctx.clock.now();
    const body = JSON.stringify(payload(ctx.profile, event, eventId, m, from, to, at));
    const secret = typeof user.data.webhook_secret === 'string' && user.data.webhook_secret ? user.data.webhook_secret : null;
    // The signature timestamp is the wall clock: a receiver checks it against its own replay window.
    const headers = signDelivery(ctx.profile, secret, body, Math.floor(Date.now() / 1000));
    let status: number | null = null;
    try {
      const res = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) });
      status = res.status;
      await res.body?.cancel().catch(() => undefined);
    } catch (err) {
      ctx.log(`webhook ${event} for meeting ${m.id} failed: ${String(err)}`);
    }
    const record: DeliveryRecord = {
      event_type: event,
      event_id: eventId,
      target_host: hostOf(url),
      outcome: status !== null && status >= 200 && status < 300 ? 'delivered' : 'failed',
      status_code: status,
      attempt: 0,
      created_at: restTime('g3', at),
      meeting_id: m.id,
    };
    const ledger = this.ledgers.get(user.id) ?? [];
    ledger.unshift(record);
    ledger.length = Math.min(ledger.length, LEDGER_SIZE);
    this.ledgers.set(user.id, ledger);
  }
}

/** A stored selection `{event: bool}` filters; without one, every event fires (the docs' "default events"). */
function wanted(user: UserRecord, event: string): boolean {
  const selection = user.data.webhook_events;
  if (!selection || typeof selection !== 'object' || Array.isArray(selection)) return true;
  return (selection as Record<string, unknown>)[event] !== false;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * The envelope of docs/webhooks.md (`event_type`, the meeting row, `status_change`). Inferred for
 * G3: the 0.12 docs do not print a payload, only that deliveries have an `event_id`; it is added there.
 */
function payload(
  profile: SimProfile,
  event: string,
  eventId: string,
  m: MeetingRecord,
  from: MeetingStatus,
  to: MeetingStatus,
  at: number,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    event_type: event,
    meeting: {
      id: m.id,
      user_id: m.userId,
      platform: m.platform,
      native_meeting_id: m.nativeId,
      constructed_meeting_url: m.constructedUrl,
      status: m.status,
      start_time: restTime(profile, m.startTime),
      end_time: restTime(profile, m.endTime),
      data: { ...(m.completionReason ? { completion_reason: m.completionReason } : {}) },
      created_at: restTime(profile, m.createdAt),
      updated_at: restTime(profile, m.updatedAt),
    },
    status_change: {
      from,
      to,
      reason: m.completionReason,
      timestamp: new Date(at).toISOString(),
      transition_source: 'bot_callback',
    },
  };
  if (profile === 'g3') {
    out.event_id = eventId;
    out.created_at = restTime('g3', at);
  }
  return out;
}

/**
 * G3's `GET /user/webhook/deliveries?limit=` (1–500, default 100), newest first. The gateway has no
 * scope entry for it (any valid key reads its own history: Vexa-ai/vexa core gateway app.py).
 */
export function registerDeliveryRoute(router: Router, ctx: SimContext, dispatcher: WebhookDispatcher): void {
  if (ctx.profile !== 'g3') return;
  router.add('GET', '/user/webhook/deliveries', { kind: 'user', scope: null, service: 'gateway' }, (req, caller): SimResponse => {
    const limit = parseIntParam(req.query.get('limit'), 'limit', { ge: 1, le: 500 });
    if (!limit.ok) return detail(422, [limit.error]);
    return json(200, { deliveries: dispatcher.deliveries(caller!.user.id).slice(0, limit.value ?? 100) });
  });
}
