import { create } from 'zustand';
import type { AdminStatus, AdminUserDetail } from '../../../shared/ipc/admin';
import { EMPTY_USER_LIST, type UserListState } from './userList';

/**
 * The admin console: what the connected server's admin API offers, the users list and the user
 * on screen. The admin key itself never reaches the window; only whether one is stored.
 */

export type UserDetailState =
  | { phase: 'loading'; userId: string }
  | { phase: 'error'; userId: string; message: string }
  | { phase: 'ready'; userId: string; detail: AdminUserDetail };

interface AdminStore {
  /** Null until the core answers; `statusError` says why it did not. */
  status: AdminStatus | null;
  statusError: string | null;
  list: UserListState;
  /** What is typed in the filter field; `list.filter` is the filter of the users shown. */
  query: string;
  /** The user whose page is open, or null for the list. */
  user: UserDetailState | null;
  /** The user last opened, focused again when the list comes back. */
  lastUserId: string | null;
  setStatus(status: AdminStatus | null, error?: string | null): void;
  setList(patch: Partial<UserListState>): void;
  setQuery(query: string): void;
  setUser(user: UserDetailState | null): void;
  /** A server change or a forgotten key: nothing of the previous console stays on screen. */
  reset(): void;
}

export const useAdminStore = create<AdminStore>()((set) => ({
  status: null,
  statusError: null,
  list: EMPTY_USER_LIST,
  query: '',
  user: null,
  lastUserId: null,
  setStatus: (status, error = null) => set({ status, statusError: error }),
  setList: (patch) => set((s) => ({ list: { ...s.list, ...patch } })),
  setQuery: (query) => set({ query }),
  setUser: (user) => set((s) => ({ user, lastUserId: user?.userId ?? s.lastUserId })),
  reset: () => set({ status: null, statusError: null, list: EMPTY_USER_LIST, query: '', user: null, lastUserId: null }),
}));

/** True when the Admin place belongs in the navigation: a key is stored for the connected server. */
export const adminAvailable = (status: AdminStatus | null): boolean => status !== null && status.connected && status.keyStored;
