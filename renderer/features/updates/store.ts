import { create } from 'zustand';
import type { UpdatesView } from '../../../shared/ipc/updates';

interface UpdatesStore {
  /** What the core's updater is doing; null until the first answer. */
  view: UpdatesView | null;
  setView(view: UpdatesView): void;
}

export const useUpdatesStore = create<UpdatesStore>()((set) => ({
  view: null,
  setView: (view) => set({ view }),
}));
