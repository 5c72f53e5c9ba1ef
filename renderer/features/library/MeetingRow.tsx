import { memo } from 'react';
import type { LibraryMeetingView } from '../../../shared/ipc/library';
import { formatDateTime } from '../../app/format';
import { Badge, Bidi, PlatformMark } from '../../app/theme';
import { MeetingActions } from '../export/MeetingActions';
import { endingNote, exportRef, libraryStatus, libraryTitle, meetingTime, platformLabel, transcriptLabel } from './describe';
import { ServerChip } from './ServerChip';
import { rowServerLabel } from './servers';

export const MeetingRow = memo(function MeetingRow({
  meeting,
  index,
  connectedServerId,
  onOpen,
}: {
  meeting: LibraryMeetingView;
  index: number;
  connectedServerId: string | null;
  onOpen(meeting: LibraryMeetingView): void;
}) {
  const status = libraryStatus(meeting, connectedServerId);
  const ending = endingNote(meeting);
  const transcript = transcriptLabel(meeting, connectedServerId);
  const time = meetingTime(meeting);
  const ref = exportRef(meeting, connectedServerId);
  const title = libraryTitle(meeting);
  const lines =
    // A no-break space: "27" and "lines" stay on one line.
    meeting.segmentCount > 0 ? `${meeting.segmentCount.toLocaleString()}\u00a0${meeting.segmentCount === 1 ? 'line' : 'lines'}` : null;
  return (
    <>
      <button type="button" className="meeting-open" data-row={index} data-meeting-id={meeting.id} onClick={() => onOpen(meeting)}>
        <PlatformMark platform={meeting.platform} />
        <span className="meeting-main">
          <Bidi className="meeting-title break">{title}</Bidi>
          <span className="meeting-meta muted">
            <ServerChip serverId={meeting.serverId} label={rowServerLabel(meeting)} />
            {platformLabel(meeting.platform)}
            {meeting.nativeMeetingId ? (
              <>
                {' · '}
                <Bidi className="mono token">{meeting.nativeMeetingId}</Bidi>
              </>
            ) : null}
            {lines ? ` · ${lines}` : null}
            {meeting.localFields.length > 0 ? ' · edited here' : null}
          </span>
          {ending ? (
            <span className={ending.tone === 'danger' ? 'meeting-failure' : 'meeting-ending muted'} data-testid="meeting-ending">
              {ending.text}
            </span>
          ) : null}
        </span>
        <span className="meeting-row-side">
          <span className="meeting-states">
            <Badge tone={status.tone} title={status.detail ?? undefined}>
              {status.label}
            </Badge>
            {transcript ? (
              <span className="transcript-state" data-tone={transcript.tone}>
                {transcript.label}
              </span>
            ) : null}
          </span>
          <time className="meeting-time muted" dateTime={time ? new Date(time).toISOString() : undefined}>
            {time ? formatDateTime(time) : 'No date'}
          </time>
        </span>
      </button>
      <span className="meeting-row-actions">{ref ? <MeetingActions compact meetingRef={ref} title={title} /> : null}</span>
    </>
  );
});
