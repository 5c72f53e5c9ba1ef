import { create } from 'zustand';
import type { AccountInfo } from '../../../shared/ipc/admin';

/** A value read from the core: loading, the core's sentence when it failed, or the value. */
export type Loaded<T> = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; value: T };

interface AccountStore {
  info: Loaded<AccountInfo>;
  set(info: Loaded<AccountInfo>): void;
}

export const useAccountStore = create<AccountStore>()((set) => ({
  info: { phase: 'loading' },
  set: (info) => set({ info }),
}));
