import { useEffect, useEffectEvent, useRef, useState, type Ref } from 'react';
import type { MeetingDetailView } from '../../../shared/ipc/library';
import { useNow } from '../../app/clock';
import { formatDateTime } from '../../app/format';
import { Badge, Banner, Button, PlatformMark, Spinner } from '../../app/theme';
import { BackIcon } from '../../app/theme/icons';
import { useConnectionStore } from '../connection/store';
import { MeetingActions } from '../export/MeetingActions';
import { exportRef, libraryStatus, libraryTitle, meetingTime, platformLabel, relativeTime } from '../library/describe';
import { ServerChip } from '../library/ServerChip';
import { rowServerLabel } from '../library/servers';
import { DeleteDialog } from './DeleteDialog';
import { formatDuration, serverDeleteOption } from './describe';
import { DetailsPanel } from './DetailsPanel';
import { EditState } from './EditState';
import { TrashIcon } from './icons';
import { NameEditor } from './NameEditor';
import { StatusTimeline } from './StatusTimeline';
import { useMeetingStore } from './store';
import { TranscriptPanel } from './TranscriptPanel';
import { keptAudioNote, keptBytesOf } from '../recordings/kept';
import { RecordingsPanel } from '../recordings/RecordingsPanel';
import { useRecordingsStore } from '../recordings/store';
import { FollowedHealthNotice } from '../meetingInfo/HealthNotice';
import { ParticipantsPanel } from '../meetingInfo/ParticipantsPanel';
import { useReachability, type Reachability } from './useReachability';
import './meeting.css';
import './editing.css';
import './timeline.css';

const isEditable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

function MetaLine({ detail, reach }: { detail: MeetingDetailView; reach: Reachability }) {
  const { meeting } = detail;
  const now = useNow(true);
  const time = meetingTime(meeting);
  const length =
    meeting.startTime !== null && meeting.endTime !== null && meeting.endTime > meeting.startTime
      ? meeting.endTime - meeting.startTime
      : null;
  const synced = Math.max(meeting.transcriptSyncedAt ?? 0, meeting.lastSyncedAt ?? 0) || null;
  return (
    <p className="meeting-detail-meta muted">
      {/* A meeting of a server other than the connected one says so even in a one-server library. */}
      <ServerChip serverId={meeting.serverId} label={rowServerLabel(meeting)} always={reach.otherServer} />
      <span>{platformLabel(meeting.platform)}</span>
      {meeting.nativeMeetingId ? <span className="mono">{meeting.nativeMeetingId}</span> : null}
      {time ? <time dateTime={new Date(time).toISOString()}>{formatDateTime(time)}</time> : null}
      {length ? <span>{formatDuration(length)}</span> : null}
      <span data-testid="meeting-synced">{synced ? `Synced ${relativeTime(synced, now)}` : 'Not synced from the server yet'}</span>
    </p>
  );
}

function Header({
  detail,
  reach,
  onBack,
  backLabel,
  backRef,
}: {
  detail: MeetingDetailView;
  reach: Reachability;
  onBack(): void;
  backLabel: string;
  backRef: Ref<HTMLButtonElement>;
}) {
  const { meeting } = detail;
  const [deleting, setDeleting] = useState(false);
  const deletesPlans = useConnectionStore((s) => s.view?.server?.capabilities.plannedMeetings ?? false);
  const keptBytes = useRecordingsStore((s) => (s.meetingId === meeting.id ? keptBytesOf(s.list) : 0));
  const status = libraryStatus(meeting, reach.connectedServerId);
  const title = libraryTitle(meeting);
  const ref = exportRef(meeting, reach.connectedServerId);
  return (
    <header className="meeting-detail-header">
      <Button
        ref={backRef}
        size="sm"
        variant="ghost"
        icon={<BackIcon />}
        className="meeting-back"
        onClick={onBack}
        aria-keyshortcuts="Escape Alt+ArrowLeft"
      >
        {backLabel}
      </Button>
      <div className="meeting-title-row">
        <PlatformMark platform={meeting.platform} />
        <NameEditor name={meeting.name} title={title} />
        <Badge tone={status.tone} title={status.detail ?? undefined}>
          {status.label}
        </Badge>
        <div className="meeting-header-actions">
          {ref ? <MeetingActions meetingRef={ref} title={title} shortcut /> : null}
          <Button size="sm" icon={<TrashIcon />} onClick={() => setDeleting(true)}>
            Delete…
          </Button>
        </div>
      </div>
      <EditState field="name" edits={detail.edits} reach={reach} />
      <MetaLine detail={detail} reach={reach} />
      {deleting ? (
        <DeleteDialog
          title={title}
          planned={meeting.planned}
          server={serverDeleteOption(meeting, {
            otherServer: reach.otherServer,
            deletesPlans,
            serverName: rowServerLabel(meeting),
          })}
          keptAudio={keptAudioNote(keptBytes)}
          onClose={() => setDeleting(false)}
        />
      ) : null}
    </header>
  );
}

