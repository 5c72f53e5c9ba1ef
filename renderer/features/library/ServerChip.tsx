import { Bidi } from '../../app/theme';
import { serverColour as pickedColour } from '../servers/describe';
import { useServersStore } from '../servers/store';
import { namesServers, serverChipText, serverColour } from './servers';
import { useLibraryStore } from './store';
import '../servers/servers.css';
import './serverChip.css';

/**
 * The server a meeting is on, as a small coloured chip, shown only while the library holds meetings
 * of more than one server (`always`: wherever the server is worth naming anyway). Screen readers
 * hear "on Lab" within the row or result it belongs to; the name is the server's (any script).
 * A server the app knows is drawn in the colour the person picked for it (as on live cards and in
 * Settings); one it no longer knows (removed, meetings kept) in the library's own palette.
 */
export function ServerChip({ serverId, label, always = false }: { serverId: string; label: string; always?: boolean }) {
  const servers = useLibraryStore((s) => s.servers);
  const known = useServersStore((s) => s.servers.find((v) => v.id === serverId) ?? null);
  if (!always && !namesServers(servers)) return null;
  return (
    <span
      className="server-chip"
      data-server-colour={known ? pickedColour(known) : serverColour(serverId, servers)}
      data-server-id={serverId}
    >
      <span className="sr-only">{serverChipText(label)}</span>
      <span aria-hidden="true">
        <Bidi>{label}</Bidi>
      </span>
    </span>
  );
}
