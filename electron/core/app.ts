import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { HandlerTable } from '../../shared/ipc/dispatch';
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
  clock?: Clock;
  /** Wake-up and network-online events (Electron's powerMonitor); none in the web harness. */
  system?: SystemEvents;
  /** Defaults to a rotating, redacting file logger in `paths.logs`. */
  logger?: Logger;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
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
}

export interface LiveTimings {
  /** How often statuses are polled over REST while the live socket is down. */
  pollMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

export type CoreEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface Core {
  readonly handlers: HandlerTable;
  readonly logger: Logger;
  /** Subscribes to pushed events; returns an unsubscribe function. */
  onEvent(listener: (event: EventName, payload: unknown) => void): () => void;
  /** Stops the demo simulator, closes the database and flushes the log. Idempotent. */
  close(): Promise<void>;
}

export { createCore } from './createCore';
