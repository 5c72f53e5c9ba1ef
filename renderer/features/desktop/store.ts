import { create } from 'zustand';
import type { LoginItemView } from '../../../shared/ipc/desktop';
import { api } from '../../platform/api';

/** Starting at login as the system last reported it. */
interface LoginItemStore {
  /** Null until the system has answered. */
  view: LoginItemView | null;
  busy: boolean;
  error: string | null;
}

export const useLoginItemStore = create<LoginItemStore>()(() => ({ view: null, busy: false, error: null }));

/** Asks the system again (the person may have changed it in the system's own settings). */
export async function readLoginItem(): Promise<void> {
  const result = await api.invoke('desktop:loginItem', undefined);
  useLoginItemStore.setState(result.ok ? { view: result.value, error: null } : { error: result.message });
}

/** Returns what the system now does, or null when the core refused (the store holds why). */
export async function setStartAtLogin(enabled: boolean): Promise<LoginItemView | null> {
  useLoginItemStore.setState({ busy: true, error: null });
  const result = await api.invoke('desktop:setStartAtLogin', { enabled });
  useLoginItemStore.setState(result.ok ? { view: result.value, busy: false } : { error: result.message, busy: false });
  return result.ok ? result.value : null;
}
