import { OverlayWindowContent } from '../features/live/CaptionOverlay';
import { api } from '../platform/api';
import { ErrorBoundary } from './ErrorBoundary';
import { reportError } from './errorReporting';

/** The caption overlay window's whole page: no shell, no navigation, a transparent background. */
export function OverlayApp({ meetingId }: { meetingId: number }) {
  return (
    <ErrorBoundary scope="the caption overlay" onError={(e) => reportError(api, e)}>
      <OverlayWindowContent meetingId={meetingId} />
    </ErrorBoundary>
  );
}
