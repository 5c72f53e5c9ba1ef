import { create } from 'zustand';

/** A `vexa://` link the core refused: said above every screen until dismissed or replaced by the next. */
export interface LinkNotice {
  message: string;
  /** Bumped per refusal, so the same sentence twice is announced twice. */
  seq: number;
}

interface LinksStore {
  notice: LinkNotice | null;
  refused(message: string): void;
  dismiss(): void;
}

export const useLinksStore = create<LinksStore>()((set) => ({
  notice: null,
  refused: (message) => set((s) => ({ notice: { message, seq: (s.notice?.seq ?? 0) + 1 } })),
  dismiss: () => set({ notice: null }),
}));
