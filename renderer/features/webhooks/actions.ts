import { api } from '../../platform/api';
import { announce } from '../announcer/store';
import { useWebhookStore } from './store';

/** Webhook intents; the secret goes to the core once and never comes back. */

const ready = <T>(value: T) => ({ phase: 'ready' as const, value });
const failed = (message: string) => ({ phase: 'error' as const, message });

export async function loadWebhook(): Promise<void> {
  useWebhookStore.getState().setView({ phase: 'loading' });
  const result = await api.invoke('webhook:get');
  useWebhookStore.getState().setView(result.ok ? ready(result.value) : failed(result.message));
}

export async function loadDeliveries(): Promise<void> {
  useWebhookStore.getState().setDeliveries({ phase: 'loading' });
  const result = await api.invoke('webhook:deliveries', { limit: 20 });
  useWebhookStore.getState().setDeliveries(result.ok ? ready(result.value) : failed(result.message));
}

export async function saveWebhook(url: string, secret: string) {
  const result = await api.invoke('webhook:set', secret ? { url, secret } : { url });
  if (result.ok) {
    useWebhookStore.getState().setView(ready(result.value));
    announce('Webhook saved.');
    if (result.value.deliveriesAvailable) void loadDeliveries();
  }
  return result;
}

export async function clearWebhook() {
  const result = await api.invoke('webhook:clear');
  if (result.ok) {
    useWebhookStore.getState().setView(ready(result.value));
    announce('Webhook removed. The server no longer calls it.');
  }
  return result;
}

export async function testWebhook() {
  const result = await api.invoke('webhook:test');
  if (result.ok) announce(result.value.message);
  return result;
}
