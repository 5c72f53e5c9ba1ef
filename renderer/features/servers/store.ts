import { create } from 'zustand';
import type { BotSlotsView, ServerConnectionView } from '../../../shared/ipc/models';

/**
 * Every server the app knows, in the person's order, and the current one (fed by `app:state`),
 * the free bot slots last read (`bots:slots`, fresher than the list between two pushes), and
 * how many meetings of the person's own servers the library holds (whether the app can open on
 * the library while no server is connected).
 */
interface ServersStore {
  servers: ServerConnectionView[];
  currentServerId: string | null;
  slots: Record<string, BotSlotsView>;
  /** Null until counted, and again once a server connects (the count is only needed without one). */
  libraryMeetings: number | null;
  /** The server whose key the reconnect dialog asks for, from wherever the person is; null when closed. */
  reconnecting: string | null;
  setServers(servers: ServerConnectionView[], currentServerId: string | null): void;
  setSlots(slots: readonly BotSlotsView[]): void;
  setLibraryMeetings(count: number | null): void;
  openReconnect(serverId: string | null): void;
}

export const useServersStore = create<ServersStore>()((set) => ({
  servers: [],
  currentServerId: null,
  slots: {},
  libraryMeetings: null,
  reconnecting: null,
  setServers: (servers, currentServerId) =>
    // The list carries each connected server's slots; a server that left takes its count with it.
    set({ servers, currentServerId, slots: Object.fromEntries(servers.flatMap((s) => (s.slots ? [[s.id, s.slots]] : []))) }),
  setSlots: (list) => set((s) => ({ slots: { ...s.slots, ...Object.fromEntries(list.map((slot) => [slot.serverId, slot])) } })),
  setLibraryMeetings: (libraryMeetings) => set({ libraryMeetings }),
  openReconnect: (reconnecting) => set({ reconnecting }),
}));
