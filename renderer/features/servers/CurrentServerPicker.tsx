import { useState } from 'react';
import { Banner, SelectField } from '../../app/theme';
import { announce } from '../announcer/store';
import { setCurrentServer } from './actions';
import { sendingServers, serverStatusWords } from './describe';
import { useServersStore } from './store';
import './servers.css';

/**
 * Which server the screens of one server at a time (server details, API key, account, webhooks,
 * administration) act on, once more than one is connected. `what` names those screens.
 */
export function CurrentServerPicker({ what, className }: { what: string; className?: string }) {
  const servers = useServersStore((s) => s.servers);
  const currentServerId = useServersStore((s) => s.currentServerId);
  const [failure, setFailure] = useState<string | null>(null);
  if (sendingServers(servers).length < 2) return null;
  const choices = servers.filter((s) => s.status !== 'removed');
  const current = choices.find((s) => s.id === currentServerId) ?? null;
  const options = [
    ...(current ? [] : [{ value: '', label: 'Choose a server' }]),
    ...choices.map((s) => ({
      value: s.id,
      label: s.status === 'connected' || s.status === 'error' ? s.label : `${s.label} (${serverStatusWords[s.status].toLowerCase()})`,
    })),
  ];
  const pick = async (serverId: string) => {
    if (!serverId || serverId === currentServerId) return;
    setFailure(null);
    const result = await setCurrentServer(serverId);
    if (!result.ok) return setFailure(result.message);
    const label = choices.find((s) => s.id === serverId)?.label ?? 'the server';
    announce(`${what} now show ${label}.`);
  };
  return (
    <div className={className ? `server-picker ${className}` : 'server-picker'} role="group" aria-label="Server shown">
      <SelectField label="Server" options={options} value={current?.id ?? ''} onChange={(e) => void pick(e.target.value)} />
      <p className="server-picker-note muted">
        {what} below are for {current ? current.label : 'the server you choose'}.
      </p>
      {failure ? <Banner tone="error">{failure}</Banner> : null}
    </div>
  );
}
