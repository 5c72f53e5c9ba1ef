import type { AppState, LiveStateView, TrackedMeetingView } from '../../shared/ipc/models';
import type { TypedApi } from '../../shared/ipc/bridge';
import type { EventPayload } from '../../shared/ipc/contract';
import { announce } from '../features/announcer/store';
import { useAppStore } from '../features/app/store';
import { statusChanges } from '../features/bots/describe';
import { useBotsStore } from '../features/bots/store';
import { createThrottledAnnouncer } from '../features/bots/throttle';
import { useCaptionDelayStore } from '../features/captionDelay/store';
import { refreshCaptions } from '../features/captions/actions';
import { createPaintAck } from '../features/captions/paintAck';
import { useCaptionsStore } from '../features/captions/store';
import { useConnectionStore } from '../features/connection/store';
import { applySyncState, scheduleLibraryReload } from '../features/library/actions';
import { meetingChanged, refreshOpenMeeting } from '../features/meeting/actions';
import { useLiveStore } from '../features/live/store';
import { followShellNavigation } from '../features/navigation/shellEvents';
import { useNavigationStore } from '../features/navigation/store';
import { offlineNotice, opensApp, serverNameFor } from '../features/servers/describe';
import { useServersStore } from '../features/servers/store';
import { useSettingsStore } from '../features/settings/store';
import { useUpdatesStore } from '../features/updates/store';
import { useShortcutsStore } from '../features/shortcuts/store';
import { usePlanningStore } from '../features/planning/store';
import { useWatchWordsStore } from '../features/watchWords/store';
import { refreshSpeakerFixes } from '../features/speakers/actions';
import type { Link } from '../platform/api';
import { keyOfTracked, type MeetingKey } from './meetingKey';

/**
 * The one place that listens to the core: pushed events and the link status feed the feature
 * stores, which never talk to each other.
 */

let countingLibrary: TypedApi | null = null;
let firstState = true;

/**
 * How many meetings of the person's own servers the library holds, counted while no server is
 * connected: with some, the app opens on the library instead of the start screen. The demo's
 * meetings do not count (they go with the demo).
 */
async function countLibrary(api: TypedApi): Promise<void> {
  const stats = await api.invoke('cache:stats');
  if (!stats.ok) return;
  // A server connected meanwhile: the count is no longer needed (see applyAppState).
  if (useConnectionStore.getState().view?.server) return;
  useServersStore.getState().setLibraryMeetings(stats.value.servers.reduce((n, s) => (s.serverId === 'demo' ? n : n + s.meetings), 0));
}

export function applyAppState(state: AppState): void {
  const { connection, settings, servers, currentServerId, ...info } = state;
  useAppStore.getState().setInfo(info);
  useServersStore.getState().setServers(servers, currentServerId);
  useConnectionStore.getState().setView(connection);
  useSettingsStore.getState().setSettings(settings);
  useLiveStore.getState().setCurrentServer(currentServerId);
  // Running lists and live states of servers that left say nothing any more.
  const live = new Set(servers.filter((s) => s.status !== 'removed' && s.status !== 'disconnected').map((s) => s.id));
  useBotsStore.getState().keepRunning(live);
  useLiveStore.getState().keepStates(live);
  if (connection.server) useServersStore.getState().setLibraryMeetings(null);
  else if (countingLibrary) void countLibrary(countingLibrary);
  // A window that opens on the shell without a connected server opens on the library (as the
  // shell does when it appears later, renderer/app/Shell.tsx): decided before the first screen is
  // drawn, so the start screen is not drawn first only to be replaced. The onboarding is left alone.
  if (firstState) {
    firstState = false;
    const opensShell = opensApp(connection, servers, useServersStore.getState().libraryMeetings);
    if (opensShell && offlineNotice(servers, currentServerId)) useNavigationStore.getState().go('library');
  }
}

/** The name to say for a meeting's server, once the app knows more than one. */
const serverName = (serverId: string): string | null => serverNameFor(useServersStore.getState().servers, serverId);

// Several bots changing at once (or a reconnect catching up) would otherwise talk over each other.
const announceStatus = createThrottledAnnouncer({
  announce,
  now: () => Date.now(),
  schedule: (fn, ms) => void setTimeout(fn, ms),
});

export function applyTrackedMeetings(meetings: TrackedMeetingView[]): void {
  const previous = useBotsStore.getState().meetings;
  for (const message of statusChanges(previous, meetings, serverName)) announceStatus(message);
  useBotsStore.getState().setMeetings(meetings);
  // Captions of a meeting that was dismissed (or whose server left) are no longer reachable.
  const followed = new Set(meetings.map(keyOfTracked));
  const shown = (m: MeetingKey | null) => m !== null && followed.has(keyOfTracked({ serverId: m.serverId, id: m.meetingId }));
  useCaptionsStore.getState().retain(followed);
  const live = useLiveStore.getState();
  if (live.selected !== null && !shown(live.selected)) live.select(null);
  if (live.overlay && !shown(live.overlay)) live.setOverlay(null);
}

/**
 * After a reconnect the core re-reads every transcript over REST and records a gap where that
 * fails; deltas carry neither gaps nor the count of unreadable frames, so the captions shown are
 * reloaded once the re-read is likely done, and once more after the REST client's retries.
 */
const REFRESH_AFTER_RECONNECT_MS = [2_000, 8_000];
const refreshTimers = new Map<string, Array<ReturnType<typeof setTimeout>>>();

