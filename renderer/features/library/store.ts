import { create } from 'zustand';
import type { MeetingSummary } from '../../../shared/ipc/models';

type LibraryState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; meetings: MeetingSummary[] }
  | { status: 'error'; message: string };

interface LibraryStore {
  state: LibraryState;
  /** The server the list belongs to; a different server means the list is stale. */
  serverId: string | null;
  setState(state: LibraryState, serverId: string | null): void;
}

export const useLibraryStore = create<LibraryStore>()((set) => ({
  state: { status: 'idle' },
  serverId: null,
  setState: (state, serverId) => set({ state, serverId }),
}));
