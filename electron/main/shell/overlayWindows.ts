import type { BrowserWindowConstructorOptions } from 'electron';
import type { OverlayWindows } from '../../core/ports';
import type { MainWebContentsLike } from '../ipc/bindIpc';
import { OVERLAY_ALWAYS_ON_TOP_LEVEL, overlayUrl, overlayWindowOptions } from './overlayWindow';

/** The part of Electron's BrowserWindow the overlay adapter uses; index.ts passes real windows. */
export interface OverlayWindowHandle {
  readonly webContents: MainWebContentsLike;
  loadURL(url: string): Promise<void>;
  setAlwaysOnTop(flag: boolean, level: typeof OVERLAY_ALWAYS_ON_TOP_LEVEL): void;
  showInactive(): void;
  isDestroyed(): boolean;
  close(): void;
  once(event: 'ready-to-show', listener: () => void): void;
  on(event: 'closed', listener: () => void): void;
}

export interface OverlayWindowsDeps {
  preloadPath: string;
  appOrigin: string;
  createWindow(options: BrowserWindowConstructorOptions): OverlayWindowHandle;
  onError?(error: unknown): void;
}

export interface ElectronOverlayWindows extends OverlayWindows {
  /** The overlay's web contents while it is open, so the IPC binding trusts and updates it. */
  webContents(): MainWebContentsLike | null;
}

/**
 * One caption overlay at a time: opening it for another meeting reuses the window. It shows
 * without taking focus, so the meeting window the person is in keeps the keyboard.
 */
export function createElectronOverlayWindows({
  preloadPath,
  appOrigin,
  createWindow,
  onError,
}: OverlayWindowsDeps): ElectronOverlayWindows {
  let current: OverlayWindowHandle | null = null;
  const alive = (): OverlayWindowHandle | null => (current && !current.isDestroyed() ? current : null);

  return {
    async open(meetingId) {
      let win = alive();
      if (!win) {
        const created = createWindow(overlayWindowOptions({ preloadPath }));
        created.setAlwaysOnTop(true, OVERLAY_ALWAYS_ON_TOP_LEVEL);
        created.once('ready-to-show', () => created.showInactive());
        created.on('closed', () => {
          if (current === created) current = null;
        });
        current = win = created;
      }
      win.loadURL(overlayUrl(meetingId, appOrigin)).catch((e: unknown) => onError?.(e));
      return 'window';
    },
    async close() {
      alive()?.close();
      current = null;
    },
    webContents() {
      return alive()?.webContents ?? null;
    },
  };
}
