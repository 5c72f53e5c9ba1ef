import { api } from '../../platform/api';
import { useAccountStore } from './store';

let seq = 0;

/** Asks the core what the connected key is; an older answer (another key meanwhile) is dropped. */
export async function loadAccount(): Promise<void> {
  const mine = ++seq;
  useAccountStore.getState().set({ phase: 'loading' });
  const result = await api.invoke('account:info');
  if (mine !== seq) return;
  useAccountStore.getState().set(result.ok ? { phase: 'ready', value: result.value } : { phase: 'error', message: result.message });
}
