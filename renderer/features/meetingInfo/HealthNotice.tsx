import { useState } from 'react';
import type { MeetingStatus } from '../../../shared/vexa/types';
import type { TrackedMeetingView } from '../../../shared/ipc/models';
import { Banner, Button, InlineError } from '../../app/theme';
import { ExternalIcon } from '../../app/theme/icons';
import { api } from '../../platform/api';
import { useBotsStore } from '../bots/store';
import { useNow } from '../../app/clock';
import { relativeTime } from '../library/describe';
import { healthView, reportAge } from './describe';

/** Opens the server's view of the bot's screen in the browser (the core checks it is on that server). */
function ScreenButton({ serverId, meetingId }: { serverId: string; meetingId: number }) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <Button
        size="sm"
        icon={<ExternalIcon />}
        onClick={() => void api.invoke('meetings:openHelp', { serverId, meetingId }).then((r) => setProblem(r.ok ? null : r.message))}
      >
        Open the bot’s screen
      </Button>
      {problem ? <InlineError>{problem}</InlineError> : null}
    </>
  );
}

/**
 * What the server says is wrong while a meeting runs (the bot needs help to get in, hears no audio,
 * the transcription engine is down), with what the person can do. Shown where the meeting is: its
 * tile, its live captions and its page.
 */
export function HealthNotice({
  meeting,
}: {
  meeting: Pick<TrackedMeetingView, 'status' | 'health' | 'help'> & Partial<Pick<TrackedMeetingView, 'serverId' | 'id'>>;
}) {
  const view = healthView(meeting);
  const now = useNow(view?.reportedAt != null);
  if (!view) return null;
  const age = reportAge(view.reportedAt, now, (at) => relativeTime(at, now));
  return (
    <div className="health-notice" data-testid="health-notice" data-kind={view.kind}>
      <Banner tone="warn" title={view.title}>
        <p>{view.advice}</p>
        {view.detail ? <p className="muted">The server says: {view.detail}</p> : null}
        {age ? <p className="muted">{age}</p> : null}
        {view.screen && meeting.serverId !== undefined && meeting.id !== undefined ? (
          <div className="health-actions">
            <ScreenButton serverId={meeting.serverId} meetingId={meeting.id} />
          </div>
        ) : null}
      </Banner>
    </div>
  );
}

/**
 * The notice on a library meeting's page: from the bot this app follows right now, else from the
 * status the library last saw (a bot stuck in the lobby still says so after the app restarts, even
 * where the server no longer lists it among running bots).
 */
export function FollowedHealthNotice({ serverId, meetingId, status }: { serverId: string; meetingId: number; status?: MeetingStatus }) {
  const meeting = useBotsStore((s) => s.meetings.find((m) => m.serverId === serverId && m.id === meetingId) ?? null);
  if (meeting) return <HealthNotice meeting={meeting} />;
  return status === 'needs_help' ? <HealthNotice meeting={{ status, health: null, help: null }} /> : null;
}
