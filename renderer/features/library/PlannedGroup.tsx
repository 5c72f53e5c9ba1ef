import { useId } from 'react';
import type { LibraryMeetingView } from '../../../shared/ipc/library';
import { formatDateTime } from '../../app/format';
import { Badge, Bidi, PlatformMark } from '../../app/theme';
import { ChevronIcon } from '../../app/theme/icons';
import { libraryTitle, meetingStatus, platformLabel } from './describe';
import { ServerChip } from './ServerChip';
import { rowServerLabel } from './servers';
import { useLibraryStore } from './store';

/** Meetings planned on the server (G3 `idle`/`scheduled`) that have not happened: apart from the rest, collapsible. */
export function PlannedGroup({ meetings, onOpen }: { meetings: LibraryMeetingView[]; onOpen(meeting: LibraryMeetingView): void }) {
  const open = useLibraryStore((s) => s.plannedOpen);
  const setOpen = useLibraryStore((s) => s.setPlannedOpen);
  const id = useId();
  if (meetings.length === 0) return null;
  return (
    <section className="disclosure planned-group" aria-labelledby={`${id}-title`}>
      <h2 className="disclosure-heading" id={`${id}-title`}>
        <button type="button" className="disclosure-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          <ChevronIcon size={14} className="disclosure-chevron" />
          Planned
          <span className="planned-count">{meetings.length}</span>
        </button>
      </h2>
      {open ? (
        <ul id={id} className="planned-list" aria-label="Planned meetings">
          {meetings.map((m) => {
            const status = meetingStatus(m.status);
            const at = m.startTime ?? m.createdAt;
            return (
              <li key={m.id}>
                <button type="button" className="planned-item" onClick={() => onOpen(m)}>
                  <PlatformMark platform={m.platform} />
                  <span className="meeting-main">
                    <Bidi className="meeting-title break">{libraryTitle(m)}</Bidi>
                    <span className="meeting-meta muted">
                      <ServerChip serverId={m.serverId} label={rowServerLabel(m)} />
                      {platformLabel(m.platform)}
                      {at ? ` · ${formatDateTime(at)}` : ''}
                    </span>
                  </span>
                  <Badge tone={status.tone}>{status.label}</Badge>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
