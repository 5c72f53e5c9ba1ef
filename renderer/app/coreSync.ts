import type { AppState, LiveStateView, TrackedMeetingView } from '../../shared/ipc/models';
import type { TypedApi } from '../../shared/ipc/bridge';
import type { EventPayload } from '../../shared/ipc/contract';
import { announce } from '../features/announcer/store';
import { useAppStore } from '../features/app/store';
import { statusChanges } from '../features/bots/describe';
import { useBotsStore } from '../features/bots/store';
import { createThrottledAnnouncer } from '../features/bots/throttle';
import { refreshCaptions } from '../features/captions/actions';
import { useCaptionsStore } from '../features/captions/store';
import { useConnectionStore } from '../features/connection/store';
import { applySyncState, scheduleLibraryReload } from '../features/library/actions';
import { meetingChanged, refreshOpenMeeting } from '../features/meeting/actions';
import { useLiveStore } from '../features/live/store';
import { followShellNavigation } from '../features/navigation/shellEvents';
import { useNavigationStore } from '../features/navigation/store';
import { useSettingsStore } from '../features/settings/store';
import type { Link } from '../platform/api';

/**
 * The one place that listens to the core: pushed events and the link status feed the feature
 * stores, which never talk to each other.
 */

export function applyAppState(state: AppState): void {
  const { connection, settings, ...info } = state;
  const previousServer = useConnectionStore.getState().view?.server?.id ?? null;
  useAppStore.getState().setInfo(info);
  useConnectionStore.getState().setView(connection);
  useSettingsStore.getState().setSettings(settings);
  // Another server's running bots say nothing about this one.
  if ((connection.server?.id ?? null) !== previousServer) useBotsStore.getState().setRunning({ bots: null, error: null });
}

// Several bots changing at once (or a reconnect catching up) would otherwise talk over each other.
const announceStatus = createThrottledAnnouncer({
  announce,
  now: () => Date.now(),
  schedule: (fn, ms) => void setTimeout(fn, ms),
});

export function applyTrackedMeetings(meetings: TrackedMeetingView[]): void {
  const previous = useBotsStore.getState().meetings;
  for (const message of statusChanges(previous, meetings)) announceStatus(message);
  useBotsStore.getState().setMeetings(meetings);
  // Captions of a meeting that was dismissed (or of another server) are no longer reachable.
  const followed = new Set(meetings.map((m) => m.id));
  useCaptionsStore.getState().retain(followed);
  const live = useLiveStore.getState();
  if (live.selected !== null && !followed.has(live.selected)) live.select(null);
  if (live.overlay && !followed.has(live.overlay.meetingId)) live.setOverlay(null);
}

/**
 * After a reconnect the core re-reads every transcript over REST and records a gap where that
 * fails; deltas carry neither gaps nor the count of unreadable frames, so the captions shown are
 * reloaded once the re-read is likely done, and once more after the REST client's retries.
 */
const REFRESH_AFTER_RECONNECT_MS = [2_000, 8_000];
let refreshTimers: Array<ReturnType<typeof setTimeout>> = [];

function scheduleCaptionRefresh(): void {
  for (const timer of refreshTimers) clearTimeout(timer);
  refreshTimers = REFRESH_AFTER_RECONNECT_MS.map((ms) => setTimeout(refreshCaptions, ms));
}

export function applyLiveState(state: LiveStateView): void {
  const previous = useLiveStore.getState().state?.status;
  useLiveStore.getState().setState(state);
  const reconnected = state.status === 'connected' && previous !== undefined && previous !== 'connected' && previous !== 'connecting';
  if (reconnected) scheduleCaptionRefresh();
}

/** A notification or the tray asked for a meeting: show the screen with its card and bring the card into view. */
export function focusMeeting(meetingId: number): void {
  const navigation = useNavigationStore.getState();
  if (navigation.screen !== 'launch' && navigation.screen !== 'live') navigation.go('launch');
  useBotsStore.getState().requestFocus(meetingId);
}

/** The cache changed (sync, an edit, live captions stored, a delete): the list and the open meeting follow. */
export function applyLibraryChanged(change: EventPayload<'library:changed'>): void {
  scheduleLibraryReload();
  meetingChanged(change);
}

/** A sync pass that ends may have sent edits without a change event: re-read what is on screen. */
export function applyLibrarySync(state: EventPayload<'library:sync'>): void {
  if (!applySyncState(state)) return;
  scheduleLibraryReload();
  refreshOpenMeeting();
}

async function fetchState(api: TypedApi): Promise<void> {
  const [state, tracked, live, sync] = await Promise.all([
    api.invoke('app:getState'),
    api.invoke('bots:tracked'),
    api.invoke('live:state'),
    api.invoke('library:syncState'),
  ]);
  if (state.ok) applyAppState(state.value);
  if (tracked.ok) applyTrackedMeetings(tracked.value);
  if (live.ok) useLiveStore.getState().setState(live.value);
  if (sync.ok && sync.value) applySyncState(sync.value);
}

export function startCoreSync(api: TypedApi, link: Link): () => void {
  const initial = link.status();
  useAppStore.getState().setLink(initial);
  const offs = [
    api.on('app:state', applyAppState),
    api.on('bots:changed', applyTrackedMeetings),
    api.on('live:state', applyLiveState),
    api.on('live:segments', (delta) => useCaptionsStore.getState().applyDelta(delta)),
    api.on('ui:focusMeeting', ({ meetingId }) => focusMeeting(meetingId)),
    followShellNavigation(api),
    api.on('library:changed', applyLibraryChanged),
    api.on('library:sync', applyLibrarySync),
    link.onStatus((status) => {
      const previous = useAppStore.getState().link;
      useAppStore.getState().setLink(status);
      if (status === 'lost') announce("Lost the connection to the app's core.");
      if (status === 'open') {
        if (previous === 'lost') announce("Reconnected to the app's core.");
        void fetchState(api);
        // Deltas pushed while the window's link was down are gone; the snapshots bring everything back.
        if (previous === 'lost') refreshCaptions();
      }
    }),
  ];
  if (initial === 'open' || initial === 'connecting') void fetchState(api);
  return () => {
    for (const off of offs) off();
  };
}
