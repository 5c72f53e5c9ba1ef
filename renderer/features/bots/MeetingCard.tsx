import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { TrackedMeetingView } from '../../../shared/ipc/models';
import { Badge, Banner, Bidi, Button, InlineError, PlatformMark, Spinner } from '../../app/theme';
import { CrossIcon, ExternalIcon, LiveIcon } from '../../app/theme/icons';
import { hasBeenLive } from '../captions/describe';
import { showLiveCaptions } from '../live/actions';
import { platformLabel } from '../library/describe';
import { dismissMeeting, openMeeting, stopMeeting } from './actions';
import { StopButton } from './StopButton';
import {
  canStop,
  elapsedWords,
  formatElapsed,
  historySteps,
  isFinished,
  isoDuration,
  isSlowToJoin,
  joiningFor,
  meetingChip,
  outcomeTone,
  timeInStatus,
} from './describe';
import { keyOfTracked, sameMeeting } from '../../app/meetingKey';
import { ServerChip, useServerSuffix } from '../servers/ServerChip';
import { useBotsStore } from './store';
import { HealthNotice } from '../meetingInfo/HealthNotice';

const HISTORY_SHOWN = 6;

function Elapsed({ ms, prefix = '' }: { ms: number; prefix?: string }) {
  return (
    <time className="elapsed" dateTime={isoDuration(ms)}>
      <span aria-hidden="true">{formatElapsed(ms)}</span>
      <span className="sr-only">
        {prefix}
        {elapsedWords(ms)}
      </span>
    </time>
  );
}

function History({ meeting, now }: { meeting: TrackedMeetingView; now: number }) {
  const steps = historySteps(meeting, now);
  if (steps.length < 2) return null;
  const shown = steps.slice(-HISTORY_SHOWN);
  return (
    <ol className="meeting-history" aria-label="Status history">
      {steps.length > shown.length ? <li className="meeting-history-more">…</li> : null}
      {shown.map((step, index) => (
        <li key={`${step.status}-${index}`} data-current={step.current || undefined}>
          <span>{step.label}</span>
          {step.durationMs !== null ? <Elapsed ms={step.durationMs} prefix=", " /> : null}
        </li>
      ))}
    </ol>
  );
}

/** The platform and meeting id, unless the name already says them (the core names a meeting "Google Meet · abc-defg-hij"). */
function cardMeta(meeting: TrackedMeetingView, platform: string): ReactNode {
  const showPlatform = !meeting.name.includes(platform);
  const showId = meeting.nativeId !== '' && !meeting.name.includes(meeting.nativeId);
  if (!showPlatform && !showId) return null;
  return (
    <>
      {showPlatform ? platform : null}
      {showPlatform && showId ? ' · ' : null}
      {showId ? <span className="mono token">{meeting.nativeId}</span> : null}
    </>
  );
}

/** Brings the card into view and focus when a notification, the tray or a "Show it" asks for it. */
function useFocusRequest(meeting: TrackedMeetingView) {
  const ref = useRef<HTMLElement>(null);
  const focus = useBotsStore((s) => (sameMeeting(s.focus, { serverId: meeting.serverId, meetingId: meeting.id }) ? s.focus : null));
  useEffect(() => {
    const el = ref.current;
    if (!focus || !el) return;
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    el.focus({ preventScroll: true });
    el.dataset.highlight = 'true';
    const clear = window.setTimeout(() => delete el.dataset.highlight, 2400);
    useBotsStore.getState().clearFocus(focus.seq);
    return () => window.clearTimeout(clear);
  }, [focus]);
  return ref;
}

export function MeetingCard({ meeting, now }: { meeting: TrackedMeetingView; now: number }) {
  const titleId = useId();
  const ref = useFocusRequest(meeting);
  const key = keyOfTracked(meeting);
  const busy = useBotsStore((s) => s.busy[key] ?? null);
  const error = useBotsStore((s) => s.errors[key] ?? null);
  const where = useServerSuffix(meeting.serverId);
  const chip = meetingChip(meeting);
  const finished = isFinished(meeting.status);
  const stoppable = canStop(meeting.status);
  const slow = isSlowToJoin(meeting, now);
  const platform = platformLabel(meeting.platform);
  const meta = cardMeta(meeting, platform);
  const stop = () => void stopMeeting(meeting);

  return (
    <article
      ref={ref}
      className="meeting-card"
      tabIndex={-1}
      aria-labelledby={titleId}
      data-meeting-id={meeting.id}
      data-server-id={meeting.serverId}
      data-status={meeting.status}
    >
      <PlatformMark platform={meeting.platform} />
      <div className="meeting-card-body">
        <div className="meeting-card-head">
          <div className="meeting-card-titles">
            <h3 id={titleId} className="break">
              <Bidi>{meeting.name}</Bidi>
              <ServerChip serverId={meeting.serverId} />
            </h3>
            {meta ? <div className="muted meeting-card-meta">{meta}</div> : null}
          </div>
          <div className="meeting-card-status">
            <Badge tone={chip.tone} dot={!finished}>
              {chip.label}
            </Badge>
            {finished ? null : <Elapsed ms={timeInStatus(meeting, now)} prefix="for " />}
          </div>
        </div>

        {slow ? (
          <Banner
            tone="warn"
            actions={
              <Button size="sm" busy={busy === 'stop'} onClick={stop}>
                Cancel
              </Button>
            }
          >
            The bot is taking longer than usual to join ({formatElapsed(joiningFor(meeting, now) ?? 0)}). You can wait or cancel it.
          </Banner>
        ) : null}

        <HealthNotice meeting={meeting} />

        {finished && meeting.outcome ? (
          <p className="meeting-outcome" data-tone={outcomeTone(meeting)}>
            {meeting.outcome}
          </p>
        ) : null}

        {error ? <InlineError>{error}</InlineError> : null}

        <div className="meeting-card-footer">
          <History meeting={meeting} now={now} />
          <div className="meeting-card-actions">
            {hasBeenLive(meeting) ? (
              <Button
                size="sm"
                variant="ghost"
                icon={<LiveIcon />}
                onClick={() => showLiveCaptions({ serverId: meeting.serverId, meetingId: meeting.id })}
                aria-label={where ? `Open live captions of ${meeting.name}${where}` : undefined}
              >
                Open live captions
              </Button>
            ) : null}
            {!finished && meeting.meetingUrl ? (
              <Button
                size="sm"
                variant="ghost"
                icon={<ExternalIcon />}
                busy={busy === 'open'}
                onClick={() => void openMeeting(meeting)}
                aria-label={where ? `Open meeting ${meeting.name}${where}` : undefined}
              >
                Open meeting
              </Button>
            ) : null}
            {meeting.status === 'stopping' ? <Spinner label="Stopping…" /> : null}
            {stoppable && !slow ? (
              <StopButton meeting={meeting} busy={busy === 'stop'} label="Stop" ariaLabel={`Stop the bot in ${meeting.name}${where}`} />
            ) : null}
            {finished ? (
              <Button
                size="sm"
                variant="ghost"
                icon={<CrossIcon />}
                busy={busy === 'dismiss'}
                onClick={() => void dismissMeeting(meeting)}
                aria-label={`Dismiss ${meeting.name}${where}`}
              >
                Dismiss
              </Button>
            ) : null}
          </div>
        </div>
      </div>
    </article>
  );
}
