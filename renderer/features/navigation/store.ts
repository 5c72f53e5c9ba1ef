import { create } from 'zustand';

export const screens = ['launch', 'live', 'library', 'settings'] as const;
export type Screen = (typeof screens)[number];

interface NavigationStore {
  screen: Screen;
  go(screen: Screen): void;
}

export const useNavigationStore = create<NavigationStore>()((set) => ({
  screen: 'launch',
  go: (screen) => set({ screen }),
}));
