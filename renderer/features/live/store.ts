import { create } from 'zustand';
import type { LiveStateView } from '../../../shared/ipc/models';

/** The state of the core's live connection to the server (fed by `live:state`). */
interface LiveStore {
  state: LiveStateView | null;
  setState(state: LiveStateView): void;
}

export const useLiveStore = create<LiveStore>()((set) => ({
  state: null,
  setState: (state) => set({ state }),
}));
