import { useEffect, useState } from 'react';
import type { RecordingCacheView } from '../../../shared/ipc/recordings';
import { Banner, Button, Card, Spinner, TextField } from '../../app/theme';
import { api } from '../../platform/api';
import { announce } from '../announcer/store';
import { formatBytes } from '../library/describe';

const MB = 1024 * 1024;

/** Settings: how much room recordings kept for offline listening may take, and how much they take now. */
export function OfflineRecordingsSection() {
  const [state, setState] = useState<RecordingCacheView | null>(null);
  const [limit, setLimit] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api.invoke('recordings:cache').then((r) => {
      if (r.ok) {
        setState(r.value);
        setLimit(String(Math.round(r.value.limitBytes / MB)));
      } else setError(r.message);
    });
  }, []);

  const save = async () => {
    const mb = Number(limit);
    if (!Number.isInteger(mb) || mb < 50) {
      setError('Enter a whole number of megabytes, 50 or more.');
      return;
    }
    setBusy(true);
    const r = await api.invoke('recordings:setCacheLimit', { limitMb: mb });
    setBusy(false);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    setError(null);
    setState(r.value);
    announce(
      r.value.evicted > 0
        ? `Limit saved. ${r.value.evicted} kept recordings no longer fit and were removed, the least recently played first.`
        : 'Limit saved.',
    );
  };

  return (
    <Card
      title="Offline recordings"
      description="Recordings you keep for offline listening are stored on this computer, in the app's private data folder. When a new one needs room, the least recently played go first."
    >
      {error ? <Banner tone="error">{error}</Banner> : null}
      {!state ? (
        error ? null : (
          <Spinner label="Reading the offline recordings…" />
        )
      ) : (
        <div className="stack">
          <p data-testid="offline-recordings-usage">
            {state.count === 0
              ? 'No recording is kept on this computer. Choose “Keep for offline” beside a meeting’s recording to listen to it without the server.'
              : `${state.count} ${state.count === 1 ? 'recording uses' : 'recordings use'} ${formatBytes(state.usedBytes)} of ${formatBytes(state.limitBytes)}.`}
          </p>
          <div className="row recordings-limit">
            <TextField
              label="Space for offline recordings (MB)"
              inputMode="numeric"
              value={limit}
              onChange={(e) => setLimit(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void save();
              }}
            />
            <Button busy={busy} onClick={() => void save()}>
              Save limit
            </Button>
          </div>
        </div>
      )}
    </Card>
  );
}
