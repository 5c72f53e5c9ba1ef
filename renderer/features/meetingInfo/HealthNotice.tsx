import type { TrackedMeetingView } from '../../../shared/ipc/models';
import { Banner } from '../../app/theme';
import { useBotsStore } from '../bots/store';
import { healthView } from './describe';

/**
 * What the server says is wrong while a meeting runs (the bot needs help to get in, hears no audio,
 * the transcription engine is down), with what the person can do. Shown where the meeting is: its
 * tile, its live captions and its page.
 */
export function HealthNotice({ meeting }: { meeting: Pick<TrackedMeetingView, 'status' | 'health'> }) {
  const view = healthView(meeting);
  if (!view) return null;
  return (
    <div className="health-notice" data-testid="health-notice" data-kind={view.kind}>
      <Banner tone="warn" title={view.title}>
        <p>{view.advice}</p>
        {view.detail ? <p className="muted">The server says: {view.detail}</p> : null}
      </Banner>
    </div>
  );
}

/** The notice for a library meeting whose bot this app follows right now (its page). */
export function FollowedHealthNotice({ serverId, meetingId }: { serverId: string; meetingId: number }) {
  const meeting = useBotsStore((s) => s.meetings.find((m) => m.serverId === serverId && m.id === meetingId) ?? null);
  return meeting ? <HealthNotice meeting={meeting} /> : null;
}
