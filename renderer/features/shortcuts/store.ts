import { create } from 'zustand';
import type { ShortcutsView } from '../../../shared/ipc/shortcuts';

/** The global shortcuts as the core registered them (`shortcuts:get`, then `shortcuts:changed`). */
interface ShortcutsStore {
  view: ShortcutsView | null;
  setView(view: ShortcutsView): void;
}

export const useShortcutsStore = create<ShortcutsStore>()((set) => ({
  view: null,
  setView: (view) => set({ view }),
}));
