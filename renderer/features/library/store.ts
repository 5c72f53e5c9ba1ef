import { create } from 'zustand';
import type { MeetingSummary } from '../../../shared/ipc/models';

interface LibraryStore {
  /** The server the list belongs to; a different server means the list is stale. */
  serverId: string | null;
  /** Null until a list arrived for `serverId`. */
  meetings: MeetingSummary[] | null;
  loading: boolean;
  error: string | null;
  started(serverId: string | null): void;
  finished(serverId: string | null, outcome: { meetings: MeetingSummary[] } | { error: string }): void;
}

export const useLibraryStore = create<LibraryStore>()((set, get) => ({
  serverId: null,
  meetings: null,
  loading: false,
  error: null,
  started: (serverId) =>
    set((s) => ({
      serverId,
      loading: true,
      error: null,
      // Keep the list on a refresh of the same server so it does not flash away.
      meetings: s.serverId === serverId ? s.meetings : null,
    })),
  finished: (serverId, outcome) => {
    // A server switch while the request was in flight makes this answer stale.
    if (get().serverId !== serverId) return;
    set('meetings' in outcome ? { loading: false, meetings: outcome.meetings } : { loading: false, error: outcome.error });
  },
}));
