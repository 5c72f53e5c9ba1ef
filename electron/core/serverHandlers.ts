import type { ChannelName } from '../../shared/ipc/contract';
import { UserFacingError, type Handler } from '../../shared/ipc/dispatch';
import type { ServerConnectionView } from '../../shared/ipc/models';
import { IpcCodes } from '../../shared/ipc/result';
import type { Connections } from './connections/connections';
import { DEMO_SERVER_ID } from '../../shared/serverLabel';
import { connectionViewOf } from './connections/views';
import type { DemoService } from './demo';
import { normalizeServerUrl } from './serverUrl';

type ServerChannel =
  | 'servers:list'
  | 'servers:add'
  | 'servers:update'
  | 'servers:reorder'
  | 'servers:disconnect'
  | 'servers:remove'
  | 'servers:reenterKey'
  | 'servers:recheck'
  | 'servers:setCurrent'
  | 'connection:probe'
  | 'connection:connect'
  | 'connection:reenterKey'
  | 'connection:recheck'
  | 'connection:disconnect'
  | 'demo:start'
  | 'demo:stop';

export type ServerHandlerTable = { [C in ServerChannel & ChannelName]: Handler<C> };

export interface ServerHandlerDeps {
  connections: Connections;
  demo: DemoService;
  /** Every server as the window lists it. */
  views(): ServerConnectionView[];
  /** Once the demo is connected: plays its sample meeting (the first time only). */
  playDemoSample?(): Promise<void>;
}

/**
 * While the current server waits for its key, a key typed on the one-server screens goes to that
 * server only: a screen that names one server must never send its key to another. Choosing
 * another server first (`connection:disconnect`, `servers:setCurrent`) lifts this; `servers:add`
 * names its server itself.
 */
function refuseOtherServer(connections: Connections, url: string): void {
  const waiting = connections.current;
  if (!waiting || connectionViewOf(waiting).keyNeeded === null) return;
  let normalized: string;
  try {
    normalized = normalizeServerUrl(url).url;
  } catch {
    return; // The address itself is refused with its own sentence.
  }
  if (normalized === waiting.url) return;
  throw new UserFacingError(
    'other_server',
    `This key is asked for ${waiting.label}. To use another server, choose "Connect to another server" first.`,
  );
}

/** Adding, naming, ordering and leaving servers, and the one-server channels that act on the current one. */
export function createServerHandlers({ connections, demo, views, playDemoSample }: ServerHandlerDeps): ServerHandlerTable {
  const viewOf = (id: string): ServerConnectionView => {
    const v = views().find((s) => s.id === id);
    if (!v) throw new UserFacingError('not_found', 'The app does not know this server any more. Look at the list of servers again.');
    return v;
  };
  const current = () => connectionViewOf(connections.current);
  /** The demo ends: its simulator stops and its meetings leave this computer. */
  const endDemo = async (): Promise<void> => {
    await demo.stop();
    await connections.forgetDemo();
  };
  /** The one-server screens leave the demo when a real server is chosen, as they always did. */
  const leaveDemo = async (): Promise<void> => {
    if (demo.running || connections.get(DEMO_SERVER_ID)) await endDemo();
  };

  return {
    'servers:list': async () => views(),
    'servers:add': async ({ url, apiKey, keyStorage, label, colour, makeCurrent }) =>
      viewOf((await connections.add(url, apiKey, keyStorage, { label, colour, makeCurrent })).id),
    'servers:update': async ({ serverId, label, colour }) => viewOf((await connections.update(serverId, { label, colour })).id),
    'servers:reorder': async ({ ids }) => {
      await connections.reorder(ids);
      return views();
    },
    'servers:disconnect': async ({ serverId }) => {
      if (serverId === DEMO_SERVER_ID) {
        const before = viewOf(serverId);
        await endDemo();
        return { ...before, status: 'disconnected', key: null, slots: null };
      }
      return viewOf((await connections.disconnect(serverId)).id);
    },
    'servers:remove': async ({ serverId, keepMeetings }) => {
      connections.require(serverId);
      if (serverId === DEMO_SERVER_ID) await endDemo();
      else await connections.remove(serverId, keepMeetings);
      return views();
    },
    'servers:reenterKey': async ({ serverId, apiKey, keyStorage }) =>
      viewOf((await connections.reenterKey(serverId, apiKey, keyStorage)).id),
    'servers:recheck': async (input) => {
      const c = connections.resolve(input?.serverId ?? undefined);
      if (!c) throw new UserFacingError(IpcCodes.notConnected, 'There is no server to check. Connect to one first.');
      return viewOf((await connections.recheck(c.id)).id);
    },
    'servers:setCurrent': async ({ serverId }) => {
      connections.setCurrent(serverId);
      return current();
    },

    'connection:probe': async ({ url, apiKey, namedServer }) => {
      if (!namedServer) refuseOtherServer(connections, url);
      const { probe, insecure, url: base } = await connections.probe(url, apiKey);
      return {
        url: base,
        generation: probe.generation,
        capabilities: probe.capabilities,
        userEmail: probe.user?.email ?? null,
        insecure,
        warnings: probe.warnings,
      };
    },
    'connection:connect': async ({ url, apiKey, keyStorage }) => {
      refuseOtherServer(connections, url);
      await connections.add(url, apiKey, keyStorage, { makeCurrent: true });
      await leaveDemo();
      return current();
    },
    'connection:reenterKey': async ({ apiKey, keyStorage }) => {
      const waiting = connections.current;
      if (!waiting || connectionViewOf(waiting).keyNeeded === null)
        throw new UserFacingError('no_server', 'No server is waiting for its key any more. Enter the address of your server and its key.');
      await connections.reenterKey(waiting.id, apiKey, keyStorage, true);
      await leaveDemo();
      return current();
    },
    'connection:recheck': async () => {
      const c = connections.current;
      if (!c?.live) throw new UserFacingError(IpcCodes.notConnected, 'There is no server to check. Connect to one first.');
      await connections.recheck(c.id);
      return current();
    },
    'connection:disconnect': async () => {
      const c = connections.current;
      if (c?.demo) await endDemo();
      else if (c) await connections.disconnect(c.id);
      return current();
    },
    'demo:start': async (input) => {
      // The demo's simulator starts afresh each time; yesterday's demo meetings would only confuse.
      await connections.forgetDemo();
      const { url, apiKey } = await demo.start(input?.profile);
      try {
        await connections.add(url, apiKey, 'session', { demo: true, makeCurrent: true });
        await playDemoSample?.();
        return current();
      } catch (e) {
        await demo.stop();
        throw e;
      }
    },
    'demo:stop': async () => {
      await endDemo();
      return null;
    },
  };
}
