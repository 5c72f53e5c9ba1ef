import { create } from 'zustand';
import type { LibraryMeetingView, SearchResultView, SyncStateView } from '../../../shared/ipc/library';
import { NO_FILTERS, type LibraryFilters } from './filters';
import type { LibraryServerView } from './servers';

// The server filter is remembered for the session: a reload of the window keeps it, the next
// start of the app begins with every server. Storage can be refused (a sandboxed or private
// context); the filter then lasts as long as the window.
const SERVER_KEY = 'vexa.library.serverFilter';

function rememberedServer(): string {
  try {
    return globalThis.sessionStorage?.getItem(SERVER_KEY) ?? '';
  } catch {
    return '';
  }
}

function rememberServer(serverId: string): void {
  try {
    if (serverId) globalThis.sessionStorage?.setItem(SERVER_KEY, serverId);
    else globalThis.sessionStorage?.removeItem(SERVER_KEY);
  } catch {
    // Not remembered past a reload; the filter still applies now.
  }
}

export interface SearchState {
  query: string;
  /** Null before the first answer for a non-empty query. */
  result: SearchResultView | null;
  /** The query `result` answers (typing moves ahead of it). */
  answered: string;
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
  /** Index into the flat list of results (meeting hits, then transcript hits); -1 for none. */
  active: number;
}

export const EMPTY_SEARCH: SearchState = {
  query: '',
  result: null,
  answered: '',
  loading: false,
  loadingMore: false,
  error: null,
  active: -1,
};

/**
 * The library list, its filters, the search, and each server's sync state (fed by `library:sync`).
 * Everything here comes from the local cache, so it paints without waiting for a server.
 */
interface LibraryStore {
  /** Null until the first list arrived. */
  meetings: LibraryMeetingView[] | null;
  planned: LibraryMeetingView[];
  loading: boolean;
  error: string | null;
  filters: LibraryFilters;
  plannedOpen: boolean;
  search: SearchState;
  /** By server id. */
  sync: Record<string, SyncStateView>;
  /** The list's scroll offset and the meeting last opened, so coming back lands where the person was. */
  scrollOffset: number;
  lastOpened: number | null;
  /** Servers with meetings in the cache, by name (rows name their server and the filter shows when there are several). */
  servers: LibraryServerView[];
  /** Ctrl/⌘+K pressed on another screen: the library focuses its search field when it shows. */
  searchFocusRequested: boolean;
  setList(list: { meetings: LibraryMeetingView[]; planned: LibraryMeetingView[] } | { error: string }): void;
  setLoading(loading: boolean): void;
  setFilters(patch: Partial<LibraryFilters>): void;
  resetFilters(): void;
  setPlannedOpen(open: boolean): void;
  setSearch(patch: Partial<SearchState>): void;
  setSync(state: SyncStateView): void;
  remember(patch: { scrollOffset?: number; lastOpened?: number | null }): void;
  setServers(servers: LibraryServerView[]): void;
  requestSearchFocus(requested?: boolean): void;
}

export const useLibraryStore = create<LibraryStore>()((set) => ({
  meetings: null,
  planned: [],
  loading: false,
  error: null,
  filters: { ...NO_FILTERS, serverId: rememberedServer() },
  plannedOpen: true,
  search: EMPTY_SEARCH,
  sync: {},
  scrollOffset: 0,
  lastOpened: null,
  servers: [],
  searchFocusRequested: false,
  setList: (list) =>
    set(
      'error' in list
        ? { loading: false, error: list.error }
        : { loading: false, error: null, meetings: list.meetings, planned: list.planned },
    ),
  setLoading: (loading) => set({ loading }),
  setFilters: (patch) => {
    if (patch.serverId !== undefined) rememberServer(patch.serverId);
    set((s) => ({ filters: { ...s.filters, ...patch }, scrollOffset: 0 }));
  },
  resetFilters: () => {
    rememberServer('');
    set({ filters: NO_FILTERS, scrollOffset: 0 });
  },
  setPlannedOpen: (plannedOpen) => set({ plannedOpen }),
  setSearch: (patch) => set((s) => ({ search: { ...s.search, ...patch } })),
  setSync: (state) => set((s) => ({ sync: { ...s.sync, [state.serverId]: state } })),
  remember: (patch) => set(patch),
  requestSearchFocus: (requested = true) => set({ searchFocusRequested: requested }),
  setServers: (servers) => set((s) => (JSON.stringify(s.servers) === JSON.stringify(servers) ? {} : { servers })),
}));

/** The flat order the keyboard moves through: meeting hits first, then transcript hits. */
export function resultCount(result: SearchResultView | null): number {
  return result ? result.meetings.length + result.segments.length : 0;
}
