import { useId } from 'react';
import { useNow } from '../../app/clock';
import { keyOfTracked } from '../../app/meetingKey';
import { isFinished, orderForDisplay } from './describe';
import { MeetingCard } from './MeetingCard';
import { useBotsStore } from './store';
import './bots.css';

/** Every meeting the app follows, running ones first; one clock ticks for the whole list. */
export function MeetingsInFlight({ title = 'Meetings in flight' }: { title?: string }) {
  const meetings = useBotsStore((s) => s.meetings);
  const running = meetings.some((m) => !isFinished(m.status));
  const now = useNow(running);
  const headingId = useId();
  if (meetings.length === 0) return null;
  return (
    <section className="meetings-in-flight" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-heading">
        {title}
        <span className="section-count muted">{meetings.length}</span>
      </h2>
      <ul className="meeting-cards">
        {orderForDisplay(meetings).map((meeting) => (
          <li key={keyOfTracked(meeting)}>
            <MeetingCard meeting={meeting} now={now} />
          </li>
        ))}
      </ul>
    </section>
  );
}
