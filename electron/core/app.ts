import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { HandlerTable } from '../../shared/ipc/dispatch';
import type { LinkRequest } from '../../shared/ipc/links';
import type { McpLaunch } from '../../shared/ipc/mcp';
import type { Attention, LoginItems } from './desktop/ports';
import type { Resolver } from './net/guardedLookup';
import type { ShortcutShell } from './shortcuts';
import type {
  AppPaths,
  Clipboard,
  Clock,
  Dialogs,
  ExternalOpener,
  Logger,
  Notifier,
  OverlayWindows,
  SecretStore,
  SystemEvents,
  TrayView,
} from './ports';
import type { Updater } from './updates/updaterPort';

export interface CoreOptions {
  transport: 'electron' | 'web';
  version: string;
  os: NodeJS.Platform;
  paths: AppPaths;
  secrets: SecretStore;
  opener: ExternalOpener;
  notifier: Notifier;
  tray: TrayView;
  dialogs: Dialogs;
  clipboard: Clipboard;
  overlays: OverlayWindows;
  /** Starting at login (the OS's login items); unavailable when left out. */
  loginItems?: LoginItems;
  /** The app icon's lobby badge and attention request; none when left out. */
  attention?: Attention;
  /** Global shortcuts of the desktop (Electron's globalShortcut); none when left out. */
  shortcuts?: ShortcutShell;
  clock?: Clock;
  /**
   * The clock scheduled bots and their reminders count by (defaults to `clock`). The server sends
   * its bot by its own clock; tests against a time-scaled simulator pass the simulator's.
   */
  planningClock?: Clock;
  /** Wake-up and network-online events (Electron's powerMonitor); none in the web harness. */
  system?: SystemEvents;
  /** Defaults to a rotating, redacting file logger in `paths.logs`. */
  logger?: Logger;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /**
   * Resolves the host name of a plain-http server before each connection (REST and live socket);
   * a public address is refused. Defaults to the system's resolver; tests point names at 127.0.0.1.
   */
  resolveHost?: Resolver;
  /** Demo mode's simulator settings (tests speed it up). */
  demo?: { timeScale?: number };
  /** Live-connection timings; tests shorten them. */
  live?: LiveTimings;
  /**
   * The export worker's script (`exportWorker.cjs` next to the bundled main; `exportWorker.ts`
   * with `execArgv: ['--import', 'tsx']` where the core runs from source). Without it exports run
   * on the core's thread.
   */
  exportWorker?: { file: string | URL; execArgv?: string[] };
  /** The installed app's updater (electron-updater behind a port); without it the app never updates itself. */
  updates?: { updater: Updater; firstCheckMs?: number; everyMs?: number };
  /** How an AI client starts this app's library as an MCP server (Settings → AI tools); none when left out. */
  mcp?: McpLaunch;
  /** Ports the library's HTTP server tries (Settings → AI tools); tests pick their own. Defaults to core/mcpHttp.ts's. */
  mcpHttpPorts?: number[];
}

export interface LiveTimings {
  /** How often statuses are polled over REST while the live socket is down. */
  pollMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** How long a live transcript push may go unacknowledged by the window before the next is pushed and stored anyway. */
  ackTimeoutMs?: number;
}

export type CoreEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface Core {
  readonly handlers: HandlerTable;
  readonly logger: Logger;
  /** Subscribes to pushed events; returns an unsubscribe function. */
  onEvent(listener: (event: EventName, payload: unknown) => void): () => void;
  /**
   * What must reach the disk, synchronously: the live sockets stop, confirmed live captions still
   * batched are stored, the database closes (PRAGMA optimize) and 'Core closed' is logged. For
   * when the OS is ending the session and the process may be gone once the handler returns.
   * Idempotent.
   */
  closeNow(): void;
  /** closeNow(), then the demo simulator and the export worker stop. Idempotent. */
  close(): Promise<void>;
  /**
   * A `vexa://` link from outside (the desktop shell's command line or macOS open-url, the web
   * harness's test hook): read, checked, and kept for the main window (`links:take`). Never rejects.
   */
  openLink(raw: string): Promise<LinkRequest>;
  /** One-time explanations the desktop shell gives (the first close to the tray), remembered in settings. */
  readonly notices: { seen(id: string): boolean; markSeen(id: string): void };
  /**
   * Answers a media element's request for `/media/<ticket>` (a recording, from its server with the
   * key in a header, or from the copy kept on this computer), for the app's own protocol and the
   * web harness. Never rejects.
   */
  serveMedia?(request: Request): Promise<Response>;
}

export { createCore } from './createCore';
