import { meetingKey } from '../../app/meetingKey';
import { Button, EmptyState } from '../../app/theme';
import { LiveIcon } from '../../app/theme/icons';
import { useBotsStore } from '../bots/store';
import { useNavigationStore } from '../navigation/store';
import { anyServerUp } from '../servers/describe';
import { NeedsServer } from '../servers/OfflineNotice';
import { useServersStore } from '../servers/store';
import { LiveMeetingView } from './LiveMeetingView';
import { LiveOverview } from './LiveOverview';
import { useLiveStore } from './store';
import './live.css';

export function LiveScreen() {
  const go = useNavigationStore((s) => s.go);
  const hasMeetings = useBotsStore((s) => s.meetings.length > 0);
  const selected = useLiveStore((s) => s.selected);
  const offline = useServersStore((s) => !anyServerUp(s.servers));
  if (selected !== null) return <LiveMeetingView key={meetingKey(selected.serverId, selected.meetingId)} meeting={selected} />;
  if (!hasMeetings && offline) return <NeedsServer what="Following a meeting live" />;
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
      <LiveOverview />
    </div>
  );
}
