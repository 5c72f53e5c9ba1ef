import { Button, EmptyState } from '../../app/theme';
import { LiveIcon } from '../../app/theme/icons';
import { MeetingsInFlight } from '../bots/MeetingsInFlight';
import { useBotsStore } from '../bots/store';
import { useNavigationStore } from '../navigation/store';
import './live.css';

export function LiveScreen() {
  const go = useNavigationStore((s) => s.go);
  const hasMeetings = useBotsStore((s) => s.meetings.length > 0);
  if (!hasMeetings) {
    return (
      <EmptyState
        icon={<LiveIcon size={22} />}
        title="No meeting is live"
        actions={<Button onClick={() => go('launch')}>Go to Launch</Button>}
      >
        Send a bot from Launch. While it is in a meeting, its live captions appear here.
      </EmptyState>
    );
  }
  return (
    <div className="screen-content">
      <MeetingsInFlight />
    </div>
  );
}
