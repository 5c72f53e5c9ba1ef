import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { useNow } from '../../app/clock';
import { Banner, Button, Card, Dialog, Spinner } from '../../app/theme';
import { api } from '../../platform/api';
import { announce } from '../announcer/store';
import { useAppStore } from '../app/store';
import { useConnectionStore } from '../connection/store';
import { countText, formatBytes, refillText, relativeTime, serverLabel } from '../library/describe';
import './librarySection.css';

type CacheStats = ChannelOutput<'cache:stats'>;

const readStats = () => api.invoke('cache:stats');

function ClearDialog({ stats, onClose, onCleared }: { stats: CacheStats; onClose(): void; onCleared(stats: CacheStats): void }) {
  const [busy, setBusy] = useState(false);
  const connected = useConnectionStore((s) => s.view?.server ?? null);
  const [error, setError] = useState<string | null>(null);
  const clear = async () => {
    setBusy(true);
    const result = await api.invoke('cache:clear');
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    announce('The local library was cleared.');
    onCleared(result.value);
  };
  return (
    <Dialog
      open
      title="Clear the local library?"
      description={`${countText(stats.meetings + stats.plannedMeetings, 'meeting', 'meetings')} and their transcripts are removed from this computer. Nothing is deleted on any server: ${refillText(connected?.label ?? null, stats.servers.length)}`}
      onClose={onClose}
      actions={
        <>
          <Button variant="ghost" data-autofocus onClick={onClose}>
            Cancel
          </Button>
          <Button variant="danger" busy={busy} onClick={() => void clear()}>
            Clear library
          </Button>
        </>
      }
    >
      {stats.pendingEdits > 0 ? (
        <Banner tone="warn" title={`${countText(stats.pendingEdits, 'edit has', 'edits have')} not reached a server`}>
          Clearing loses {stats.pendingEdits === 1 ? 'it' : 'them'}, including edits kept only on this computer.
        </Banner>
      ) : null}
      {error ? <Banner tone="error">{error}</Banner> : null}
    </Dialog>
  );
}

/** Size and contents of the offline library, when each server was last synced, and Clear. */
export function LibrarySection() {
  const [stats, setStats] = useState<CacheStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [clearing, setClearing] = useState(false);
  const current = useConnectionStore((s) => s.view?.server ?? null);
  // The library moved to memory (the disk refused it): the file below is no longer written.
  const inMemory = useAppStore((s) => s.info?.storage.mode === 'memory' && s.info.storage.since !== null);
  const now = useNow(true);

  const apply = useCallback((result: Awaited<ReturnType<typeof readStats>>) => {
    if (result.ok) {
      setStats(result.value);
      setError(null);
    } else setError(result.message);
  }, []);
  const load = useCallback(() => void readStats().then(apply), [apply]);
  useEffect(() => {
    void readStats().then(apply);
  }, [apply]);

  return (
    <Card
      title="Local library"
      description="Every meeting and transcript is kept on this computer, so you can read and search them offline."
    >
      {error ? <Banner tone="error">{error}</Banner> : null}
      {!stats ? (
        error ? null : (
          <Spinner label="Reading the library…" />
        )
      ) : (
        <div className="stack">
          <dl className="definition-list" data-testid="library-stats">
            <dt>Size on disk</dt>
            <dd>{inMemory ? 'Kept in memory until you quit' : formatBytes(stats.bytes)}</dd>
            <dt>Meetings</dt>
            <dd>
              {countText(stats.meetings, 'meeting', 'meetings')}
              {stats.plannedMeetings > 0 ? `, ${stats.plannedMeetings} planned` : ''}
            </dd>
            <dt>Transcripts</dt>
            <dd>
              {countText(stats.transcripts, 'complete transcript', 'complete transcripts')}, {countText(stats.segments, 'line', 'lines')}
            </dd>
            <dt>Edits not on a server</dt>
            <dd>{stats.pendingEdits === 0 ? 'None' : countText(stats.pendingEdits, 'edit', 'edits')}</dd>
            {stats.servers.map((s) => (
              <div key={s.serverId} className="library-server-row">
                <dt className="break">{serverLabel(s.serverId, current)}</dt>
                <dd>
                  {countText(s.meetings, 'meeting', 'meetings')} ·{' '}
                  {s.lastSyncedAt ? `last synced ${relativeTime(s.lastSyncedAt, now)}` : 'never synced'}
                </dd>
              </div>
            ))}
            <dt>File</dt>
            <dd className="mono break muted">{inMemory ? `${stats.file} (not written now)` : stats.file}</dd>
          </dl>
          <div className="row">
            <Button onClick={() => setClearing(true)} unavailable={stats.meetings + stats.plannedMeetings === 0}>
              Clear library…
            </Button>
            <Button variant="ghost" onClick={load}>
              Update figures
            </Button>
          </div>
        </div>
      )}
      {clearing && stats ? (
        <ClearDialog
          stats={stats}
          onClose={() => setClearing(false)}
          onCleared={(next) => {
            setStats(next);
            setClearing(false);
          }}
        />
      ) : null}
    </Card>
  );
}
