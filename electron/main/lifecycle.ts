import type { MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import type { Core } from '../core/app';
import type { Settings } from '../../shared/ipc/models';
import {
  CLOSE_TO_TRAY_NOTICE,
  closeToTrayExplanation,
  KEEP_RUNNING_BUTTON,
  QUIT_INSTEAD_BUTTON,
  quitsWhenAllWindowsClosed,
  windowCloseAction,
} from './closeToTray';
import { createQuitController, type QuitController, type QuitEvent } from './quitGuard';

/** What the lifecycle needs of Electron's `app` (structural, so tests pass an EventEmitter). */
export interface AppLike {
  on(event: 'before-quit', listener: (event: QuitEvent) => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  quit(): void;
}

/** powerMonitor, which may only be used once the app is ready. */
export interface PowerMonitorLike {
  on(event: 'shutdown', listener: () => void): unknown;
}

export interface MainWindowLike {
  on(event: 'close', listener: (event: QuitEvent) => void): unknown;
  on(event: 'query-session-end' | 'session-end', listener: (event: { reasons: string[] }) => void): unknown;
  hide(): void;
}

export type LogLevel = 'info' | 'warn' | 'error';

export interface LifecycleDeps {
  app: AppLike;
  platform: NodeJS.Platform;
  core(): Core | null;
  /** Whether the tray icon exists yet. */
  trayShown(): boolean;
  /** `dialog.showMessageBox`, not attached to the (hidden) window. */
  showMessageBox(options: MessageBoxOptions): Promise<Pick<MessageBoxReturnValue, 'response'>>;
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
  quitTimeoutMs?: number;
}

export interface Lifecycle {
  readonly controller: QuitController;
  /** The core's settings as they change: the window's `close` handler must decide synchronously. */
  followSettings(settings: Pick<Settings, 'closeToTray'>): void;
  /** After `ready`. */
  watchPowerMonitor(powerMonitor: PowerMonitorLike): void;
  /** Every main window: closing to the tray, and the Windows session ending. */
  watchMainWindow(win: MainWindowLike): void;
}

/**
 * The app's lifecycle in Electron terms: quitting (quitGuard.ts), closing the window to the tray
 * (closeToTray.ts) and the first close's explanation. Decisions live in those two modules; this
 * one only feeds them Electron's events.
 */
export function installLifecycle(d: LifecycleDeps): Lifecycle {
  let closeToTray = true;
  const controller = createQuitController({
    close: () => d.core()?.close() ?? Promise.resolve(),
    closeNow: () => d.core()?.closeNow(),
    quit: () => d.app.quit(),
    timeoutMs: d.quitTimeoutMs,
    onError: (error) => d.log('error', 'Closing the core failed', { error: String(error) }),
    log: (message, fields) => d.log('info', message, fields),
  });
  d.app.on('before-quit', (event) => controller.beforeQuit(event));
  d.app.on('window-all-closed', () => {
    if (quitsWhenAllWindowsClosed(d.platform)) d.app.quit();
  });

  const turnOffAndQuit = async (core: Core): Promise<void> => {
    try {
      await core.handlers['settings:update']({ closeToTray: false });
    } catch (error) {
      d.log('warn', 'Could not turn off closing to the tray', { error: String(error) });
    }
    d.app.quit();
  };

  const explainOnce = (): void => {
    const core = d.core();
    if (!core || core.notices.seen(CLOSE_TO_TRAY_NOTICE)) return;
    core.notices.markSeen(CLOSE_TO_TRAY_NOTICE);
    d.log('info', 'Explained that the app keeps running in the tray');
    const text = closeToTrayExplanation(d.platform);
    void d
      .showMessageBox({
        type: 'info',
        title: text.title,
        message: text.message,
        detail: text.detail,
        buttons: text.buttons,
        defaultId: KEEP_RUNNING_BUTTON,
        cancelId: KEEP_RUNNING_BUTTON,
        noLink: true,
      })
      .then(
        ({ response }) => (response === QUIT_INSTEAD_BUTTON ? turnOffAndQuit(core) : undefined),
        (error: unknown) => d.log('warn', 'Could not explain closing to the tray', { error: String(error) }),
      );
  };

  return {
    controller,
    followSettings(settings) {
      closeToTray = settings.closeToTray;
    },
    watchPowerMonitor(powerMonitor) {
      powerMonitor.on('shutdown', () => controller.systemShutdown());
    },
    watchMainWindow(win) {
      win.on('close', (event) => {
        const action = windowCloseAction({ platform: d.platform, quitting: controller.quitting, closeToTray, trayShown: d.trayShown() });
        if (action !== 'hide') return;
        event.preventDefault();
        win.hide();
        explainOnce();
      });
      win.on('query-session-end', (event) => controller.querySessionEnd(event.reasons));
      win.on('session-end', (event) => controller.sessionEnd(event.reasons));
    },
  };
}
