import { Badge, Tooltip } from '../../app/theme';
import { useConnectionStore } from '../connection/store';
import { useLiveStore } from '../live/store';
import { useNavigationStore } from '../navigation/store';
import { offlineBadge, type OfflineBadgeView } from './describe';
import { useLibraryStore } from './store';
import './library.css';

/** Whether the connected server is offline, as the top bar says it: null while it is reachable. */
export function useOfflineView(): OfflineBadgeView | null {
  const serverId = useConnectionStore((s) => s.view?.server?.id ?? null);
  const sync = useLibraryStore((s) => (serverId ? (s.sync[serverId] ?? null) : null));
  const live = useLiveStore((s) => s.state);
  return offlineBadge(sync, live);
}

/** Says, in the top bar, that what the app shows now comes from this computer; opens the library. */
export function OfflineBadge({ view }: { view: OfflineBadgeView | null }) {
  const go = useNavigationStore((s) => s.go);
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
