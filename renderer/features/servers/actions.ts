import type { ServerColour, ServerConnectionView } from '../../../shared/ipc/models';
import { api } from '../../platform/api';
import { useServersStore } from './store';

/**
 * Intents for several servers at once (`shared/ipc/servers.ts`). The core pushes the new list in
 * `app:state` (`servers`, `currentServerId`) after each, so a screen can simply follow that.
 */

export type KeyStorageChoice = 'auto' | 'session' | 'plaintext';

export const listServers = () => api.invoke('servers:list');

export const addServer = (input: {
  url: string;
  apiKey: string;
  keyStorage: KeyStorageChoice;
  label?: string;
  colour?: ServerColour;
  makeCurrent?: boolean;
}) => api.invoke('servers:add', input);

/** A label of the person's and a colour; null goes back to none. */
export const updateServer = (serverId: string, patch: { label?: string | null; colour?: ServerColour | null }) =>
  api.invoke('servers:update', { serverId, ...patch });

export const reorderServers = (ids: string[]) => api.invoke('servers:reorder', { ids });

export const disconnectServerById = (serverId: string) => api.invoke('servers:disconnect', { serverId });

export const removeServer = (serverId: string, keepMeetings: boolean) => api.invoke('servers:remove', { serverId, keepMeetings });

/** The key goes to this server's address only. */
export const reenterServerKey = (serverId: string, apiKey: string, keyStorage: KeyStorageChoice) =>
  api.invoke('servers:reenterKey', { serverId, apiKey, keyStorage });

export const recheckServerById = (serverId: string) => api.invoke('servers:recheck', { serverId });

export const setCurrentServer = (serverId: string) => api.invoke('servers:setCurrent', { serverId });

/** Free bot slots of one server, or of every connected one. */
export const botSlots = (serverId?: string) => api.invoke('bots:slots', serverId ? { serverId } : {});

/** The server Launch offers for a link, and why. */
export const launchTarget = (link: string) => api.invoke('bots:launchTarget', { link });

export const stopDemo = () => api.invoke('demo:stop');

/**
 * "Reconnect" for one server, from wherever the person is: a server without its key asks for it
 * (the dialog sends it to that server only); one that holds its key is checked again and its
 * live connection retried at once. Returns a sentence when that failed.
 */
export async function reconnectServer(server: Pick<ServerConnectionView, 'id' | 'status'>): Promise<string | null> {
  if (server.status === 'key_needed' || server.status === 'disconnected') {
    useServersStore.getState().openReconnect(server.id);
    return null;
  }
  const checked = await recheckServerById(server.id);
  if (!checked.ok) return checked.message;
  const live = await api.invoke('live:reconnectNow', { serverId: server.id });
  return live.ok ? null : live.message;
}
