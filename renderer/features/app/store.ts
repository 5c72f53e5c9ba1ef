import { create } from 'zustand';
import type { AppState } from '../../../shared/ipc/models';

/** Facts about the running app (version, paths, key storage) and the link to the core. */

export type CoreLink = 'connecting' | 'open' | 'lost' | 'refused' | 'no-token';
export type AppInfo = Pick<AppState, 'version' | 'os' | 'transport' | 'paths' | 'secureStorage' | 'cacheNotice' | 'storage'>;

interface AppStore {
  link: CoreLink;
  /** Null until the core's first state arrives. */
  info: AppInfo | null;
  /** The storage notice the person dismissed in this window (see renderer/app/storageNotice.ts). */
  dismissedStorage: string | null;
  setLink(link: CoreLink): void;
  setInfo(info: AppInfo): void;
  dismissStorage(key: string): void;
}

export const useAppStore = create<AppStore>()((set) => ({
  link: 'connecting',
  info: null,
  dismissedStorage: null,
  setLink: (link) => set({ link }),
  setInfo: (info) => set({ info }),
  dismissStorage: (key) => set({ dismissedStorage: key }),
}));
