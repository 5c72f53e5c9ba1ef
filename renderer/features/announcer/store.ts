import { create } from 'zustand';

/**
 * Feeds the app's single aria-live region. The counter makes a repeated message a new
 * announcement (screen readers ignore an unchanged live region).
 */
interface AnnouncerStore {
  message: string;
  seq: number;
  announce(message: string): void;
}

export const useAnnouncerStore = create<AnnouncerStore>()((set) => ({
  message: '',
  seq: 0,
  announce: (message) => set((s) => ({ message, seq: s.seq + 1 })),
}));

export const announce = (message: string) => useAnnouncerStore.getState().announce(message);
