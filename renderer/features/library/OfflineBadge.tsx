import { Badge, Tooltip } from '../../app/theme';
import { useConnectionStore } from '../connection/store';
import { useLiveStore } from '../live/store';
import { useNavigationStore } from '../navigation/store';
import { offlineBadge } from './describe';
import { useLibraryStore } from './store';
import './library.css';

/** Says, in the top bar, that what the app shows now comes from this computer; opens the library. */
export function OfflineBadge() {
  const serverId = useConnectionStore((s) => s.view?.server?.id ?? null);
  const sync = useLibraryStore((s) => (serverId ? (s.sync[serverId] ?? null) : null));
  const live = useLiveStore((s) => s.state);
  const go = useNavigationStore((s) => s.go);
  const view = offlineBadge(sync, live);
  if (!view) return null;
  return (
    <Tooltip text={view.detail} placement="bottom-end">
      <button type="button" className="offline-badge" aria-label={`${view.label}. Open the library`} onClick={() => go('library')}>
        <Badge tone="warn" dot>
          {view.label}
        </Badge>
      </button>
    </Tooltip>
  );
}
