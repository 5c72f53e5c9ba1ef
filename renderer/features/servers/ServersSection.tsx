import { useEffect, useRef, useState } from 'react';
import type { ServerConnectionView } from '../../../shared/ipc/models';
import { Banner, Button, Card } from '../../app/theme';
import { announce } from '../announcer/store';
import { reorderServers } from './actions';
import { moveServer } from './describe';
import { AddServerDialog, DisconnectDialog, RemoveServerDialog } from './ServerDialogs';
import { ServerRow } from './ServerRow';
import { useServersStore } from './store';
import './servers.css';

/**
 * Every server the app knows, in the person's order: add, name, colour, reorder, disconnect,
 * remove, and the key of one that waits for it. Moving a server keeps focus on the button that
 * moved it (the row is re-inserted in the list, which would otherwise drop focus).
 */
export function ServersSection() {
  const servers = useServersStore((s) => s.servers);
  const [adding, setAdding] = useState(false);
  const [disconnecting, setDisconnecting] = useState<ServerConnectionView | null>(null);
  const [removing, setRemoving] = useState<ServerConnectionView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const refocus = useRef<{ id: string; dir: 'up' | 'down' } | null>(null);

  useEffect(() => {
    const want = refocus.current;
    const list = listRef.current;
    if (!want || !list) return;
    const row = Array.from(list.querySelectorAll<HTMLElement>('[data-server-id]')).find((el) => el.dataset.serverId === want.id);
    const button = row?.querySelector<HTMLButtonElement>(`[data-move="${want.dir}"]`);
    button?.focus();
    refocus.current = null;
  }, [servers]);

  const move = async (server: ServerConnectionView, by: -1 | 1) => {
    const ids = servers.map((s) => s.id);
    const next = moveServer(ids, server.id, by);
    if (next.join('\n') === ids.join('\n')) return;
    setFailure(null);
    refocus.current = { id: server.id, dir: by === -1 ? 'up' : 'down' };
    const result = await reorderServers(next);
    if (!result.ok) {
      refocus.current = null;
      return setFailure(result.message);
    }
    useServersStore.getState().setServers(result.value, useServersStore.getState().currentServerId);
    announce(`${server.label} moved to place ${next.indexOf(server.id) + 1} of ${next.length}.`);
  };

  return (
    <Card
      title="Servers"
      description="Meetings, live captions and alerts name their server once there is more than one. The first server in the list is offered first."
      actions={
        <Button size="sm" variant="primary" onClick={() => setAdding(true)}>
          Add a server
        </Button>
      }
    >
      {failure ? <Banner tone="error">{failure}</Banner> : null}
      {servers.length === 0 ? (
        <p className="muted">No server yet. Add one to send bots and keep its meetings on this computer.</p>
      ) : (
        <ol ref={listRef} className="server-rows" aria-label="Servers">
          {servers.map((server, index) => (
            <ServerRow
              key={server.id}
              server={server}
              first={index === 0}
              last={index === servers.length - 1}
              onMove={(by) => void move(server, by)}
              onDisconnect={() => setDisconnecting(server)}
              onRemove={() => setRemoving(server)}
            />
          ))}
        </ol>
      )}
      <AddServerDialog open={adding} onClose={() => setAdding(false)} />
      <DisconnectDialog server={disconnecting} onClose={() => setDisconnecting(null)} />
      <RemoveServerDialog server={removing} onClose={() => setRemoving(null)} />
    </Card>
  );
}
