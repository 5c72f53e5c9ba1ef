/**
 * How the app ends, on every path, as one small state machine the Electron events feed.
 *
 * - A quit the user asks for (Cmd+Q, the app menu, the tray's Quit, SIGTERM on Linux, which
 *   Electron turns into `app.quit()`): the first `before-quit` is held while the core closes
 *   (its synchronous part first: captions, cache, log; then the demo simulator and the export
 *   worker), then the quit is requested again and let through. Quits asked for meanwhile are
 *   absorbed; a close that hangs past the timeout does not keep the app from quitting.
 * - The OS ending the session never waits on the app:
 *   - macOS logout, restart, shutdown and Linux shutdown emit powerMonitor `shutdown` first
 *     (NSWorkspaceWillPowerOffNotification, "posted when the user requests a logout or powers off
 *     the device"; logind's PrepareForShutdown on Linux). Cancelling the `before-quit` that macOS
 *     sends next makes the OS abort the logout ("Vexa Companion interrupted logging out",
 *     e.g. signalapp/Signal-Desktop#2390, Venipa/ytmdesktop2#214), and Electron answers macOS's
 *     terminate request at once and exits by itself (electron/electron#230, #7121), so any wait
 *     there risks the same. The core therefore closes right in the `shutdown` handler,
 *     synchronously, and the `before-quit` that follows passes. The event is not prevented:
 *     preventing it makes Electron ignore the OS's quit request (on macOS `terminate:` returns
 *     early) and leaves the quit to the app.
 *   - Windows sends no `before-quit` or `will-quit` at logoff or shutdown (electron.d.ts: "On
 *     Windows, this event will not be emitted if the app is closed due to a shutdown/restart of
 *     the system or a user logout"). A window gets `query-session-end` (not prevented: "it's
 *     generally best to respect the user's choice") and then `session-end`, after which "there
 *     is no way to prevent the session from ending" and the process may be ended as soon as the
 *     handler returns, so the core closes synchronously there.
 *   After closing for the OS the app quits itself too, so it never stays up with a closed core
 *   if the logout is cancelled after all.
 */

export interface QuitEvent {
  preventDefault(): void;
}

export interface QuitControllerDeps {
  /** The whole close: closeNow(), then the demo simulator and the export worker. */
  close(): Promise<void>;
  /** What must reach the disk, synchronously: live captions, the cache, the log. */
  closeNow(): void;
  /** `app.quit()`. */
  quit(): void;
  /** A quit goes ahead after this long even if closing hangs, so the app can always be quit. */
  timeoutMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  onError?: (error: unknown) => void;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

export interface QuitController {
  /** True once any quit has begun: windows must close instead of hiding in the tray. */
  readonly quitting: boolean;
  /** `app` 'before-quit'. */
  beforeQuit(event: QuitEvent): void;
  /** powerMonitor 'shutdown' (macOS: logout, restart, shutdown; Linux: shutdown, restart). */
  systemShutdown(): void;
  /** BrowserWindow 'query-session-end' (Windows): the OS asks; the app never objects. */
  querySessionEnd(reasons: readonly string[]): void;
  /** BrowserWindow 'session-end' (Windows): the session ends now. */
  sessionEnd(reasons: readonly string[]): void;
}

export const QUIT_TIMEOUT_MS = 5000;

export function createQuitController({
  close,
  closeNow,
  quit,
  timeoutMs = QUIT_TIMEOUT_MS,
  setTimer = (fn, ms) => setTimeout(fn, ms),
  onError,
  log,
}: QuitControllerDeps): QuitController {
  let state: 'running' | 'closing' | 'closed' = 'running';

  const finish = (): void => {
    if (state === 'closed') return;
    state = 'closed';
    quit();
  };

  const endForTheOs = (why: string, fields: Record<string, unknown>): void => {
    if (state === 'closed') return;
    state = 'closed';
    log?.(why, fields);
    try {
      closeNow();
    } catch (error) {
      onError?.(error);
    }
    quit();
  };

  return {
    get quitting() {
      return state !== 'running';
    },
    beforeQuit(event) {
      if (state === 'closed') return;
      event.preventDefault();
      if (state === 'closing') return;
      state = 'closing';
      setTimer(finish, timeoutMs);
      close().then(finish, (error: unknown) => {
        onError?.(error);
        finish();
      });
    },
    systemShutdown() {
      endForTheOs('The system is shutting down or logging out; closing now', {});
    },
    querySessionEnd(reasons) {
      log?.('Windows asks whether the session may end; it may', { reasons });
    },
    sessionEnd(reasons) {
      endForTheOs('The Windows session is ending; closing now', { reasons });
    },
  };
}
