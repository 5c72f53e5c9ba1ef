import type { ConnectionView } from '../../shared/ipc/models';
import { connectionBadgeText } from '../features/connection/describe';
import '../features/connection/connection.css';
import { OfflineBadge, useOfflineView } from '../features/library/OfflineBadge';
import { LiveIndicator } from '../features/live/LiveIndicator';
import { useNavigationStore } from '../features/navigation/store';
import { Badge, type BadgeTone } from './theme';

const statusWords: Record<ConnectionView['status'], string> = {
  connected: 'connected',
  connecting: 'checking',
  error: 'has a problem',
  none: 'not connected',
};

function badgeTone(view: ConnectionView, offline: boolean): BadgeTone {
  if (view.status === 'error') return 'danger';
  if (view.status === 'connecting') return 'info';
  if (offline) return 'neutral';
  return view.server?.demo ? 'demo' : 'success';
}

export function TopBar({ title, connection }: { title: string; connection: ConnectionView }) {
  const go = useNavigationStore((s) => s.go);
  const server = connection.server;
  const offline = useOfflineView();
  return (
    <header className="topbar">
      <h1>{title}</h1>
      <div className="spacer" />
      {server ? <OfflineBadge view={offline} /> : null}
      {server ? <LiveIndicator onOpenSettings={() => go('settings')} offline={offline !== null} /> : null}
      {server ? (
        <button
          type="button"
          className="badge-button connection-badge"
          title={`${server.url}: open server settings`}
          aria-label={`${connectionBadgeText(server)}, ${offline && connection.status === 'connected' ? 'offline' : statusWords[connection.status]}. Open server settings`}
          onClick={() => go('settings')}
        >
          <Badge tone={badgeTone(connection, offline !== null)} dot>
            {connectionBadgeText(server)}
          </Badge>
        </button>
      ) : null}
    </header>
  );
}
