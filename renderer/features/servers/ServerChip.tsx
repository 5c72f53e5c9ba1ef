import { Bidi } from '../../app/theme';
import { namesServers, serverChipText, serverColour } from './describe';
import { useServersStore } from './store';
import './servers.css';

/**
 * The server a meeting, bot or alert is on: a small chip in the server's colour, shown only once
 * the app knows more than one server. Screen readers hear "on Lab" inside the heading or row it
 * belongs to; the label is the server's (any script), isolated.
 */
export function ServerChip({ serverId, always = false }: { serverId: string; always?: boolean }) {
  const server = useServersStore((s) => s.servers.find((v) => v.id === serverId) ?? null);
  const named = useServersStore((s) => namesServers(s.servers));
  if (!server || (!named && !always)) return null;
  return (
    <span className="server-tag" data-server-colour={serverColour(server)} data-server-id={serverId}>
      <span className="sr-only">{` ${serverChipText(server.label)}`}</span>
      <span aria-hidden="true">
        <Bidi>{server.label}</Bidi>
      </span>
    </span>
  );
}

/** The name to say for a server in a button's label (" on Lab"), or nothing while one server is all the app knows. */
export function useServerSuffix(serverId: string): string {
  const label = useServersStore((s) => (namesServers(s.servers) ? (s.servers.find((v) => v.id === serverId)?.label ?? null) : null));
  return label ? ` ${serverChipText(label)}` : '';
}
