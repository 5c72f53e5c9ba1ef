import type { BrowserWindowConstructorOptions } from 'electron';
import type { OverlayWindows } from '../../core/ports';
import type { MainWebContentsLike } from '../ipc/bindIpc';
import type { OverlayOnTop } from './displayServer';
import { clampOverlaySize, OVERLAY_ALWAYS_ON_TOP_LEVEL, overlayUrl, overlayWindowOptions, type Size } from './overlayWindow';

/** The part of Electron's BrowserWindow the overlay adapter uses; index.ts passes real windows. */
export interface OverlayWindowHandle {
  readonly webContents: MainWebContentsLike;
  loadURL(url: string): Promise<void>;
  setAlwaysOnTop(flag: boolean, level: typeof OVERLAY_ALWAYS_ON_TOP_LEVEL): void;
  showInactive(): void;
  isDestroyed(): boolean;
  close(): void;
  isResizable(): boolean;
  setResizable(resizable: boolean): void;
  setSize(width: number, height: number): void;
  once(event: 'ready-to-show', listener: () => void): void;
  on(event: 'closed', listener: () => void): void;
}

export interface OverlayWindowsDeps<W extends OverlayWindowHandle> {
  preloadPath: string;
  appOrigin: string;
  platform: NodeJS.Platform;
  icon?: string | null;
  /** Whether the window can keep itself on top (displayServer.ts); the page explains when not. */
  onTop: OverlayOnTop;
  createWindow(options: BrowserWindowConstructorOptions): W;
  /** Crash and load-failure handling for a new window (windowRecovery.ts); plain `loadURL` without it. */
  recover?(win: W): { load(url: string): Promise<void> };
  /** The work area of the screen the window is on, so a requested size never outgrows it. */
  workArea?(win: W): Size | null;
  onError?(error: unknown): void;
}

export interface ElectronOverlayWindows extends OverlayWindows {
  /** The overlay's web contents while it is open, so the IPC binding trusts and updates it. */
  webContents(): MainWebContentsLike | null;
  /** The meeting the overlay shows, or null when closed (tests and the e2e hooks read it). */
  meetingId(): number | null;
}

/**
 * One caption overlay at a time: opening it for another meeting reuses the window and moves its
 * page to the other meeting's route. It shows without taking focus, so the meeting window the
 * person is in keeps the keyboard.
 */
export function createElectronOverlayWindows<W extends OverlayWindowHandle>(d: OverlayWindowsDeps<W>): ElectronOverlayWindows {
  let current: { win: W; load(url: string): Promise<void>; meetingId: number; serverId: string; ready: boolean } | null = null;
  const alive = () => (current && !current.win.isDestroyed() ? current : null);

  const navigate = (target: NonNullable<typeof current>, meetingId: number, serverId: string): void => {
    target.meetingId = meetingId;
    target.serverId = serverId;
    target.load(overlayUrl(meetingId, d.appOrigin, d.onTop, serverId)).catch((e: unknown) => d.onError?.(e));
  };

  return {
    async open(meetingId, serverId) {
      const open = alive();
      if (open) {
        if (open.meetingId !== meetingId || open.serverId !== serverId) navigate(open, meetingId, serverId);
        if (open.ready) open.win.showInactive();
        return 'window';
      }
      const win = d.createWindow(overlayWindowOptions({ preloadPath: d.preloadPath, platform: d.platform, icon: d.icon ?? null }));
      const loader = d.recover?.(win) ?? { load: (url: string) => win.loadURL(url) };
      const created = { win, load: loader.load, meetingId, serverId, ready: false };
      current = created;
      win.setAlwaysOnTop(true, OVERLAY_ALWAYS_ON_TOP_LEVEL);
      win.once('ready-to-show', () => {
        created.ready = true;
        win.showInactive();
      });
      win.on('closed', () => {
        if (current === created) current = null;
      });
      navigate(created, meetingId, serverId);
      return 'window';
    },
    async close() {
      alive()?.win.close();
      current = null;
    },
    async resize(size) {
      const open = alive();
      if (!open) return;
      const { width, height } = clampOverlaySize(size, d.workArea?.(open.win) ?? null);
      // A window that is not resizable keeps its size even against setSize on Windows and Linux
      // (electron/electron#34512, #42258); the workaround reported there lifts the lock around the call.
      if (open.win.isResizable()) {
        open.win.setSize(width, height);
        return;
      }
      open.win.setResizable(true);
      open.win.setSize(width, height);
      open.win.setResizable(false);
    },
    isOpen() {
      return alive() !== null;
    },
    webContents() {
      return alive()?.win.webContents ?? null;
    },
    meetingId() {
      return alive()?.meetingId ?? null;
    },
  };
}
