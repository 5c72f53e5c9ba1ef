import { useEffect, useId, useState } from 'react';
import type { ParticipantsView } from '../../../shared/ipc/meetingInfo';
import { formatDateTime } from '../../app/format';
import { Bidi, Spinner } from '../../app/theme';
import { api } from '../../platform/api';
import { useSpeakerNames } from '../speakers/useSpeakerNames';
import { participantsSummary, type ParticipantLine } from './describe';
import './meetingInfo.css';

function Group({ title, lines, shownAs }: { title: string; lines: ParticipantLine[]; shownAs?: (name: string) => string | null }) {
  if (lines.length === 0) return null;
  return (
    <div className="participants-group">
      <h4>{title}</h4>
      <ul>
        {lines.map((l) => {
          // A speaker the person renamed is listed by the new name, with the server's beside it.
          const corrected = shownAs?.(l.name) ?? null;
          return (
            <li key={l.key}>
              <Bidi className="participant-name">{corrected ?? l.name}</Bidi>
              <span className="muted participant-detail">
                {corrected ? `the server calls them ${l.name}${l.detail ? ' · ' : ''}` : null}
                {l.detail}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * Who took part, as the meeting's server lists it: invited (from the calendar) and heard (from
 * the transcript), read again when the page opens and kept on this computer for offline reading.
 * `revision` re-reads it when the meeting changes.
 */
export function ParticipantsPanel({
  meetingId,
  revision,
  server,
}: {
  meetingId: number;
  revision?: unknown;
  /** The meeting on its server, for the speakers' corrected names. */
  server?: { serverId: string; remoteId: number };
}) {
  const id = useId();
  const { names } = useSpeakerNames(server?.serverId ?? null, server?.remoteId ?? null);
  const shownAs = (name: string): string | null => {
    const r = names.resolve({ speaker: name });
    return r.corrected ? r.name : null;
  };
  const [view, setView] = useState<ParticipantsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api.invoke('meetings:participants', { id: meetingId }).then((r) => {
      if (!live) return;
      if (r.ok) setView(r.value);
      else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [meetingId, revision]);

  const summary = view ? participantsSummary(view) : null;
  return (
    <section className="detail-card participants-panel" aria-labelledby={id} data-testid="participants">
      <h3 id={id}>Who took part</h3>
      {!view && !error ? <Spinner label="Asking the server who took part…" /> : null}
      {error ? <p className="muted">{error}</p> : null}
      {view && summary ? (
        <>
          <Group title="Invited" lines={summary.invited} />
          <Group title="Heard speaking" lines={summary.spoke} shownAs={shownAs} />
          {summary.note ? <p className="participants-note">{summary.note}</p> : null}
          {view.message ? <p className="muted participants-message">{view.message}</p> : null}
          {view.state === 'cached' && view.fetchedAt !== null ? (
            <p className="muted participants-message">Last read from the server {formatDateTime(view.fetchedAt)}.</p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
