import type { TrackedMeetingView } from '../../../shared/ipc/models';
import { useNow } from '../../app/clock';
import { keyOfTracked } from '../../app/meetingKey';
import { Button } from '../../app/theme';
import { BackIcon, StopIcon } from '../../app/theme/icons';
import { secondsLeft } from './describe';
import { requestStop, stopNow, undoStop, usePendingStops } from './stopLater';

/**
 * "Stop bot", then for a few seconds "Stopping in 4 s · Undo": the one place a bot is stopped
 * from a meeting card, the lobby banner or the live view.
 */
export function StopButton({
  meeting,
  busy,
  label = 'Stop bot',
  ariaLabel,
}: {
  meeting: Pick<TrackedMeetingView, 'serverId' | 'id' | 'name'>;
  busy: boolean;
  label?: string;
  ariaLabel?: string | undefined;
}) {
  const at = usePendingStops((s) => s.at[keyOfTracked(meeting)] ?? null);
  const now = useNow(at !== null);
  if (at !== null) {
    return (
      <span className="stop-pending row">
        <span className="muted" role="status">
          Stopping in {secondsLeft(at, now)} s
        </span>
        <Button size="sm" icon={<BackIcon />} onClick={() => undoStop(meeting)} aria-label={`Undo stopping the bot in ${meeting.name}`}>
          Undo
        </Button>
        <Button size="sm" variant="ghost" onClick={() => stopNow(meeting)} aria-label={`Stop the bot in ${meeting.name} now`}>
          Stop now
        </Button>
      </span>
    );
  }
  return (
    <Button size="sm" icon={<StopIcon />} busy={busy} onClick={() => requestStop(meeting)} aria-label={ariaLabel}>
      {busy ? 'Stopping…' : label}
    </Button>
  );
}
