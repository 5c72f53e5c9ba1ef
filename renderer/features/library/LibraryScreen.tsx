import { useEffect } from 'react';
import type { MeetingSummary } from '../../../shared/ipc/models';
import { formatDateTime } from '../../app/format';
import { Badge, Banner, Button, EmptyState, Spinner } from '../../app/theme';
import { LibraryIcon, RefreshIcon } from '../../app/theme/icons';
import { useConnectionStore } from '../connection/store';
import { loadMeetings } from './actions';
import { meetingStatus, meetingTime, meetingTitle, platformLabel } from './describe';
import { useLibraryStore } from './store';
import './library.css';

function MeetingRow({ meeting }: { meeting: MeetingSummary }) {
  const status = meetingStatus(meeting.status);
  const time = meetingTime(meeting);
  const title = meetingTitle(meeting);
  return (
    <li className="meeting-row">
      <span className="platform-mark" data-platform={meeting.platform} aria-hidden="true">
        {platformLabel(meeting.platform).charAt(0).toUpperCase()}
      </span>
      <div className="meeting-main">
        <div className="meeting-title break">{title}</div>
        <div className="meeting-meta muted">
          {platformLabel(meeting.platform)}
          {meeting.name && meeting.nativeMeetingId ? <span className="mono"> · {meeting.nativeMeetingId}</span> : null}
        </div>
      </div>
      <Badge tone={status.tone}>{status.label}</Badge>
      <time className="meeting-time muted" dateTime={time ? new Date(time).toISOString() : undefined}>
        {time ? formatDateTime(time) : 'No date'}
      </time>
    </li>
  );
}

export function LibraryScreen() {
  const serverId = useConnectionStore((s) => s.view?.server?.id ?? null);
  const meetings = useLibraryStore((s) => (s.serverId === serverId ? s.meetings : null));
  const loading = useLibraryStore((s) => s.loading);
  const error = useLibraryStore((s) => s.error);

  useEffect(() => {
    void loadMeetings(serverId);
  }, [serverId]);

  const refresh = (
    <Button size="sm" variant="ghost" icon={<RefreshIcon />} busy={loading} onClick={() => void loadMeetings(serverId)}>
      Refresh
    </Button>
  );

  if (meetings === null) {
    if (error) {
      return (
        <div className="screen-content">
          <Banner tone="error" title="Could not load your meetings" actions={refresh}>
            {error}
          </Banner>
        </div>
      );
    }
    return (
      <div className="full-window">
        <Spinner large label="Loading meetings…" />
      </div>
    );
  }

  if (meetings.length === 0) {
    return (
      <EmptyState icon={<LibraryIcon size={22} />} title="No meetings yet" actions={refresh}>
        Meetings you send a bot to appear here with their status and date.
      </EmptyState>
    );
  }

  return (
    <div className="screen-content">
      <div className="row">
        <h2>
          {meetings.length} {meetings.length === 1 ? 'meeting' : 'meetings'}
        </h2>
        <div className="spacer" />
        {refresh}
      </div>
      {error ? <Banner tone="error">{error}</Banner> : null}
      <ul className="meeting-list" aria-label="Meetings">
        {meetings.map((meeting) => (
          <MeetingRow key={meeting.id} meeting={meeting} />
        ))}
      </ul>
    </div>
  );
}
