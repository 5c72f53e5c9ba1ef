import { ErrorBoundary } from '../../app/ErrorBoundary';
import { reportError } from '../../app/errorReporting';
import { api } from '../../platform/api';
import { ExportDialog } from './ExportDialog';
import { ShareDialog } from './ShareDialog';
import { useExportStore } from './store';
import { Toast } from './Toast';

/** The open export or share dialog (one at a time) and the toast. */
export function ExportLayer() {
  const dialog = useExportStore((s) => s.dialog);
  const close = useExportStore((s) => s.close);
  return (
    <ErrorBoundary scope="export and sharing" onError={(e) => reportError(api, e)}>
      {dialog?.kind === 'export' ? (
        <ExportDialog key={`export:${dialog.ref.meetingId}`} meetingRef={dialog.ref} title={dialog.title} onClose={close} />
      ) : null}
      {dialog?.kind === 'share' ? (
        <ShareDialog key={`share:${dialog.ref.meetingId}`} meetingRef={dialog.ref} title={dialog.title} onClose={close} />
      ) : null}
      <Toast />
    </ErrorBoundary>
  );
}
