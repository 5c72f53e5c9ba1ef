import { create } from 'zustand';

// Admin comes last so the shortcuts of the others stay put; it shows only with an admin key stored.
export const screens = ['launch', 'live', 'library', 'settings', 'admin'] as const;
export type Screen = (typeof screens)[number];

interface NavigationStore {
  screen: Screen;
  go(screen: Screen): void;
}

export const useNavigationStore = create<NavigationStore>()((set) => ({
  screen: 'launch',
  go: (screen) => set({ screen }),
}));

/** The screens in the navigation: Admin only while an admin key is stored for the connected server. */
export function visibleScreens(admin: boolean): readonly Screen[] {
  return admin ? screens : screens.filter((s) => s !== 'admin');
}