/** One server's live socket came back: the captions of its meetings are reloaded. */
function scheduleCaptionRefresh(serverId: string): void {
  for (const timer of refreshTimers.get(serverId) ?? []) clearTimeout(timer);
  refreshTimers.set(
    serverId,
    REFRESH_AFTER_RECONNECT_MS.map((ms) => setTimeout(() => refreshCaptions(serverId), ms)),
  );
}

export function applyLiveState(state: LiveStateView): void {
  const previous = state.serverId ? useLiveStore.getState().states[state.serverId]?.status : undefined;
  useLiveStore.getState().setState(state);
  const reconnected = state.status === 'connected' && previous !== undefined && previous !== 'connected' && previous !== 'connecting';
  if (reconnected && state.serverId) scheduleCaptionRefresh(state.serverId);
}

/**
 * A notification or the tray asked for a meeting of one server: show the screen with its card and
 * bring the card into view (two servers may both have meeting 7, so the server decides which).
 */
export function focusMeeting(meeting: MeetingKey & { lineKey?: string }): void {
  const navigation = useNavigationStore.getState();
  if (meeting.lineKey) {
    // A watch word's alert: the meeting's live captions, at that line.
    navigation.go('live');
    useLiveStore.getState().select({ serverId: meeting.serverId, meetingId: meeting.meetingId });
    useWatchWordsStore.getState().showLine({ serverId: meeting.serverId, meetingId: meeting.meetingId, lineKey: meeting.lineKey });
    return;
  }
  if (navigation.screen !== 'launch' && navigation.screen !== 'live') navigation.go('launch');
  useBotsStore.getState().requestFocus(meeting);
}

/** The cache changed (sync, an edit, live captions stored, a delete): the list and the open meeting follow. */
export function applyLibraryChanged(change: EventPayload<'library:changed'>): void {
  scheduleLibraryReload();
  meetingChanged(change);
  if (!useConnectionStore.getState().view?.server && countingLibrary) void countLibrary(countingLibrary);
}

/** A sync pass that ends may have sent edits without a change event: re-read what is on screen. */
export function applyLibrarySync(state: EventPayload<'library:sync'>): void {
  if (!applySyncState(state)) return;
  scheduleLibraryReload();
  refreshOpenMeeting();
}

async function fetchState(api: TypedApi): Promise<void> {
  const [state, tracked, sync] = await Promise.all([
    api.invoke('app:getState'),
    api.invoke('bots:tracked'),
    api.invoke('library:syncState'),
  ]);
  if (state.ok) applyAppState(state.value);
  if (tracked.ok) applyTrackedMeetings(tracked.value);
  if (sync.ok && sync.value) applySyncState(sync.value);
  // Each connected server's live connection; `live:state` events keep them current from here.
  const servers = state.ok ? state.value.servers.filter((s) => s.status === 'connected' || s.status === 'error') : [];
  const lives = await Promise.all(servers.map((s) => api.invoke('live:state', { serverId: s.id })));
  for (const live of lives) if (live.ok) useLiveStore.getState().setState(live.value);
}

export function startCoreSync(api: TypedApi, link: Link): () => void {
  countingLibrary = api;
  const painted = createPaintAck((serverId) => void api.invoke('live:painted', { serverId }));
  const initial = link.status();
  useAppStore.getState().setLink(initial);
  const offs = [
    api.on('app:state', applyAppState),
    api.on('bots:changed', applyTrackedMeetings),
    api.on('live:state', applyLiveState),
    api.on('live:segments', (delta) => {
      useCaptionsStore.getState().applyDelta(delta);
      painted(delta.serverId);
    }),
    api.on('live:captionDelay', (e) => useCaptionDelayStore.getState().apply(e)),
    api.on('ui:focusMeeting', (meeting) => focusMeeting(meeting)),
    followShellNavigation(api),
    api.on('library:changed', applyLibraryChanged),
    api.on('library:sync', applyLibrarySync),
    api.on('updates:state', (view) => useUpdatesStore.getState().setView(view)),
    api.on('shortcuts:changed', (view) => useShortcutsStore.getState().setView(view)),
    api.on('plans:changed', (view) => usePlanningStore.getState().setView(view)),
    api.on('speakers:changed', ({ serverId }) => void refreshSpeakerFixes(serverId)),
    // The overlay shortcut opened or closed the overlay; in the browser the page shows it as a panel.
    api.on('overlay:changed', ({ overlay }) => useLiveStore.getState().setOverlay(overlay)),
    link.onStatus((status) => {
      const previous = useAppStore.getState().link;
      useAppStore.getState().setLink(status);
      if (status === 'lost') announce("Lost the connection to the app's core.");
      if (status === 'refused') announce("This tab's address is out of date. Paste the address the app printed.");
      // The first open sends the requests made while connecting (below): asking again would
      // only make the core answer twice while the first screen is being drawn.
      if (status === 'open' && previous !== 'connecting') {
        if (previous === 'lost') announce("Reconnected to the app's core.");
        void fetchState(api);
        // Deltas pushed while the window's link was down are gone; the snapshots bring everything back.
        if (previous === 'lost') refreshCaptions();
      }
    }),
  ];
  if (initial === 'open' || initial === 'connecting') void fetchState(api);
  return () => {
    countingLibrary = null;
    for (const off of offs) off();
  };
}
