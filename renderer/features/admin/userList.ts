import type { AdminUserPage, AdminUserView } from '../../../shared/ipc/admin';
import type { Result } from '../../../shared/ipc/result';
import { looksLikeEmail } from './describe';

/**
 * The users list: pages through the server with skip/limit and filters as the person types. The
 * admin API has no search, so the core filters each page it reads; a filter therefore reads
 * further pages until a screenful of matches is found (or the server has no more), and the list
 * keeps what it shows until the new answer is in, so typing does not flicker.
 */

export interface UserListState {
  filter: string;
  users: AdminUserView[];
  /** Where the next server page starts. */
  nextSkip: number;
  hasMore: boolean;
  /** Null until the first answer. */
  loaded: boolean;
  loading: boolean;
  error: string | null;
  /** The server has no list route (G3): its sentence. */
  unavailable: string | null;
}

export const EMPTY_USER_LIST: UserListState = {
  filter: '',
  users: [],
  nextSkip: 0,
  hasMore: false,
  loaded: false,
  loading: false,
  error: null,
  unavailable: null,
};

export type FetchUserPage = (input: { skip: number; limit: number; filter?: string }) => Promise<Result<AdminUserPage>>;

export const PAGE_SIZE = 50;
/** Unfiltered pages are small; a filter reads larger ones (the server's cap is well above this). */
export const FILTER_PAGE_SIZE = 500;
/** A filter reads at most this many pages per step, so a rare match cannot read the whole server at once. */
export const FILTER_PAGES_PER_STEP = 10;

export interface UserListDeps {
  fetchPage: FetchUserPage;
  get(): UserListState;
  set(patch: Partial<UserListState>): void;
}

export interface UserListLoader {
  /** Starts over with this filter (the first page, or the first screenful of matches). */
  reload(filter: string): Promise<void>;
  /** Appends the next page (or the next screenful of matches). */
  loadMore(): Promise<void>;
}

export function createUserListLoader({ fetchPage, get, set }: UserListDeps): UserListLoader {
  let seq = 0;

  async function step(filter: string, from: number, kept: AdminUserView[]): Promise<void> {
    const mine = ++seq;
    set({ loading: true, error: null });
    const filtered = filter.trim() !== '';
    const limit = filtered ? FILTER_PAGE_SIZE : PAGE_SIZE;
    const found: AdminUserView[] = [];
    let skip = from;
    let hasMore = true;
    for (let pages = 0; pages < (filtered ? FILTER_PAGES_PER_STEP : 1) && hasMore; pages++) {
      const result = await fetchPage(filtered ? { skip, limit, filter: filter.trim() } : { skip, limit });
      // A newer filter or reload started meanwhile: its answer decides what is shown.
      if (mine !== seq) return;
      if (!result.ok) {
        set({ loading: false, error: result.message, filter, loaded: true });
        return;
      }
      const page = result.value;
      if (!page.available) {
        set({ ...EMPTY_USER_LIST, filter, loaded: true, unavailable: page.message ?? 'This server does not list its users.' });
        return;
      }
      found.push(...page.users);
      hasMore = page.hasMore;
      skip += limit;
      if (found.length >= PAGE_SIZE) break;
    }
    set({ filter, users: [...kept, ...found], nextSkip: skip, hasMore, loaded: true, loading: false, error: null, unavailable: null });
  }

  return {
    reload: (filter) => step(filter, 0, []),
    loadMore: async () => {
      const state = get();
      if (state.loading || !state.hasMore) return;
      await step(state.filter, state.nextSkip, state.users);
    },
  };
}

/** How many users the list shows, and of how many, in words. */
export function listSummary(state: Pick<UserListState, 'users' | 'hasMore' | 'filter' | 'nextSkip'>): string {
  const n = state.users.length;
  const users = (k: number) => `${k.toLocaleString('en-US')} ${k === 1 ? 'user' : 'users'}`;
  if (state.filter.trim()) {
    const matches = `${n.toLocaleString('en-US')} ${n === 1 ? 'match' : 'matches'}`;
    return state.hasMore ? `${matches} in the first ${users(state.nextSkip)}` : `${matches} among all users`;
  }
  if (n === 0) return 'No users yet';
  return state.hasMore ? `${users(n)} shown, more on the server` : `All ${users(n)}`;
}

type FilterState = Pick<UserListState, 'filter' | 'users' | 'hasMore' | 'nextSkip' | 'loaded' | 'loading' | 'error'>;

/**
 * What a filter covers, said next to it: the admin API has no search, so a filter only looks
 * through the users read so far, and "Look further" reads more. Null without a filter.
 */
export function filterScope(state: FilterState): string | null {
  if (!state.filter.trim() || !state.loaded || state.error) return null;
  if (!state.hasMore) return 'The filter looked through every user on the server.';
  const read = `${state.nextSkip.toLocaleString('en-US')} ${state.nextSkip === 1 ? 'user' : 'users'}`;
  return `The server has no search: this filter looked through the first ${read} only. “Look further” reads more.`;
}

/**
 * The email address to look up directly, when the filter is one that no user read so far has and
 * the server has more users than were read: the server finds it at once, where the filter would
 * page through everyone. Null otherwise (a server without the lookup, a complete list, a match).
 */
export function findByEmailSuggestion(state: FilterState, offers: { findByEmail: boolean } | null): string | null {
  const email = state.filter.trim();
  if (!offers?.findByEmail || !state.loaded || state.loading || state.error || !state.hasMore) return null;
  if (!looksLikeEmail(email)) return null;
  return state.users.some((u) => u.email?.toLowerCase() === email.toLowerCase()) ? null : email;
}
