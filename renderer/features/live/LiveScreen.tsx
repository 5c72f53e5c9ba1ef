import { Button, EmptyState } from '../../app/theme';
import { LiveIcon } from '../../app/theme/icons';
import { useNavigationStore } from '../navigation/store';

export function LiveScreen() {
  const go = useNavigationStore((s) => s.go);
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
