import type { HandlerTable } from '../../../shared/ipc/dispatch';
import type { Library } from '../cache';
import type { Connections } from '../connections/connections';
import type { Logger } from '../ports';
import { ParticipantStore } from './participantStore';
import { ParticipantsService } from './participantsService';

export function createParticipantHandlers(d: {
  library: Library;
  connections: Connections;
  logger: Logger;
}): Pick<HandlerTable, 'meetings:participants'> {
  const service = new ParticipantsService({
    meeting: (id) => d.library.meeting(id),
    client: (serverId) => {
      const c = d.connections.get(serverId);
      return c?.live ? c.client() : null;
    },
    store: new ParticipantStore(d.library.db),
    now: () => Date.now(),
    logger: d.logger,
  });
  return { 'meetings:participants': async ({ id }) => service.read(id) };
}
