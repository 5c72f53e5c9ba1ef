import type { NotificationRequest, Notifier } from '../../core/ports';

/** The part of Electron's Notification the adapter uses; index.ts wraps the real class. */
export interface NotificationHandle {
  show(): void;
  close(): void;
  onClick(listener: () => void): void;
  onClose(listener: () => void): void;
}

export interface NotifierDeps {
  isSupported(): boolean;
  create(options: { title: string; body: string }): NotificationHandle;
  /** Brings the main window to the front (restoring or re-creating it). */
  focusWindow(): void;
}

/**
 * OS notifications. Each shown notification is kept until it is clicked or closed: a
 * notification object that is garbage-collected loses its click handler on Windows and Linux.
 * A new notification with the same id replaces the old one (one lobby alert per meeting).
 */
export function createElectronNotifier({ isSupported, create, focusWindow }: NotifierDeps): Notifier {
  const live = new Map<string, NotificationHandle>();

  const forget = (id: string, handle: NotificationHandle): void => {
    if (live.get(id) === handle) live.delete(id);
  };

  return {
    notify(request: NotificationRequest): void {
      if (!isSupported()) return;
      live.get(request.id)?.close();
      const handle = create({ title: request.title, body: request.body });
      live.set(request.id, handle);
      handle.onClick(() => {
        forget(request.id, handle);
        focusWindow();
        request.onClick?.();
      });
      handle.onClose(() => forget(request.id, handle));
      handle.show();
    },
  };
}
