import { useBotsStore } from '../features/bots/store';
import { OverlayWindowContent, type OverlayWindowFlags } from '../features/live/CaptionOverlay';
import { api } from '../platform/api';
import { ErrorBoundary } from './ErrorBoundary';
import { reportError } from './errorReporting';
import type { OverlayRoute } from './route';

/**
 * The caption overlay window's whole page: no shell, no navigation, a transparent background.
 * It stays mounted when the overlay moves to another meeting; only the meeting changes. A route
 * without a server names the followed meeting with that id.
 */
export function OverlayApp({ route, flags }: { route: OverlayRoute; flags: OverlayWindowFlags }) {
  const found = useBotsStore((s) => s.meetings.find((m) => m.id === route.meetingId)?.serverId ?? '');
  return (
    <ErrorBoundary scope="the caption overlay" onError={(e) => reportError(api, e)}>
      <OverlayWindowContent serverId={route.serverId ?? found} meetingId={route.meetingId} flags={flags} />
    </ErrorBoundary>
  );
}
