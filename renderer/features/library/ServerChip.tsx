import { Bidi } from '../../app/theme';
import { namesServers, serverChipText, serverColour } from './servers';
import { useLibraryStore } from './store';
import './serverChip.css';

/**
 * The server a meeting is on, as a small coloured chip, shown only while the library holds meetings
 * of more than one server (`always`: wherever the server is worth naming anyway). Screen readers
 * hear "on Lab" within the row or result it belongs to; the name is the server's (any script).
 */
export function ServerChip({ serverId, label, always = false }: { serverId: string; label: string; always?: boolean }) {
  const servers = useLibraryStore((s) => s.servers);
  if (!always && !namesServers(servers)) return null;
  return (
    <span className="server-chip" data-server-colour={serverColour(serverId, servers)} data-server-id={serverId}>
      <span className="sr-only">{serverChipText(label)}</span>
      <span aria-hidden="true">
        <Bidi>{label}</Bidi>
      </span>
    </span>
  );
}
