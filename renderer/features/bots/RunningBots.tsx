import { useEffect, useId, useState } from 'react';
import { formatDateTime } from '../../app/format';
import { Badge, Banner, Bidi, Button, InlineError, PlatformMark, Spinner } from '../../app/theme';
import { ChevronIcon, RefreshIcon, StopIcon } from '../../app/theme/icons';
import { platformLabel } from '../library/describe';
import { namesServers, sendingServers } from '../servers/describe';
import { ServerChip } from '../servers/ServerChip';
import { useServersStore } from '../servers/store';
import { loadRunning, stopRunningBot } from './actions';
import { runningRows, runningSignature, type RunningRow } from './running';
import { runningOf, useBotsStore } from './store';
import './bots.css';

function RunningBotRow({ row: { bot, chip, ended, stoppable } }: { row: RunningRow }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const platform = platformLabel(bot.platform);
  const label = `${platform}${bot.nativeMeetingId ? ` ${bot.nativeMeetingId}` : ''}`;
  const stop = async () => {
    setBusy(true);
    setError(null);
    const failure = await stopRunningBot(bot);
    setBusy(false);
    setError(failure);
  };
  return (
    <li className="running-bot" aria-label={label}>
      <PlatformMark platform={bot.platform} />
      <div className="running-bot-main">
        <div>
          {platform}
          {bot.nativeMeetingId ? (
            <span className="mono muted">
              {' · '}
              <Bidi>{bot.nativeMeetingId}</Bidi>
            </span>
          ) : null}
        </div>
        {bot.createdAt ? <div className="muted running-bot-time">Sent {formatDateTime(bot.createdAt)}</div> : null}
        {ended ? <div className="muted">{ended}</div> : null}
        {error ? <InlineError>{error}</InlineError> : null}
      </div>
      <Badge tone={chip.tone}>{chip.label}</Badge>
      {!stoppable ? null : (
        <Button size="sm" icon={<StopIcon />} busy={busy} onClick={() => void stop()} aria-label={`Stop the bot in ${label}`}>
          {busy ? 'Stopping…' : 'Stop'}
        </Button>
      )}
    </li>
  );
}

/** One server's own list of running bots (`GET /bots/status`), including bots sent from elsewhere. */
export function RunningBotsList({ serverId }: { serverId: string }) {
  const { bots, loading, error } = useBotsStore((s) => runningOf(s.running, serverId));
  const label = useServersStore((s) => s.servers.find((v) => v.id === serverId)?.label ?? 'the server');
  const named = useServersStore((s) => namesServers(s.servers));
  const meetings = useBotsStore((s) => s.meetings);
  const signature = useBotsStore((s) => runningSignature(s.meetings, serverId));
  useEffect(() => {
    void loadRunning(serverId);
  }, [serverId, signature]);
  if (bots === null) {
    if (error) return <Banner tone="error">{error}</Banner>;
    return <Spinner label="Asking the server which bots are running…" />;
  }
  return (
    <div className="stack-sm">
      {error ? <Banner tone="error">{error}</Banner> : null}
      {bots.length === 0 ? (
        <p className="muted">No bot is running on {named ? label : 'the server'}.</p>
      ) : (
        <ul className="running-bots" aria-label={named ? `Bots running on ${label}` : 'Bots running on the server'}>
          {runningRows(bots, meetings).map((row, index) => (
            <RunningBotRow key={row.bot.meetingId ?? `${row.bot.platform}:${row.bot.nativeMeetingId ?? index}`} row={row} />
          ))}
        </ul>
      )}
      <div className="row">
        <Button size="sm" variant="ghost" icon={<RefreshIcon />} busy={loading} onClick={() => void loadRunning(serverId)}>
          Refresh
        </Button>
      </div>
    </div>
  );
}

/** Every connected server's list, each under its name once there is more than one. */
function RunningOnEachServer() {
  const servers = useServersStore((s) => s.servers);
  const sending = sendingServers(servers);
  if (sending.length === 0) return <p className="muted">No server is connected.</p>;
  if (sending.length === 1) return <RunningBotsList serverId={sending[0]!.id} />;
  return (
    <div className="stack">
      {sending.map((server) => (
        <section key={server.id} className="stack-sm" aria-label={`Running on ${server.label}`}>
          <h3 className="running-server-heading">
            <ServerChip serverId={server.id} always />
          </h3>
          <RunningBotsList serverId={server.id} />
        </section>
      ))}
    </div>
  );
}

/** "Running on the server": collapsed until asked for, so opening Launch costs no request. */
export function RunningBotsPanel({ open, onToggle }: { open: boolean; onToggle(open: boolean): void }) {
  const bodyId = useId();
  const several = useServersStore((s) => sendingServers(s.servers).length > 1);
  return (
    <section className="disclosure" data-open={open}>
      <h2 className="disclosure-heading">
        <button type="button" className="disclosure-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => onToggle(!open)}>
          <ChevronIcon size={14} className="disclosure-chevron" />
          {several ? 'Running on your servers' : 'Running on the server'}
        </button>
      </h2>
      {open ? (
        <div id={bodyId} className="disclosure-body">
          <RunningOnEachServer />
        </div>
      ) : null}
    </section>
  );
}
