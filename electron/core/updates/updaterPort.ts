import type { UpdateProgress } from '../../../shared/ipc/updates';

/**
 * What the update service needs from an updater. The desktop app's adapter
 * (electron/main/shell/updater.ts) wraps electron-updater; the web harness and the tests pass
 * their own.
 */
export type CheckOutcome =
  | { kind: 'up-to-date'; latest: string }
  /** `notes` as the feed gives them (text, HTML, or one note per version); the service makes them plain text. */
  | { kind: 'found'; version: string; notes: unknown }
  /** The updater declined to look: this kind of installation cannot update itself. */
  | { kind: 'inactive' };

export interface Updater {
  /**
   * Why this build never updates itself, or null when it can: `development` for an unpackaged
   * run (`app.isPackaged` false), `unsupported` where no updater applies (the browser-served app).
   */
  readonly off: 'development' | 'unsupported' | null;
  readonly currentVersion: string;
  /** Whether a verified download installs when the app quits; otherwise only "Restart now" installs it. */
  readonly installsAtQuit: boolean;
  /** The feed built into the app, to show in Settings; null when there is none to name. */
  builtInFeed(): string | null;
  /** A generic feed to use from now on; null goes back to the built-in one. */
  setFeed(url: string | null): void;
  /** Asks the feed for its latest version; rejects with the updater's error. */
  check(): Promise<CheckOutcome>;
  /** Downloads the version the last check found and verifies it; rejects when it cannot. */
  download(onProgress: (progress: UpdateProgress) => void): Promise<void>;
  /** Whether a verified download installs when the app quits. */
  setInstallOnQuit(on: boolean): void;
  /** Quits the app and installs the verified download. */
  quitAndInstall(): void;
}

/** An updater for builds that never update themselves. */
export function inactiveUpdater(currentVersion: string, off: 'development' | 'unsupported'): Updater {
  const never = (): Promise<never> => Promise.reject(new Error('This build does not update itself.'));
  return {
    off,
    currentVersion,
    installsAtQuit: false,
    builtInFeed: () => null,
    setFeed: () => undefined,
    check: never,
    download: never,
    setInstallOnQuit: () => undefined,
    quitAndInstall: () => undefined,
  };
}
