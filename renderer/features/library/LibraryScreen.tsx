import { useCallback, useEffect, useEffectEvent, useRef } from 'react';
import type { LibraryMeetingView } from '../../../shared/ipc/library';
import { Banner, Button, EmptyState, Spinner } from '../../app/theme';
import { Lazy, MeetingDetail } from '../../app/lazyScreens';
import { LibraryIcon } from '../../app/theme/icons';
import { useConnectionStore } from '../connection/store';
import { closeMeeting, openMeeting } from '../meeting/actions';
import { useMeetingStore } from '../meeting/store';
import { applyFilters, flushSearch, loadLibrary, loadServers, loadSyncState } from './actions';
import { countText } from './describe';
import { FilterBar } from './FilterBar';
import { activeFilterCount } from './filters';
import { MeetingList } from './MeetingList';
import { PlannedGroup } from './PlannedGroup';
import { SearchField } from './SearchField';
import { hitAt, SearchResults } from './SearchResults';
import { useLibraryStore } from './store';
import { SyncBar } from './SyncBar';
import './library.css';
import './search.css';

const isEditable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

function ListBody({ onOpen }: { onOpen(meeting: LibraryMeetingView): void }) {
  const meetings = useLibraryStore((s) => s.meetings);
  const planned = useLibraryStore((s) => s.planned);
  const error = useLibraryStore((s) => s.error);
  const filters = useLibraryStore((s) => s.filters);
  const scrollOffset = useLibraryStore((s) => s.scrollOffset);
  const lastOpened = useLibraryStore((s) => s.lastOpened);
  const connectedServerId = useConnectionStore((s) => s.view?.server?.id ?? null);
  const syncing = useLibraryStore((s) => (connectedServerId ? s.sync[connectedServerId]?.phase === 'syncing' : false));
  const onScrollOffset = useCallback((offset: number) => useLibraryStore.getState().remember({ scrollOffset: offset }), []);

  if (meetings === null) {
    if (error)
      return (
        <Banner tone="error" title="The library could not be read">
          {error}
        </Banner>
      );
    return (
      <div className="library-placeholder">
        <Spinner large label="Opening the library…" />
      </div>
    );
  }
  const filtered = activeFilterCount(filters, false) > 0;
  return (
    <>
      <PlannedGroup meetings={planned} onOpen={onOpen} />
      {meetings.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={<LibraryIcon size={22} />}
            title="No meetings match these filters"
            actions={
              <Button
                onClick={() => {
                  useLibraryStore.getState().resetFilters();
                  applyFilters();
                }}
              >
                Clear filters
              </Button>
            }
          />
        ) : syncing ? (
          <div className="library-placeholder">
            <Spinner label="Fetching your meetings from the server…" />
          </div>
        ) : (
          <EmptyState icon={<LibraryIcon size={22} />} title="No meetings yet">
            Meetings you send a bot to appear here, with their transcripts kept on this computer to read and search offline.
          </EmptyState>
        )
      ) : (
        <>
          <h2 className="library-count">{countText(meetings.length, 'meeting', 'meetings')}</h2>
          <MeetingList
            meetings={meetings}
            connectedServerId={connectedServerId}
            initialOffset={scrollOffset}
            focusId={lastOpened}
            onOpen={onOpen}
            onScrollOffset={onScrollOffset}
          />
        </>
      )}
      {error ? <Banner tone="error">{error}</Banner> : null}
    </>
  );
}

/**
 * The offline library: every cached meeting of every server, search across all transcripts, and a
 * meeting's details in place of the list. Everything paints from the cache; the network only refreshes.
 */
export function LibraryScreen() {
  const open = useMeetingStore((s) => s.open);
  const query = useLibraryStore((s) => s.search.query);
  const meetingCount = useLibraryStore((s) => s.meetings?.length ?? 0);
  const filters = useLibraryStore((s) => s.filters);
  const searchInput = useRef<HTMLInputElement>(null);
  const focusSearch = useRef(false);
  const searching = query.trim() !== '';

  useEffect(() => {
    void loadLibrary();
    void loadSyncState();
  }, []);
  useEffect(() => {
    void loadServers();
  }, [meetingCount]);

  const onOpen = useCallback((meeting: LibraryMeetingView) => {
    useLibraryStore.getState().remember({ lastOpened: meeting.id });
    openMeeting(meeting.id, { serverId: meeting.serverId });
  }, []);

  const openResult = useCallback((index: number) => {
    const { result } = useLibraryStore.getState().search;
    const target = hitAt(result, index);
    if (!target || !result) return;
    useLibraryStore.getState().setSearch({ active: index });
    const focus = { terms: result.terms, prefix: result.prefix };
    if (target.kind === 'segment') {
      openMeeting(target.hit.meetingId, { serverId: target.hit.serverId, focus: { ...focus, segmentKey: target.hit.segmentKey } });
    } else {
      openMeeting(target.hit.meetingId, { serverId: target.hit.serverId, focus: { ...focus, segmentKey: null } });
    }
  }, []);

  // Ctrl/⌘+K pressed on another screen brought the person here to search.
  const searchFocusRequested = useLibraryStore((s) => s.searchFocusRequested);
  useEffect(() => {
    if (!searchFocusRequested) return;
    useLibraryStore.getState().requestSearchFocus(false);
    if (useMeetingStore.getState().open) {
      focusSearch.current = true;
      closeMeeting();
      return;
    }
    searchInput.current?.focus();
    searchInput.current?.select();
  }, [searchFocusRequested]);

  // Back from a meeting opened from the search: the search field has focus again.
  useEffect(() => {
    if (open || !focusSearch.current) return;
    focusSearch.current = false;
    searchInput.current?.focus();
  }, [open]);

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
    const mod = event.ctrlKey || event.metaKey;
    const find =
      (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') ||
      (event.key === '/' && !mod && !isEditable(event.target));
    if (!find) return;
    event.preventDefault();
    if (useMeetingStore.getState().open) {
      focusSearch.current = true;
      closeMeeting();
      return;
    }
    searchInput.current?.focus();
    searchInput.current?.select();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  if (open) {
    return (
      <Lazy what="the meeting">
        <MeetingDetail
          onBack={() => {
            focusSearch.current = searching;
            closeMeeting();
          }}
          backLabel={searching ? 'Back to search results' : 'Back to library'}
        />
      </Lazy>
    );
  }

  return (
    <div className="library screen-fill">
      <SearchField
        inputRef={searchInput}
        onOpenActive={() => void flushSearch().then(() => openResult(useLibraryStore.getState().search.active))}
      />
      <FilterBar searching={searching} />
      <SyncBar />
      {searching ? <SearchResults filtered={activeFilterCount(filters, true) > 0} onOpen={openResult} /> : <ListBody onOpen={onOpen} />}
    </div>
  );
}
