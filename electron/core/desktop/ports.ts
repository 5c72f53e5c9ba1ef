/**
 * Desktop ports of the core beyond `../ports.ts`: the OS's login items and the app icon's badge
 * and attention request. The Electron adapters live in electron/main/shell/ (loginItem.ts,
 * attention.ts); the web harness and the tests implement them without Electron.
 */

/** What the OS says about starting the app at login (see `LoginItemStatus` in shared/ipc/desktop.ts). */
export interface LoginItemReading {
  status: 'on' | 'off' | 'needs-approval' | 'disabled-by-user' | 'unavailable';
  /** Why, for `unavailable` (a development build, a package without a fixed path); null otherwise. */
  reason: string | null;
}

export interface LoginItems {
  read(): Promise<LoginItemReading>;
  /** Registers (or removes) the app as started at login, hidden in the tray; rejects when the OS refuses. */
  set(enabled: boolean): Promise<void>;
}

/** Where starting at login is not possible at all (the browser-served app, a core without an adapter). */
export function unavailableLoginItems(reason: string): LoginItems {
  return {
    read: async () => ({ status: 'unavailable', reason }),
    set: async () => {
      throw new Error(reason);
    },
  };
}

/**
 * The app icon's badge and attention request. The core says how many bots wait in the lobby and
 * when a lobby alert deserves attention (Do Not Disturb already respected); the adapter knows the
 * platform and whether the window has the focus.
 */
export interface Attention {
  /** Bots waiting in the lobby across every server; 0 clears the badge. */
  setLobbyCount(count: number): void;
  /** A bot has just entered a lobby: ask the OS to draw the eye unless the app is in front. */
  requestAttention(): void;
}
