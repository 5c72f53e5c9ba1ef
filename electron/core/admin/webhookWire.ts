import { z } from 'zod';
import { parseVexaTimestamp } from '../../../shared/vexa';

/** G3 `GET /user/webhook`: the URL, whether a secret is set (masked), and the events. */
const ReadBack = z
  .object({
    webhook_url: z.string().nullish(),
    webhook_secret_set: z.boolean().nullish(),
    webhook_secret: z.string().nullish(),
    webhook_events: z.record(z.string(), z.unknown()).nullish(),
  })
  .passthrough();

export function parseWebhookReadBack(raw: unknown): { url: string | null; secretSet: boolean; events: string[] | null } {
  const p = ReadBack.safeParse(raw ?? {});
  if (!p.success) return { url: null, secretSet: false, events: null };
  const events = p.data.webhook_events
    ? Object.entries(p.data.webhook_events)
        .filter(([, on]) => on !== false)
        .map(([name]) => name)
    : null;
  return { url: p.data.webhook_url || null, secretSet: Boolean(p.data.webhook_secret_set ?? p.data.webhook_secret), events };
}

const Delivery = z
  .object({
    id: z.union([z.string(), z.number()]).nullish(),
    event_id: z.string().nullish(),
    outcome: z.string().nullish(),
    event: z.string().nullish(),
    event_type: z.string().nullish(),
    status_code: z.number().nullish(),
    status: z.union([z.number(), z.string()]).nullish(),
    success: z.boolean().nullish(),
    created_at: z.string().nullish(),
    timestamp: z.string().nullish(),
    error: z.string().nullish(),
  })
  .passthrough();

/** G3's delivery log (`{deliveries: [{event_type, event_id, outcome, status_code, created_at}]}`), tolerant of a bare list or `{deliveries: [...]}`; rows it cannot read are left out. */
export function parseDeliveries(
  raw: unknown,
): Array<{ id: string; event: string | null; status: number | null; ok: boolean | null; at: number | null; error: string | null }> {
  const rows = Array.isArray(raw) ? raw : ((raw as { deliveries?: unknown } | null)?.deliveries ?? []);
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((r, i) => {
    const p = Delivery.safeParse(r);
    if (!p.success) return [];
    const d = p.data;
    const status = typeof d.status_code === 'number' ? d.status_code : typeof d.status === 'number' ? d.status : null;
    return [
      {
        id: d.event_id ?? (d.id != null ? String(d.id) : `${i}`),
        event: d.event ?? d.event_type ?? null,
        status,
        ok: d.outcome ? d.outcome === 'delivered' : (d.success ?? (status !== null ? status >= 200 && status < 300 : null)),
        at: parseVexaTimestamp(d.created_at ?? d.timestamp ?? null),
        error: d.error ?? null,
      },
    ];
  });
}

/** A webhook address the server could call: http(s) with a host. */
export function webhookUrlProblem(url: string): string | null {
  if (!url) return 'Enter the address that should receive the events, such as https://example.com/vexa/webhook.';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `"${url.slice(0, 200)}" is not a web address. Write it as https://example.com/vexa/webhook.`;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'A webhook address starts with https:// (or http://).';
  if (u.username || u.password) return 'Leave the user name and password out of the address; use the secret to sign events instead.';
  return null;
}
