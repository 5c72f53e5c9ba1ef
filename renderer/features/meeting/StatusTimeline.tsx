import { useId } from 'react';
import type { MeetingDetailView } from '../../../shared/ipc/library';
import { formatClock } from '../captions/describe';
import { timelineOriginNote, timelineRows } from './describe';

/**
 * The meeting's path through its statuses: a bar whose parts are as long as the time spent in each
 * state, then each step with its time, duration, who moved it on and, at the end, why it ended.
 */
export function StatusTimeline({ detail }: { detail: MeetingDetailView }) {
  const id = useId();
  const rows = timelineRows(detail.timeline, detail.meeting);
  const origin = timelineOriginNote(detail.timeline.origin);
  const measured = rows.filter((r) => r.share > 0);
  return (
    <section className="detail-card status-timeline" aria-labelledby={id}>
      <div className="timeline-head">
        <h3 id={id}>Status timeline</h3>
        {origin ? <span className="timeline-origin muted">{origin}</span> : null}
      </div>
      {rows.length === 0 ? (
        <p className="muted timeline-empty">No status history for this meeting yet.</p>
      ) : (
        <>
          {measured.length > 0 ? (
            <div className="timeline-bar" aria-hidden="true">
              {measured.map((r) => (
                <span
                  key={r.key}
                  className="timeline-part"
                  data-status={r.status}
                  style={{ flexGrow: r.share }}
                  title={`${r.label}: ${r.duration ?? ''}`}
                />
              ))}
            </div>
          ) : null}
          <ol className="timeline-list">
            {rows.map((r) => (
              <li key={r.key} className="timeline-step" data-status={r.status}>
                <span className="timeline-dot" aria-hidden="true" />
                <div className="timeline-body">
                  <div className="timeline-line">
                    <span className="timeline-label">{r.label}</span>
                    {r.duration ? <span className="timeline-duration">{r.duration}</span> : null}
                  </div>
                  <div className="timeline-source muted">
                    {r.at !== null ? <time dateTime={new Date(r.at).toISOString()}>{formatClock(r.at)}</time> : null}
                    {r.at !== null && r.source ? ' · ' : null}
                    {r.source}
                  </div>
                  {r.note ? <div className="timeline-note">{r.note}</div> : null}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
