import type { SyncStateView } from '../../../shared/ipc/library';
import { api } from '../../platform/api';
import { announce } from '../announcer/store';
import { useConnectionStore } from '../connection/store';
import { listInput, plannedInput, searchFilters } from './filters';
import { demoFilter, serverFilterAnnouncement, shownServers, type DemoFilter } from './servers';
import { EMPTY_SEARCH, useLibraryStore } from './store';

const SEARCH_DEBOUNCE_MS = 120;
/** Live captions stored as they are said change the library every second or so: reload at most this often. */
const RELOAD_COALESCE_MS = 200;
const PAGE = 50;

let listSeq = 0;
let searchSeq = 0;
let reloadTimer: ReturnType<typeof setTimeout> | null = null;
let searchTimer: ReturnType<typeof setTimeout> | null = null;

/** The demo's meetings are shown only while the demo is the connected server. */
function demo(): DemoFilter {
  return demoFilter(useConnectionStore.getState().view?.server);
}

/** Resolves with whether the list was read (and is still the latest asked for). */
export async function loadLibrary(): Promise<boolean> {
  const store = useLibraryStore.getState();
  const seq = ++listSeq;
  store.setLoading(true);
  const now = Date.now();
  const [meetings, planned] = await Promise.all([
    api.invoke('library:list', listInput(store.filters, now, demo())),
    api.invoke('library:list', plannedInput(store.filters, demo())),
  ]);
  if (seq !== listSeq) return false;
  if (!meetings.ok) useLibraryStore.getState().setList({ error: meetings.message });
  else useLibraryStore.getState().setList({ meetings: meetings.value, planned: planned.ok ? planned.value : [] });
  return meetings.ok;
}

/** Several changes in a burst become one reload. */
export function scheduleLibraryReload(delay = RELOAD_COALESCE_MS): void {
  if (reloadTimer !== null) return;
  reloadTimer = setTimeout(() => {
    reloadTimer = null;
    void loadLibrary();
    if (useLibraryStore.getState().search.query.trim()) void runSearch();
  }, delay);
}

/**
 * The servers the cache holds meetings of, by name, for the server filter and the rows' server
 * chips. A remembered filter for a server whose meetings are gone (removed, the demo ended) is
 * dropped, so the list does not stay empty for a reason no longer on screen.
 */
export async function loadServers(): Promise<void> {
  const result = await api.invoke('cache:stats');
  if (!result.ok) return;
  const servers = shownServers(result.value.servers, demo());
  useLibraryStore.getState().setServers(servers);
  const chosen = useLibraryStore.getState().filters.serverId;
  if (chosen && !result.value.servers.some((s) => s.serverId === chosen && s.meetings > 0)) {
    useLibraryStore.getState().setFilters({ serverId: '' });
    applyFilters();
  }
}

/** The server filter: the list follows, and the outcome is said (the select alone says nothing of it). */
export async function chooseServer(serverId: string): Promise<void> {
  useLibraryStore.getState().setFilters({ serverId });
  const { query } = useLibraryStore.getState().search;
  if (query.trim()) setQuery(query);
  if (!(await loadLibrary())) return;
  const { meetings, servers } = useLibraryStore.getState();
  // While searching, the results' own status line speaks; the list is behind them.
  if (!query.trim()) announce(serverFilterAnnouncement(meetings?.length ?? 0, serverId, servers));
}

export async function loadSyncState(): Promise<void> {
  const result = await api.invoke('library:syncState');
  if (result.ok && result.value) useLibraryStore.getState().setSync(result.value);
}

/** Stores a pushed sync state; true when a sync pass just ended (the list and the open meeting may have moved). */
export function applySyncState(state: SyncStateView): boolean {
  const previous = useLibraryStore.getState().sync[state.serverId];
  useLibraryStore.getState().setSync(state);
  return previous?.phase === 'syncing' && state.phase !== 'syncing';
}

/** Refresh: list the server's meetings now, send waiting edits, resume transcript downloads. */
export async function syncNow(): Promise<string | null> {
  const result = await api.invoke('library:sync', {});
  if (!result.ok) return result.message;
  if (result.value) {
    useLibraryStore.getState().setSync(result.value);
    if (result.value.phase === 'idle') announce('The library is up to date.');
  }
  scheduleLibraryReload(0);
  return null;
}

export async function cancelTranscriptDownloads(): Promise<void> {
  await api.invoke('library:cancelTranscripts');
  await loadSyncState();
  announce('Transcript downloads stopped. They resume with the next sync.');
}

export async function runSearch(options: { more?: boolean } = {}): Promise<void> {
  const store = useLibraryStore.getState();
  const query = store.search.query;
  if (!query.trim()) {
    store.setSearch({ ...EMPTY_SEARCH, query });
    return;
  }
  const seq = ++searchSeq;
  const previous = store.search.result;
  const offset = options.more && previous ? previous.segments.length : 0;
  store.setSearch(options.more ? { loadingMore: true } : { loading: true });
  const result = await api.invoke('library:search', {
    query,
    filters: searchFilters(store.filters, Date.now(), demo()),
    limit: PAGE,
    offset,
  });
  if (seq !== searchSeq) return;
  const now = useLibraryStore.getState().search;
  if (!result.ok) {
    useLibraryStore.getState().setSearch({ loading: false, loadingMore: false, error: result.message });
    return;
  }
  const merged =
    options.more && previous
      ? { ...result.value, meetings: previous.meetings, segments: [...previous.segments, ...result.value.segments] }
      : result.value;
  const count = merged.meetings.length + merged.segments.length;
  // A new query starts at its first result (Enter opens it); loading more keeps the place.
  const active = options.more || now.answered === query ? Math.min(now.active, count - 1) : count > 0 ? 0 : -1;
  useLibraryStore.getState().setSearch({ result: merged, answered: query, loading: false, loadingMore: false, error: null, active });
}

/** As-you-type: the search runs once typing pauses for a moment. */
export function setQuery(query: string): void {
  useLibraryStore.getState().setSearch({ query });
  if (searchTimer !== null) clearTimeout(searchTimer);
  if (!query.trim()) {
    searchSeq++;
    useLibraryStore.getState().setSearch({ ...EMPTY_SEARCH, query });
    return;
  }
  searchTimer = setTimeout(() => {
    searchTimer = null;
    void runSearch();
  }, SEARCH_DEBOUNCE_MS);
}

/** Enter pressed before the pause: search now, so what opens answers what was typed. */
export async function flushSearch(): Promise<void> {
  const { query, answered } = useLibraryStore.getState().search;
  if (searchTimer === null && answered === query) return;
  if (searchTimer !== null) clearTimeout(searchTimer);
  searchTimer = null;
  await runSearch();
}

export function clearSearch(): void {
  setQuery('');
}

/** Filters apply to the list and to the search at once. */
export function applyFilters(): void {
  void loadLibrary();
  const { query } = useLibraryStore.getState().search;
  if (query.trim()) setQuery(query);
}
