import { create } from 'zustand';
import type { ConnectionView } from '../../../shared/ipc/models';

interface ConnectionStore {
  /** Null until the core's first state arrives. */
  view: ConnectionView | null;
  setView(view: ConnectionView): void;
}

export const useConnectionStore = create<ConnectionStore>()((set) => ({
  view: null,
  setView: (view) => set({ view }),
}));
