import { useEffect, useId } from 'react';
import type { TrackedMeetingView } from '../../../shared/ipc/models';
import { useNow } from '../../app/clock';
import { keyOfTracked } from '../../app/meetingKey';
import { Badge, Bidi, Button, PlatformMark } from '../../app/theme';
import { ChevronIcon } from '../../app/theme/icons';
import { formatElapsed, isFinished, meetingChip, orderForDisplay, timeInStatus } from '../bots/describe';
import { useBotsStore } from '../bots/store';
import { ensureCaptions } from '../captions/actions';
import { emptyCaptionsText, hasBeenLive, speakerName } from '../captions/describe';
import { useSpeakerNames } from '../speakers/useSpeakerNames';
import { useCaptionsStore } from '../captions/store';
import { ServerChip, useServerSuffix } from '../servers/ServerChip';
import { HealthNotice } from '../meetingInfo/HealthNotice';
import { showLiveCaptions } from './actions';
import { tailText } from './overlayText';

const TILE_TURNS = 3;

function TileLines({ meeting }: { meeting: TrackedMeetingView }) {
  const live = hasBeenLive(meeting);
  const turns = useCaptionsStore((s) => s.meetings[keyOfTracked(meeting)]?.turns);
  const { names } = useSpeakerNames(meeting.serverId, meeting.id);
  useEffect(() => {
    if (live) ensureCaptions({ serverId: meeting.serverId, meetingId: meeting.id });
  }, [live, meeting.serverId, meeting.id]);
  const last = turns ? turns.slice(Math.max(0, turns.length - TILE_TURNS)) : [];
  if (last.length === 0) return <p className="live-tile-empty muted">{emptyCaptionsText(meeting.status, meeting.outcome)}</p>;
  return (
    <ol className="live-tile-lines" aria-label="Latest captions">
      {last.map((turn) => (
        <li key={turn.key} data-colour={turn.colour} data-draft={turn.draft || undefined}>
          <span className="live-tile-speaker">{speakerName(names.resolve(turn).name)}</span>{' '}
          <span className="live-tile-text">{tailText(turn.text, 160)}</span>
        </li>
      ))}
    </ol>
  );
}

function LiveTile({ meeting, now }: { meeting: TrackedMeetingView; now: number }) {
  const titleId = useId();
  const chip = meetingChip(meeting);
  const finished = isFinished(meeting.status);
  const where = useServerSuffix(meeting.serverId);
  return (
    <article
      className="live-tile"
      aria-labelledby={titleId}
      data-meeting-id={meeting.id}
      data-server-id={meeting.serverId}
      data-status={meeting.status}
    >
      <header className="live-tile-head">
        <PlatformMark platform={meeting.platform} />
        <h3 id={titleId} className="live-tile-title break">
          <Bidi>{meeting.name}</Bidi>
          <ServerChip serverId={meeting.serverId} />
        </h3>
        <Badge tone={chip.tone} dot={!finished}>
          {chip.label}
        </Badge>
        {finished ? null : <span className="live-tile-elapsed muted">{formatElapsed(timeInStatus(meeting, now))}</span>}
      </header>
      {/* What is wrong (needs help, no audio, engine down) shows on the tile as on Launch's card. */}
      <HealthNotice meeting={meeting} />
      <TileLines meeting={meeting} />
      <footer className="live-tile-foot">
        <Button
          size="sm"
          variant={finished ? 'secondary' : 'primary'}
          onClick={() => showLiveCaptions({ serverId: meeting.serverId, meetingId: meeting.id })}
          aria-label={`Open live captions of ${meeting.name}${where}`}
        >
          Open live captions
          <ChevronIcon size={14} />
        </Button>
      </footer>
    </article>
  );
}

/** Every followed meeting at a glance: its status and latest lines, each opening its full view. */
export function LiveOverview() {
  const meetings = useBotsStore((s) => s.meetings);
  const running = meetings.some((m) => !isFinished(m.status));
  const now = useNow(running);
  const headingId = useId();
  const live = meetings.filter((m) => m.status === 'active').length;
  return (
    <section className="live-overview" aria-labelledby={headingId}>
      <div className="row">
        <h2 id={headingId}>Live meetings</h2>
        <span className="section-count muted">{live ? `${live} transcribing` : 'none transcribing'}</span>
      </div>
      <ul className="live-tiles">
        {orderForDisplay(meetings).map((meeting) => (
          <li key={keyOfTracked(meeting)}>
            <LiveTile meeting={meeting} now={now} />
          </li>
        ))}
      </ul>
    </section>
  );
}
