import { OverlayWindowContent, type OverlayWindowFlags } from '../features/live/CaptionOverlay';
import { api } from '../platform/api';
import { ErrorBoundary } from './ErrorBoundary';
import { reportError } from './errorReporting';

/**
 * The caption overlay window's whole page: no shell, no navigation, a transparent background.
 * It stays mounted when the overlay moves to another meeting; only `meetingId` changes.
 */
export function OverlayApp({ meetingId, flags }: { meetingId: number; flags: OverlayWindowFlags }) {
  return (
    <ErrorBoundary scope="the caption overlay" onError={(e) => reportError(api, e)}>
      <OverlayWindowContent meetingId={meetingId} flags={flags} />
    </ErrorBoundary>
  );
}
