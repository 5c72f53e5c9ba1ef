import type { AdminStatus, TokenScope } from '../../../shared/ipc/admin';
import type { Result } from '../../../shared/ipc/result';
import { api } from '../../platform/api';
import { announce } from '../announcer/store';
import type { KeyStorageChoice } from '../connection/actions';
import { useConnectionStore } from '../connection/store';
import { createDebounce } from './describe';
import { useAdminStore } from './store';
import { createUserListLoader, listSummary } from './userList';

/** Admin console intents. Each returns the core's Result so the screen can show its sentence. */

const FILTER_DEBOUNCE_MS = 250;

export async function loadAdminStatus(): Promise<void> {
  const result = await api.invoke('admin:status');
  if (result.ok) useAdminStore.getState().setStatus(result.value);
  else useAdminStore.getState().setStatus(null, result.message);
}

function applyingStatus(result: Result<AdminStatus>): Result<AdminStatus> {
  if (result.ok) {
    const store = useAdminStore.getState();
    store.reset();
    store.setStatus(result.value);
  }
  return result;
}

export const saveAdminKey = async (key: string, adminUrl?: string) =>
  applyingStatus(await api.invoke('admin:setKey', adminUrl ? { key, adminUrl } : { key }));

export const forgetAdminKey = async () => applyingStatus(await api.invoke('admin:forget'));

const loader = createUserListLoader({
  fetchPage: (input) => api.invoke('admin:users:list', input),
  get: () => useAdminStore.getState().list,
  set: (patch) => useAdminStore.getState().setList(patch),
});

const debounce = createDebounce((fn, ms) => {
  const timer = window.setTimeout(fn, ms);
  return () => window.clearTimeout(timer);
}, FILTER_DEBOUNCE_MS);

export const reloadUsers = () => {
  debounce.cancel();
  return loader.reload(useAdminStore.getState().query);
};
export const loadMoreUsers = () => loader.loadMore();

/** Filters and says how many match, since the list changing is silent to a screen reader. */
async function filterNow(filter: string): Promise<void> {
  await loader.reload(filter);
  const list = useAdminStore.getState().list;
  if (list.filter === filter && !list.error && !list.loading) announce(`${listSummary(list)}.`);
}

/** The field follows every key; the server is asked once typing pauses. */
export function typeFilter(filter: string): void {
  useAdminStore.getState().setQuery(filter);
  debounce.run(() => void filterNow(filter));
}

export async function openUser(userId: string): Promise<void> {
  const store = useAdminStore.getState();
  store.setUser({ phase: 'loading', userId });
  const result = await api.invoke('admin:users:get', { userId });
  // The person may have gone back or opened another user meanwhile.
  if (useAdminStore.getState().user?.userId !== userId) return;
  store.setUser(result.ok ? { phase: 'ready', userId, detail: result.value } : { phase: 'error', userId, message: result.message });
}

export const closeUser = () => useAdminStore.getState().setUser(null);

/** Re-reads the open user (after a token was minted or revoked) without blanking the page. */
export async function refreshUser(): Promise<void> {
  const current = useAdminStore.getState().user;
  if (!current) return;
  const result = await api.invoke('admin:users:get', { userId: current.userId });
  if (useAdminStore.getState().user?.userId !== current.userId) return;
  if (result.ok) useAdminStore.getState().setUser({ phase: 'ready', userId: current.userId, detail: result.value });
}

export const findUserByEmail = (email: string) => api.invoke('admin:users:findByEmail', { email });

export async function createUser(input: { email: string; name?: string; maxConcurrentBots?: number }) {
  const result = await api.invoke('admin:users:create', input);
  if (result.ok && !result.value.existed) void reloadUsers();
  return result;
}

export async function updateUser(input: { userId: string; name?: string; maxConcurrentBots?: number }) {
  const result = await api.invoke('admin:users:update', input);
  if (result.ok) {
    const current = useAdminStore.getState().user;
    if (current?.phase === 'ready' && current.userId === input.userId) {
      useAdminStore.getState().setUser({ ...current, detail: { ...current.detail, user: result.value } });
    }
    const list = useAdminStore.getState().list;
    useAdminStore.getState().setList({ users: list.users.map((u) => (u.id === result.value.id ? result.value : u)) });
  }
  return result;
}

export const mintToken = (input: { userId: string; scopes?: TokenScope[]; name?: string }) => api.invoke('admin:tokens:create', input);

/** Makes the minted token this server's user key; the value never travels back from the window. */
export async function adoptMintedToken(handle: string, keyStorage: KeyStorageChoice = 'auto') {
  const result = await api.invoke('admin:tokens:useInApp', { handle, keyStorage });
  if (result.ok) {
    useConnectionStore.getState().setView(result.value);
    announce('This app now uses the new key.');
  }
  return result;
}

export async function revokeToken(tokenId: string) {
  const result = await api.invoke('admin:tokens:revoke', { tokenId });
  if (result.ok) await refreshUser();
  return result;
}
