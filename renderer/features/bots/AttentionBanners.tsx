import { useId } from 'react';
import type { TrackedMeetingView } from '../../../shared/ipc/models';
import { useNow } from '../../app/clock';
import { Button, InlineError } from '../../app/theme';
import { CrossIcon, DoorIcon, ExternalIcon, WarnIcon } from '../../app/theme/icons';
import { keyOfTracked } from '../../app/meetingKey';
import { ServerChip, useServerSuffix } from '../servers/ServerChip';
import { openMeeting } from './actions';
import { bannerShown, SNOOZE_MS, useAttentionHide } from './attentionHide';
import { StopButton } from './StopButton';
import { attentionText, elapsedWords, formatElapsed, isoDuration, needsAttention, timeInStatus } from './describe';
import { useBotsStore } from './store';
import './attention.css';

function AttentionBanner({ meeting, now }: { meeting: TrackedMeetingView; now: number }) {
  const titleId = useId();
  const busy = useBotsStore((s) => s.busy[keyOfTracked(meeting)] ?? null);
  const error = useBotsStore((s) => s.errors[keyOfTracked(meeting)] ?? null);
  const where = useServerSuffix(meeting.serverId);
  const text = attentionText(meeting);
  const waited = timeInStatus(meeting, now);
  const lobby = meeting.status === 'awaiting_admission';
  const Icon = lobby ? DoorIcon : WarnIcon;
  return (
    <section
      className="attention-banner"
      data-status={meeting.status}
      aria-labelledby={titleId}
      data-meeting-id={meeting.id}
      data-server-id={meeting.serverId}
    >
      <span className="attention-icon" aria-hidden="true">
        <Icon size={18} />
      </span>
      <div className="attention-body">
        <h2 id={titleId} className="attention-title break">
          {text.title}
          <ServerChip serverId={meeting.serverId} />
        </h2>
        <p className="attention-detail">
          {lobby ? 'Admit it in the meeting.' : text.detail}{' '}
          <time className="attention-timer" dateTime={isoDuration(waited)}>
            <span aria-hidden="true">{lobby ? `In the lobby for ${formatElapsed(waited)}` : `For ${formatElapsed(waited)}`}</span>
            <span className="sr-only">{`${lobby ? 'In the lobby for' : 'For'} ${elapsedWords(waited)}`}</span>
          </time>
        </p>
        {error ? <InlineError>{error}</InlineError> : null}
      </div>
      <div className="attention-actions">
        {meeting.meetingUrl ? (
          <Button
            size="sm"
            variant="primary"
            icon={<ExternalIcon />}
            busy={busy === 'open'}
            onClick={() => void openMeeting(meeting)}
            aria-label={where ? `Open meeting${where}` : undefined}
          >
            Open meeting
          </Button>
        ) : null}
        <StopButton meeting={meeting} busy={busy === 'stop'} ariaLabel={where ? `Stop bot${where}` : undefined} />
        <Button
          size="sm"
          variant="ghost"
          onClick={() => useAttentionHide.getState().hide(keyOfTracked(meeting), { status: meeting.status, until: now + SNOOZE_MS })}
          aria-label={`Remind me in 1 minute about ${meeting.name}`}
        >
          Remind me in 1 minute
        </Button>
        <Button
          size="sm"
          variant="ghost"
          icon={<CrossIcon />}
          onClick={() => useAttentionHide.getState().hide(keyOfTracked(meeting), { status: meeting.status, until: null })}
          aria-label={`Hide this alert about ${meeting.name} until the bot's state changes`}
          title="Hide until the bot's state changes"
        />
      </div>
    </section>
  );
}

/**
 * App-wide, above every screen: a bot waiting in a lobby or stuck is the one thing that must not
 * be missed, whatever screen is open.
 */
export function AttentionBanners() {
  const meetings = useBotsStore((s) => s.meetings);
  const hidden = useAttentionHide((s) => s.hidden);
  const attention = meetings.filter((m) => needsAttention(m.status));
  const now = useNow(attention.length > 0);
  const waiting = attention.filter((m) => bannerShown(hidden[keyOfTracked(m)], m.status, now));
  if (waiting.length === 0) return null;
  return (
    <div className="attention-banners">
      {waiting.map((meeting) => (
        <AttentionBanner key={keyOfTracked(meeting)} meeting={meeting} now={now} />
      ))}
    </div>
  );
}
