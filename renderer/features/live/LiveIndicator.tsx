import { useId, useState } from 'react';
import { useNow } from '../../app/clock';
import { Badge, Bidi, Button, InlineError, Tooltip } from '../../app/theme';
import { liveSummary, liveSummaryDetail, type LiveSummary } from '../servers/describe';
import { useServersStore } from '../servers/store';
import { reconnectLive } from './actions';
import { useLiveStore } from './store';
import { liveIndicator } from './describe';
import './live.css';

/** One server's line under the summary, with its own "Reconnect now" while its connection is down. */
function ServerLine({ line }: { line: LiveSummary['lines'][number] }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const retry = async () => {
    setBusy(true);
    setFailure(await reconnectLive(line.serverId));
    setBusy(false);
  };
  return (
    <li className="live-server-line" data-server-id={line.serverId}>
      <span className="live-server-name break">
        <Bidi>{line.label}</Bidi>
      </span>
      <span className="live-server-state">{line.text}</span>
      {line.canReconnect ? (
        <Button size="sm" variant="ghost" busy={busy} onClick={() => void retry()} aria-label={`Reconnect now to ${line.label}`}>
          Reconnect now
        </Button>
      ) : null}
      {failure ? <InlineError>{failure}</InlineError> : null}
    </li>
  );
}

/** Several servers: how many are live, each one's state on hover and focus, and a list to retry each. */
function SummaryIndicator({ summary, onOpenSettings }: { summary: LiveSummary; onOpenSettings(): void }) {
  const id = useId();
  return (
    <>
      <Tooltip text={liveSummaryDetail(summary)} placement="bottom-end">
        <button
          type="button"
          className="badge-button live-indicator"
          data-status={summary.tone === 'success' ? 'connected' : 'partial'}
          aria-label={`Live updates: ${summary.label}`}
          popoverTarget={id}
        >
          <Badge tone={summary.tone} dot>
            {summary.label}
          </Badge>
        </button>
      </Tooltip>
      <div id={id} popover="auto" className="live-servers" role="dialog" aria-label="Live updates of each server">
        <ul className="live-server-lines">
          {summary.lines.map((line) => (
            <ServerLine key={line.serverId} line={line} />
          ))}
        </ul>
        <Button size="sm" variant="ghost" onClick={onOpenSettings}>
          Server settings
        </Button>
      </div>
    </>
  );
}

/**
 * The live connection's state in the top bar; focusable so its explanation is reachable by keyboard.
 * While the top bar says the server is offline, one server's indicator does not say it again (it
 * still counts down to the next attempt); several servers keep their summary, which speaks of each.
 */
export function LiveIndicator({ onOpenSettings, offline = false }: { onOpenSettings(): void; offline?: boolean }) {
  const state = useLiveStore((s) => s.state);
  const states = useLiveStore((s) => s.states);
  const servers = useServersStore((s) => s.servers);
  const ticking =
    state?.status === 'reconnecting' || state?.status === 'offline' || Object.values(states).some((s) => s.status === 'reconnecting');
  const now = useNow(ticking);
  const summary = liveSummary(servers, states, now);
  if (summary) return <SummaryIndicator summary={summary} onOpenSettings={onOpenSettings} />;
  const view = liveIndicator(state, now);
  // "Offline" is said once, by the top bar's offline badge; "Reconnecting in 3 s" beside it still adds something.
  if (!view || (offline && state?.status === 'offline')) return null;
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
