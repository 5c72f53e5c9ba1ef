import { useEffect, type ReactNode } from 'react';
import type { ConnectionView } from '../../shared/ipc/models';
import { adminAvailable, useAdminStore } from '../features/admin/store';
import { useAdminStatus } from '../features/admin/useAdminStatus';
import { useAppStore } from '../features/app/store';
import { AttentionBanners } from '../features/bots/AttentionBanners';
import { LaunchScreen } from '../features/launch/LaunchScreen';
import { LinkNotice } from '../features/links/LinkNotice';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { useLibraryStore } from '../features/library/store';
import { OverlayPanel } from '../features/live/CaptionOverlay';
import { offlineNotice } from '../features/servers/describe';
import { ReconnectDialog, ServerBanners } from '../features/servers/OfflineNotice';
import { useServersStore } from '../features/servers/store';
import { LiveScreen } from '../features/live/LiveScreen';
import { useNavigationStore, visibleScreens, type Screen } from '../features/navigation/store';
import { reportMeetingInView } from '../features/shortcuts/meetingInView';
import { api } from '../platform/api';
import { ConnectionBanners } from './ConnectionBanners';
import { ErrorBoundary } from './ErrorBoundary';
import { reportError } from './errorReporting';
import { AdminScreen, Lazy, loadTheRestWhenIdle, SettingsScreen } from './lazyScreens';
import { screenTitles, Sidebar } from './Sidebar';
import { StorageNotice } from './StorageNotice';
import { TopBar } from './TopBar';

const screenViews: Record<Screen, () => ReactNode> = {
  launch: () => <LaunchScreen />,
  live: () => <LiveScreen />,
  library: () => <LibraryScreen />,
  settings: () => (
    <Lazy what="Settings">
      <SettingsScreen />
    </Lazy>
  ),
  admin: () => (
    <Lazy what="Admin">
      <AdminScreen />
    </Lazy>
  ),
};

/** Ctrl/⌘+1..5 switch screens (5: Admin, once an admin key is stored) from anywhere, unless a dialog is open; Ctrl/⌘+K searches the library. */
function useScreenShortcuts() {
  const go = useNavigationStore((s) => s.go);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      // On the Library screen its own listener handles it (it also leaves an open meeting).
      if (
        event.key.toLowerCase() === 'k' &&
        useNavigationStore.getState().screen !== 'library' &&
        !document.querySelector('dialog[open]')
      ) {
        event.preventDefault();
        go('library');
        useLibraryStore.getState().requestSearchFocus();
        return;
      }
      const target = visibleScreens(adminAvailable(useAdminStore.getState().status))[Number(event.key) - 1];
      if (!target || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      go(target);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [go]);
}

/** Without a connected server the app opens on the library, the part of it that works offline. */
function useOpensOnLibraryOffline() {
  useEffect(() => {
    const { servers, currentServerId } = useServersStore.getState();
    if (offlineNotice(servers, currentServerId)) useNavigationStore.getState().go('library');
  }, []);
}

export function Shell({ connection }: { connection: ConnectionView }) {
  const screen = useNavigationStore((s) => s.screen);
  const version = useAppStore((s) => s.info?.version ?? null);
  const admin = useAdminStore((s) => adminAvailable(s.status));
  const go = useNavigationStore((s) => s.go);
  useScreenShortcuts();
  useOpensOnLibraryOffline();
  // The main window's view only: the overlay window runs the same page on its own route.
  useEffect(() => reportMeetingInView(api), []);
  useEffect(() => loadTheRestWhenIdle(), []);
  useAdminStatus(connection.server?.id ?? null, connection.status === 'connected');
  // A forgotten admin key (or another server) takes the Admin place away: leave it for Settings.
  useEffect(() => {
    if (screen === 'admin' && !admin && useAdminStore.getState().status !== null) go('settings');
  }, [screen, admin, go]);
  return (
    <div className="shell">
      <Sidebar version={version} />
      <div className="shell-main">
        <TopBar title={screenTitles[screen]} connection={connection} />
        <AttentionBanners />
        <ServerBanners />
        <ConnectionBanners connection={connection} />
        <StorageNotice />
        <LinkNotice />
        <main className="screen" aria-label={screenTitles[screen]}>
          <ErrorBoundary key={screen} scope={`the ${screenTitles[screen]} screen`} onError={(e) => reportError(api, e)}>
            {screenViews[screen]()}
          </ErrorBoundary>
        </main>
      </div>
      <OverlayPanel />
      <ReconnectDialog />
    </div>
  );
}
