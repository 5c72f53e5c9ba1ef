import { useEffect, useState } from 'react';
import type { RecordingMediaView, RecordingView } from '../../../shared/ipc/recordings';
import { Badge, Banner, Button, Dialog, Spinner } from '../../app/theme';
import { formatBytes } from '../library/describe';
import { choose, deleteRecording, forgetOffline, keepOffline, loadRecordings, saveRecording } from './actions';
import { Player } from './Player';
import { useRecordingsStore } from './store';
import './recordings.css';

function length(seconds: number | null): string | null {
  if (seconds === null) return null;
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

function DeleteRecordingDialog({ media, onClose }: { recording: RecordingView; media: RecordingMediaView; onClose(done: boolean): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const recordingId = useRecordingsStore((s) => s.list?.recordings.find((r) => r.media.includes(media))?.recordingId ?? null);
  const what = [length(media.durationSeconds), media.sizeBytes !== null ? formatBytes(media.sizeBytes) : null].filter(Boolean).join(', ');
  return (
    <Dialog
      open
      title="Delete this recording?"
      description={`The audio${what ? ` (${what})` : ''} is deleted on the server for everyone who can see this meeting${media.kept ? ', and the copy kept on this computer is removed' : ''}. Nobody can play or download it again. The transcript stays. This cannot be undone.`}
      onClose={() => onClose(false)}
      actions={
        <>
          <Button variant="ghost" data-autofocus onClick={() => onClose(false)}>
            Cancel
          </Button>
          <Button
            variant="danger"
            busy={busy}
            onClick={() => {
              if (recordingId === null) return;
              setBusy(true);
              void deleteRecording(recordingId).then((problem) => {
                setBusy(false);
                if (problem) setError(problem);
                else onClose(true);
              });
            }}
          >
            Delete recording
          </Button>
        </>
      }
    >
      {error ? (
        <Banner tone="error" title="Not deleted">
          {error}
        </Banner>
      ) : null}
    </Dialog>
  );
}

function MediaRow({
  recording,
  media,
  canDelete,
  online,
}: {
  recording: RecordingView;
  media: RecordingMediaView;
  canDelete: boolean;
  online: boolean;
}) {
  const playing = useRecordingsStore((s) => s.playing);
  const [busy, setBusy] = useState<'keep' | 'save' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const isCurrent = playing?.recordingId === recording.recordingId && playing.media.mediaId === media.mediaId;
  const details = [
    length(media.durationSeconds),
    media.sizeBytes !== null ? formatBytes(media.sizeBytes) : null,
    media.format.toUpperCase(),
  ]
    .filter(Boolean)
    .join(' · ');
  const run = (kind: 'keep' | 'save', task: () => Promise<string | null>) => {
    setBusy(kind);
    setProblem(null);
    void task().then((p) => {
      setBusy(null);
      setProblem(p);
    });
  };
  return (
    <li className="recording-row" data-recording-id={recording.recordingId} data-current={isCurrent || undefined}>
      <div className="recording-row-head">
        <span className="recording-title">{media.type === 'video' ? 'Video' : 'Audio'}</span>
        <span className="muted recording-details">{details}</span>
        {media.kept ? (
          <Badge tone="success" title="Plays without the server">
            {`Kept offline · ${formatBytes(media.kept.bytes)}`}
          </Badge>
        ) : null}
      </div>
      <div className="recording-actions">
        <Button
          size="sm"
          variant={isCurrent ? 'secondary' : 'primary'}
          onClick={() => void choose(recording.recordingId, media)}
          disabled={isCurrent}
        >
          {isCurrent ? 'In the player' : 'Play'}
        </Button>
        <Button size="sm" busy={busy === 'save'} onClick={() => run('save', () => saveRecording(recording.recordingId, media.mediaId))}>
          Download
        </Button>
        {media.kept ? (
          <Button size="sm" variant="ghost" onClick={() => run('keep', () => forgetOffline(recording.recordingId, media.mediaId))}>
            Remove offline copy
          </Button>
        ) : (
          <Button
            size="sm"
            busy={busy === 'keep'}
            unavailable={!online}
            title={online ? 'Download it to this computer to listen without the server' : 'The server is not connected'}
            onClick={() => online && run('keep', () => keepOffline(recording.recordingId, media.mediaId))}
          >
            Keep for offline
          </Button>
        )}
        {canDelete ? (
          <Button size="sm" variant="ghost" onClick={() => setDeleting(true)}>
            Delete recording…
          </Button>
        ) : null}
      </div>
      {problem ? (
        <p className="recording-problem" role="alert">
          {problem}
        </p>
      ) : null}
      {deleting ? <DeleteRecordingDialog recording={recording} media={media} onClose={() => setDeleting(false)} /> : null}
    </li>
  );
}

/** A meeting's recordings with the player; says plainly when there is none, or why it cannot be had. */
export function RecordingsPanel({ meetingId, changedAt }: { meetingId: number; changedAt: string | null }) {
  const list = useRecordingsStore((s) => (s.meetingId === meetingId ? s.list : null));
  const loading = useRecordingsStore((s) => s.loading);
  const error = useRecordingsStore((s) => (s.meetingId === meetingId ? s.error : null));
  const playing = useRecordingsStore((s) => (s.playing?.meetingId === meetingId ? s.playing : null));

  useEffect(() => {
    void loadRecordings(meetingId);
  }, [meetingId, changedAt]);

  const rows = list?.recordings.flatMap((r) => r.media.map((m) => ({ r, m }))) ?? [];
  const offline = list?.source === 'offline';
  return (
    <section className="detail-card recordings-panel" aria-label="Recordings" data-testid="recordings-panel">
      <div className="recordings-head">
        <h3>{rows.length > 1 ? 'Recordings' : 'Recording'}</h3>
        {offline ? (
          <Badge tone="warn" dot>
            Offline
          </Badge>
        ) : null}
        {loading && !list ? <Spinner label="Looking for recordings…" /> : null}
      </div>
      {error ? <Banner tone="error">{error}</Banner> : null}
      {list?.reason ? (
        <p className="muted recordings-reason" data-testid="recordings-reason">
          {list.reason}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <ul className="recording-list">
          {rows.map(({ r, m }) => (
            <MediaRow
              key={`${r.recordingId}-${m.mediaId}`}
              recording={r}
              media={m}
              canDelete={list?.canDelete ?? false}
              online={list?.source === 'server'}
            />
          ))}
        </ul>
      ) : null}
      {list?.deleteNote ? (
        <p className="muted recordings-note" data-testid="recordings-delete-note">
          {list.deleteNote}
        </p>
      ) : null}
      {playing ? <Player key={playing.src} playing={playing} /> : null}
    </section>
  );
}