function Loaded({ detail, onBack, backLabel }: { detail: MeetingDetailView; onBack(): void; backLabel: string }) {
  const reach = useReachability(detail.meeting);
  const open = useMeetingStore((s) => s.open);
  const error = useMeetingStore((s) => s.error);
  const backRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  // Focus moves into the meeting: to the transcript when a search hit opened it (the arrow keys
  // then scroll it), else to the way back.
  useEffect(() => {
    const hit = useMeetingStore.getState().open?.focus?.segmentKey;
    const transcript = hit ? rootRef.current?.querySelector<HTMLElement>('.transcript-body .caption-scroll') : null;
    (transcript ?? backRef.current)?.focus({ preventScroll: true });
  }, []);

  return (
    <div className="meeting-detail" data-meeting-id={detail.meeting.id} ref={rootRef}>
      <Header detail={detail} reach={reach} onBack={onBack} backLabel={backLabel} backRef={backRef} />
      {error ? <Banner tone="warn">{error}</Banner> : null}
      {detail.meeting.transcriptDeleted && detail.segments.length > 0 ? (
        <Banner tone="warn" title="Deleted on the server">
          The server no longer has this transcript; this computer still keeps its copy.
        </Banner>
      ) : null}
      <FollowedHealthNotice serverId={detail.meeting.serverId} meetingId={detail.meeting.remoteId} status={detail.meeting.status} />
      <div className="meeting-detail-body">
        <TranscriptPanel detail={detail} focus={open?.focus ?? null} focusSeq={open?.seq ?? 0} reach={reach} />
        <aside className="meeting-side" aria-label="Details and status">
          {detail.meeting.planned ? null : <RecordingsPanel meetingId={detail.meeting.id} changedAt={detail.meeting.status} />}
          <DetailsPanel detail={detail} reach={reach} />
          <ParticipantsPanel
            meetingId={detail.meeting.id}
            revision={detail.meeting.lastSyncedAt}
            server={{ serverId: detail.meeting.serverId, remoteId: detail.meeting.remoteId }}
          />
          <StatusTimeline detail={detail} />
        </aside>
      </div>
    </div>
  );
}

/** One meeting from the library: header with its name and actions, the transcript, details and timeline. */
export function MeetingDetail({ onBack, backLabel }: { onBack(): void; backLabel: string }) {
  const detail = useMeetingStore((s) => s.detail);
  const error = useMeetingStore((s) => s.error);

  // Escape (outside a field) and Alt+← go back, as in a browser.
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
    const back = (event.key === 'Escape' && !isEditable(event.target)) || (event.altKey && event.key === 'ArrowLeft');
    if (!back) return;
    event.preventDefault();
    onBack();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  if (!detail) {
    return (
      <div className="meeting-detail">
        <Button size="sm" variant="ghost" icon={<BackIcon />} className="meeting-back" onClick={onBack}>
          {backLabel}
        </Button>
        {error ? (
          <Banner tone="error" title="This meeting cannot be shown">
            {error}
          </Banner>
        ) : (
          <div className="library-placeholder">
            <Spinner large label="Opening the meeting…" />
          </div>
        )}
      </div>
    );
  }
  return <Loaded key={detail.meeting.id} detail={detail} onBack={onBack} backLabel={backLabel} />;
}
