import { create } from 'zustand';
import type { WebhookDeliveries, WebhookView } from '../../../shared/ipc/admin';
import type { Loaded } from '../account/store';

interface WebhookStore {
  view: Loaded<WebhookView>;
  deliveries: Loaded<WebhookDeliveries>;
  setView(view: Loaded<WebhookView>): void;
  setDeliveries(deliveries: Loaded<WebhookDeliveries>): void;
}

export const useWebhookStore = create<WebhookStore>()((set) => ({
  view: { phase: 'loading' },
  deliveries: { phase: 'loading' },
  setView: (view) => set({ view }),
  setDeliveries: (deliveries) => set({ deliveries }),
}));
