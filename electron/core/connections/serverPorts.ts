import { UserFacingError } from '../../../shared/ipc/dispatch';
import { IpcCodes } from '../../../shared/ipc/result';
import type { Connections } from './connections';
import type { ServerPort } from './serverConnection';
import { connectionViewOf } from './views';

/**
 * One server seen through `ServerPort`, looked up afresh on each call so a reconnect or a new key
 * is seen at once. `serverId` null: no server (nothing connected, no current server).
 */
export function serverPort(connections: Connections, serverId: string | null): ServerPort {
  const find = () => (serverId === null ? null : (connections.get(serverId) ?? null));
  return {
    get activeServer() {
      const c = find();
      return c?.live ? c.record : null;
    },
    view: () => connectionViewOf(find()),
    client: () => {
      const c = find();
      if (!c) throw new UserFacingError(IpcCodes.notConnected, 'Connect to a Vexa server first (or try the demo).');
      return c.client();
    },
    withActiveKey: (factory) => {
      const c = find();
      return c?.live ? c.withKey(factory) : null;
    },
    connect: async (url, apiKey, keyStorage) => {
      const current = connections.current?.id;
      const c = await connections.add(url, apiKey, keyStorage, { makeCurrent: current === undefined || current === serverId });
      return connectionViewOf(c);
    },
  };
}
