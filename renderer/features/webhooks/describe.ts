import type { WebhookDeliveries } from '../../../shared/ipc/admin';
import { IpcCodes } from '../../../shared/ipc/result';

type Delivery = WebhookDeliveries['deliveries'][number];

/** A delivery's outcome in a word and a tone: the HTTP status where the receiver answered. */
export function deliveryOutcome(d: Pick<Delivery, 'ok' | 'status' | 'error'>): { label: string; tone: 'success' | 'danger' | 'neutral' } {
  if (d.ok === true) return { label: d.status === null ? 'Delivered' : `Delivered (${d.status})`, tone: 'success' };
  if (d.ok === false || d.error) return { label: d.status === null ? 'Failed' : `Failed (${d.status})`, tone: 'danger' };
  if (d.status !== null)
    return d.status >= 200 && d.status < 300
      ? { label: `Delivered (${d.status})`, tone: 'success' }
      : { label: `Failed (${d.status})`, tone: 'danger' };
  return { label: 'Pending', tone: 'neutral' };
}

/** Where a refused save is said: at the address when the server refuses to call it, else above the buttons. */
export function webhookErrorField(code: string): 'url' | 'form' {
  return code === IpcCodes.webhookRefused ? 'url' : 'form';
}
