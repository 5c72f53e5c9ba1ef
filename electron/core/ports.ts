/**
 * The core talks to the desktop only through these ports. The Electron adapters live in
 * electron/main/shell/; the web harness and the tests implement them without Electron.
 */

export type SecretMode = 'secure' | 'session' | 'plaintext';

export interface SecretStoreStatus {
  /** True when secrets can be encrypted by the OS (Keychain, DPAPI, libsecret/kwallet). */
  secure: boolean;
  /** The backend in use, e.g. "keychain", "dpapi", "gnome_libsecret", "basic_text", "memory". */
  backend: string;
  /** Why secure storage is unavailable, in words for the user; null when it is available. */
  reason: string | null;
}

export interface SecretStore {
  status(): SecretStoreStatus;
  get(account: string): Promise<string | null>;
  /**
   * `secure` fails with a `secure_storage_unavailable` error when the OS cannot encrypt;
   * `session` keeps the secret in memory for this run only; `plaintext` writes it unencrypted
   * and is only passed after the user accepted an explicit warning.
   */
  set(account: string, secret: string, mode: SecretMode): Promise<'keychain' | 'session' | 'plaintext'>;
  delete(account: string): Promise<void>;
  /** Where persisted secrets live, for the settings screen. */
  location(): string;
}

export interface NotificationRequest {
  id: string;
  /** The server and meeting an alert is about; absent for the app's own notices. */
  serverId?: string;
  meetingId?: number;
  title: string;
  body: string;
  /** The caption line a click opens (a watch word's alert), for notifiers that cannot call `onClick` (the browser's). */
  lineKey?: string;
  /**
   * A button doing what a click does, where the OS shows buttons (macOS). Elsewhere the click
   * alone does it, so a notification never offers anything a click does not.
   */
  action?: string;
  /** Called when the user clicks the notification (or its `action` button). */
  onClick?: () => void;
}

export interface Notifier {
  notify(request: NotificationRequest): void;
}

export type TrayState = 'idle' | 'active' | 'attention';

export interface TrayMenuItem {
  /** A line between groups of items; its label is ignored. */
  separator?: boolean;
  label: string;
  enabled?: boolean;
  onClick?: () => void;
  /**
   * The item shows something in the main window, so the window comes to the front first: after
   * closing to the tray it is hidden, and the click would otherwise change a page nobody sees.
   */
  opensWindow?: boolean;
}

export interface TrayView {
  update(state: TrayState, tooltip: string, items: TrayMenuItem[]): void;
  /**
   * Moments just before the menu may open (the pointer reaches the icon), or a steady pace where
   * the OS gives none: the core reads the clipboard then, so the menu offers the link it holds.
   */
  onWillOpen?(listener: () => void): void;
}

export interface SaveDialogRequest {
  defaultName: string;
  filters: Array<{ name: string; extensions: string[] }>;
}

export interface Dialogs {
  /** False where there is no native save dialog (the browser-served app): files go out as downloads. */
  readonly canSave: boolean;
  /** Returns the chosen path, or null when the user cancelled. */
  saveFile(request: SaveDialogRequest): Promise<string | null>;
}

/** Asynchronous, as Electron 45's clipboard is. */
export interface Clipboard {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
}

export interface ExternalOpener {
  /** Opens a URL that already passed the allowlist in the default browser. */
  openUrl(url: string): Promise<void>;
  /** Opens a folder of the app's own (data, logs) in the file manager. */
  openFolder(path: string): Promise<void>;
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): { cancel(): void };
}

/**
 * The caption overlay: a compact always-on-top window in the desktop app; the web harness has no
 * windows of its own and answers `panel`, so the page shows the overlay inside itself.
 */
export interface OverlayWindows {
  /** Opens (or retargets) the overlay for one meeting of one server. */
  open(meetingId: number, serverId: string): Promise<'window' | 'panel'>;
  close(): Promise<void>;
  /** The overlay page asks for a size (its text size changed); a panel has nothing to resize. */
  resize(size: { width: number; height: number }): Promise<void>;
  /** Whether the overlay shows now (its window may have been closed by the person); the overlay shortcut asks. */
  isOpen?(): boolean;
}

export interface AppPaths {
  /** Folder for settings, the cache database and persisted (encrypted) keys. */
  data: string;
  logs: string;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** Registers a value that must never be written; occurrences print as [hidden]. */
  addSecret(value: string): void;
  /** Replaces every registered secret in a text; used on errors before they leave the core. */
  redact(text: string): string;
  close(): Promise<void>;
}

/** Moments when a waiting reconnect should happen now instead of after its backoff. */
export interface SystemEvents {
  /** The computer woke up or the network came back; returns an unsubscribe function. */
  onWake(listener: () => void): () => void;
}

export const noSystemEvents: SystemEvents = { onWake: () => () => {} };

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    return { cancel: () => clearTimeout(t) };
  },
};

/**
 * OS-level string encryption (Electron's safeStorage behind an adapter). The core's file-backed
 * SecretStore uses it to keep keys encrypted at rest. Encryption is asynchronous because the OS
 * keyring may be slow to answer (a locked keyring prompts the user) and must not block the app.
 */
export interface KeyCipher {
  /** "keychain" (macOS), "dpapi" (Windows), "gnome_libsecret", "kwallet5", "basic_text", ... */
  backend(): string;
  /**
   * Asks the OS whether it can encrypt and remembers the answer, so that `isAvailable` and
   * `unavailableReason` can answer synchronously for `SecretStore.status()`. Call once after the
   * app is ready and before the first status is shown; calling again asks again (a keyring may
   * have been unlocked since). Never rejects: an OS that cannot answer counts as unavailable.
   */
  prepare(): Promise<void>;
  /**
   * The answer remembered by the last `prepare`; false before the first one, so the app never
   * offers secure storage it has not confirmed. Linux `basic_text` counts as unavailable.
   */
  isAvailable(): boolean;
  /** Why it is unavailable, in words for the user; null when it is available. */
  unavailableReason(): string | null;
  /**
   * Rejects with a `secure_storage_unavailable` error when the OS cannot encrypt; a failure
   * also asks the OS again, so the status shown afterwards matches what just happened.
   */
  encrypt(plain: string): Promise<Uint8Array>;
  /**
   * `reEncrypt` is true when the OS rotated its key or now offers a better one: the caller
   * should encrypt `text` again and store the new bytes so the key at rest follows the OS.
   * Bytes written by older versions of the app (Electron's synchronous API) decrypt here too.
   * Rejects with a `secret_unreadable` error when the bytes cannot be decrypted.
   */
  decrypt(data: Uint8Array): Promise<{ text: string; reEncrypt: boolean }>;
}
