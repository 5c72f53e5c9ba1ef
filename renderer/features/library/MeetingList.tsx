import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { MeetingSummary } from '../../../shared/ipc/models';
import { formatDateTime } from '../../app/format';
import { Badge } from '../../app/theme';
import { refFromSummary } from '../export/describe';
import { MeetingActions } from '../export/MeetingActions';
import { meetingStatus, meetingTime, meetingTitle, platformLabel } from './describe';

function MeetingRowContent({ meeting }: { meeting: MeetingSummary }) {
  const status = meetingStatus(meeting.status);
  const time = meetingTime(meeting);
  const ref = refFromSummary(meeting);
  return (
    <>
      <span className="platform-mark" data-platform={meeting.platform} aria-hidden="true">
        {platformLabel(meeting.platform).charAt(0).toUpperCase()}
      </span>
      <div className="meeting-main">
        <div className="meeting-title break">{meetingTitle(meeting)}</div>
        <div className="meeting-meta muted">
          {platformLabel(meeting.platform)}
          {meeting.name && meeting.nativeMeetingId ? <span className="mono"> · {meeting.nativeMeetingId}</span> : null}
        </div>
      </div>
      <Badge tone={status.tone}>{status.label}</Badge>
      <time className="meeting-time muted" dateTime={time ? new Date(time).toISOString() : undefined}>
        {time ? formatDateTime(time) : 'No date'}
      </time>
      {ref ? <MeetingActions compact meetingRef={ref} /> : null}
    </>
  );
}

/**
 * Accounts can hold thousands of meetings, so only the rows in view are in the DOM. Rows wrap
 * long names, so each one is measured after render; aria-setsize/posinset keep the list's real
 * length audible to screen readers.
 */
export function MeetingList({ meetings }: { meetings: MeetingSummary[] }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // No React Compiler here, so the virtualizer's unmemoizable functions are fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: meetings.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 62,
    overscan: 10,
    getItemKey: (index) => meetings[index]?.id ?? index,
  });
  return (
    <div ref={scrollRef} className="meeting-scroll">
      <ul className="meeting-list" aria-label="Meetings" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const meeting = meetings[item.index];
          if (!meeting) return null;
          return (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              className="meeting-row"
              aria-setsize={meetings.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <MeetingRowContent meeting={meeting} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
