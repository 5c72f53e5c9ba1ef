import type { Notification } from 'electron';
import type { NotificationRequest, Notifier } from '../../core/ports';

/** Why Windows closed a toast (Electron 45 `NotificationCloseEventParams.reason`, Windows only). */
export type NotificationCloseReason = 'userCanceled' | 'applicationHidden' | 'timedOut';

/** The part of Electron's Notification the adapter uses; index.ts wraps the real class. */
export interface NotificationHandle {
  show(): void;
  close(): void;
  onClick(listener: () => void): void;
  /** A press of one of its `actions` buttons (macOS). */
  onAction(listener: () => void): void;
  /** `reason` is undefined outside Windows. */
  onClose(listener: (reason: NotificationCloseReason | undefined) => void): void;
  /** macOS and Windows: the OS refused to show it (an unsigned macOS build, for one). */
  onFailed(listener: (error: string) => void): void;
}

/** Electron's `NotificationAction` of type button. */
export interface NotificationButton {
  type: 'button';
  text: string;
}

/**
 * The buttons a notification shows. Electron documents `actions` buttons for macOS (and only for a
 * signed app with the alert style: an unsigned build shows none) and, in its newer releases, for
 * Windows; Linux has none. The button is asked for on macOS only, and on every OS a click on the
 * notification itself does the same, so nothing depends on a button that may not appear.
 */
export function notificationButtons(platform: NodeJS.Platform, action: string | undefined): NotificationButton[] | undefined {
  return platform === 'darwin' && action ? [{ type: 'button', text: action }] : undefined;
}

export interface NotifierDeps {
  platform: NodeJS.Platform;
  isSupported(): boolean;
  create(options: { title: string; body: string; actions?: NotificationButton[] }): NotificationHandle;
  /** Brings the main window to the front (restoring or re-creating it). */
  focusWindow(): void;
  /**
   * Windows: `Notification.handleActivation`, which reports a click on any of the app's toasts,
   * even one whose object is gone (Electron docs: "regardless of whether the original Notification
   * object is still in memory"). The notifier uses it to bring the window forward as a fallback.
   */
  onAnyActivation?(listener: () => void): void;
  onFailed?(error: string): void;
}

/**
 * How many notifications are kept for their click handlers at most. A lobby alert per meeting and
 * the odd "no bot was sent" stay far below it; past it the oldest is closed, so no toast is left in
 * the Action Center whose click would do nothing.
 */
export const MAX_KEPT_NOTIFICATIONS = 20;

/**
 * Whether a `close` event means the notification can no longer be clicked anywhere, so its object
 * (and click handler) may go. Documented lifetimes (docs/api/notification.md, electron/electron#40197):
 * - Windows emits `close` when the toast leaves the screen, by the user, by timeout or by `close()`;
 *   after a timeout or a dismissal the toast sits on in the Action Center and can still be clicked
 *   there, but only while its object lives. Only `applicationHidden` (the app's own `close()`)
 *   removes it for good.
 * - macOS emits `close` only when the user dismisses it from Notification Center; Linux when the
 *   notification server drops it (expired, dismissed or closed), after which it sends no clicks.
 */
export function closeEndsNotification(platform: NodeJS.Platform, reason: NotificationCloseReason | undefined): boolean {
  if (platform === 'win32') return reason === 'applicationHidden';
  return true;
}

/**
 * OS notifications. Each shown notification is kept until it is clicked, replaced (same id),
 * closed for good (see closeEndsNotification) or pushed out by newer ones beyond
 * MAX_KEPT_NOTIFICATIONS: a notification object that is garbage-collected loses its click handler,
 * and on macOS disappears from Notification Center.
 */
export interface ElectronNotifier extends Notifier {
  /** Ids of the notifications kept for their clicks, oldest first (tests and the e2e hooks read it). */
  kept(): string[];
  /** The last notifications shown, oldest first (the e2e hooks read it; a real one cannot be inspected). */
  shown(): Array<{ id: string; title: string; body: string }>;
  /** What a click on a kept notification does; false when none with this id is kept (e2e hooks). */
  click(id: string): boolean;
}

const SHOWN_HISTORY = 50;

export function createElectronNotifier({
  platform,
  isSupported,
  create,
  focusWindow,
  onAnyActivation,
  onFailed,
}: NotifierDeps): ElectronNotifier {
  // Map keeps insertion order, so the first entry is the oldest.
  const live = new Map<string, NotificationHandle>();
  const clicks = new Map<string, () => void>();
  const history: Array<{ id: string; title: string; body: string }> = [];
  onAnyActivation?.(focusWindow);

  const forget = (id: string, handle: NotificationHandle): void => {
    if (live.get(id) !== handle) return;
    live.delete(id);
    clicks.delete(id);
  };

  return {
    notify(request: NotificationRequest): void {
      if (!isSupported()) return;
      const previous = live.get(request.id);
      if (previous) {
        live.delete(request.id);
        previous.close();
      }
      const actions = notificationButtons(platform, request.action);
      const handle = create({ title: request.title, body: request.body, ...(actions ? { actions } : {}) });
      live.set(request.id, handle);
      const onClick = (): void => {
        forget(request.id, handle);
        focusWindow();
        request.onClick?.();
      };
      clicks.set(request.id, onClick);
      handle.onClick(onClick);
      if (actions) handle.onAction(onClick);
      handle.onClose((reason) => {
        if (closeEndsNotification(platform, reason)) forget(request.id, handle);
      });
      handle.onFailed((error) => {
        forget(request.id, handle);
        onFailed?.(error);
      });
      handle.show();
      history.push({ id: request.id, title: request.title, body: request.body });
      if (history.length > SHOWN_HISTORY) history.shift();
      while (live.size > MAX_KEPT_NOTIFICATIONS) {
        const [oldestId, oldest] = live.entries().next().value as [string, NotificationHandle];
        forget(oldestId, oldest);
        oldest.close();
      }
    },
    kept: () => [...live.keys()],
    shown: () => history.map((n) => ({ ...n })),
    click(id) {
      const onClick = clicks.get(id);
      onClick?.();
      return onClick !== undefined;
    },
  };
}

/** NotifierDeps.create over Electron's Notification class (passed in: tests never load `electron`). */
export function electronNotifications(NotificationClass: typeof Notification): NotifierDeps['create'] {
  return (options) => {
    const n = new NotificationClass(options);
    return {
      show: () => n.show(),
      close: () => n.close(),
      onClick: (listener) => void n.on('click', listener),
      onAction: (listener) => void n.on('action', () => listener()),
      onClose: (listener) => void n.on('close', (details) => listener(details.reason)),
      onFailed: (listener) => void n.on('failed', (_event, error) => listener(error)),
    };
  };
}
