import { useState } from 'react';
import { useNow } from '../../app/clock';
import { Button, Spinner } from '../../app/theme';
import { CheckIcon, CrossIcon, PlugOffIcon, RefreshIcon, WarnIcon } from '../../app/theme/icons';
import { useConnectionStore } from '../connection/store';
import { cancelTranscriptDownloads, syncNow } from './actions';
import { syncBarView, transcriptFailuresText, transcriptProgressText } from './describe';
import { useLibraryStore } from './store';

const toneIcon = {
  idle: <CheckIcon size={14} />,
  busy: <Spinner />,
  offline: <PlugOffIcon size={14} />,
  error: <WarnIcon size={14} />,
  local: null,
} as const;

/**
 * The connected server's sync: when the list was last read, syncing, offline (what is shown comes
 * from this computer), an error with Retry, and the background transcript download with Cancel.
 */
export function SyncBar() {
  const serverId = useConnectionStore((s) => s.view?.server?.id ?? null);
  const state = useLibraryStore((s) => (serverId ? (s.sync[serverId] ?? null) : null));
  const now = useNow(true);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const view = syncBarView(state, now);
  const progress = state ? transcriptProgressText(state.transcripts) : null;
  const failures = state ? transcriptFailuresText(state.transcripts) : null;
  const transcripts = state?.transcripts;

  const refresh = async () => {
    setBusy(true);
    setFailure(null);
    const message = await syncNow();
    setBusy(false);
    if (message) setFailure(message);
  };

  return (
    <div className="sync-bar" data-tone={view.tone} data-testid="sync-bar">
      <div className="sync-status" role="status">
        <span className="sync-icon" aria-hidden="true">
          {toneIcon[view.tone]}
        </span>
        <span className="sync-text">
          <span>{view.text}</span>
          {view.detail ? <span className="sync-detail">{view.detail}</span> : null}
          {failure ? <span className="sync-detail">{failure}</span> : null}
          {!progress && failures ? <span className="sync-detail">{failures}</span> : null}
        </span>
      </div>
      {progress && transcripts ? (
        <div className="sync-progress" data-testid="transcript-progress">
          <progress max={transcripts.total} value={Math.min(transcripts.done, transcripts.total)} aria-label={progress} />
          <span role="status">{progress}</span>
          <Button size="sm" variant="ghost" icon={<CrossIcon />} onClick={() => void cancelTranscriptDownloads()}>
            Cancel
          </Button>
        </div>
      ) : null}
      <div className="spacer" />
      <Button
        size="sm"
        variant={view.retry ? 'secondary' : 'ghost'}
        icon={<RefreshIcon />}
        busy={busy || view.tone === 'busy'}
        onClick={() => void refresh()}
        aria-label={view.retry ? 'Retry syncing with the server' : 'Refresh the library from the server'}
      >
        {view.retry ? 'Retry' : 'Refresh'}
      </Button>
    </div>
  );
}
