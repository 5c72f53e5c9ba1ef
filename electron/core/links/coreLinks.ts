import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import type { HandlerTable } from '../../../shared/ipc/dispatch';
import type { Library } from '../cache';
import type { Connections } from '../connections/connections';
import type { Logger } from '../ports';
import { LinkInbox, type KnownServer } from './linkInbox';

export interface CoreLinkDeps {
  connections: Pick<Connections, 'list'>;
  library: Pick<Library, 'servers' | 'localId' | 'meeting'>;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  logger: Logger;
}

/**
 * The core's link inbox, fed by the servers the app knows (connected, disconnected or removed
 * with their meetings kept) and the library; and its one channel.
 */
export function createLinkInbox(d: CoreLinkDeps): { inbox: LinkInbox; handlers: Pick<HandlerTable, 'links:take'> } {
  const inbox = new LinkInbox({
    knownServers: async (): Promise<KnownServer[]> => {
      const listed = d.connections.list().map((c) => ({ id: c.id, label: c.label }));
      const cached = (await d.library.servers()).map((s) => ({ id: s.serverId, label: s.label }));
      return [...listed, ...cached.filter((s) => !listed.some((l) => l.id === s.id))];
    },
    libraryMeeting: async (serverId, remoteId) => {
      const id = await d.library.localId(serverId, remoteId);
      // A meeting deleted on this computer keeps its row (hidden), which the library no longer shows.
      return id !== null && (await d.library.meeting(id)) ? id : null;
    },
    announce: (count) => d.emit('links:waiting', { count }),
    logger: d.logger,
  });
  return { inbox, handlers: { 'links:take': async () => inbox.take() } };
}
