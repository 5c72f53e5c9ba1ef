import { useNow } from '../../app/clock';
import { Badge, Tooltip } from '../../app/theme';
import { useLiveStore } from './store';
import { liveIndicator } from './describe';
import './live.css';

/** The live connection's state in the top bar; focusable so its explanation is reachable by keyboard. */
export function LiveIndicator({ onOpenSettings }: { onOpenSettings(): void }) {
  const state = useLiveStore((s) => s.state);
  const ticking = state?.status === 'reconnecting' || state?.status === 'offline';
  const now = useNow(ticking);
  const view = liveIndicator(state, now);
  if (!view) return null;
  return (
    <Tooltip text={view.detail} placement="bottom-end">
      <button
        type="button"
        className="badge-button live-indicator"
        data-status={state?.status}
        aria-label={`Live updates: ${view.label}`}
        onClick={onOpenSettings}
      >
        <Badge tone={view.tone} dot>
          {view.label}
        </Badge>
      </button>
    </Tooltip>
  );
}
