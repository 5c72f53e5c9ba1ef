import type { App, BrowserWindow, Dock, NativeImage } from 'electron';
import type { Attention } from '../../core/desktop/ports';

/**
 * The lobby badge and the attention request on each desktop, per Electron 45's API:
 * - macOS: `app.setBadgeCount` draws the Dock badge (it needs the notification permission, Electron
 *   app docs); `app.dock.bounce('informational')` bounces once and stays requested until the app is
 *   active or `cancelBounce(id)`; it returns -1 while the app is focused (Dock docs).
 * - Windows: `setBadgeCount` is not offered (darwin and linux only); the taskbar overlay icon
 *   (`BrowserWindow.setOverlayIcon`, 16×16, with a description read by screen readers) carries the
 *   count instead, and `flashFrame(true)` flashes the taskbar button until `flashFrame(false)`
 *   (electron/electron#906: only focusing or that call ends it).
 * - Linux: `setBadgeCount` reaches launchers that implement the Unity LauncherEntry API (Ubuntu's
 *   dock, KDE, Plank), only when the `.desktop` file name matches the app's desktop name, and
 *   returns false elsewhere; `flashFrame` sets the window's urgency hint (microsoft/vscode#255996).
 */

export type BadgeMethod = 'count' | 'overlay';
export type RequestMethod = 'bounce' | 'flash';

export function attentionMethods(platform: NodeJS.Platform): { badge: BadgeMethod; request: RequestMethod } {
  if (platform === 'darwin') return { badge: 'count', request: 'bounce' };
  if (platform === 'win32') return { badge: 'overlay', request: 'flash' };
  return { badge: 'count', request: 'flash' };
}

/** The overlay icon's description: the taskbar's tooltip and what a screen reader says. */
export function lobbyDescription(count: number): string {
  if (count === 0) return '';
  return count === 1 ? 'A bot is waiting in the lobby' : `${count} bots are waiting in the lobby`;
}

/** Whether to ask the OS for attention: only while no window of the app has the focus. */
export function shouldRequestAttention(appFocused: boolean): boolean {
  return !appFocused;
}

export type AttentionWindow = Pick<BrowserWindow, 'flashFrame' | 'setOverlayIcon' | 'isDestroyed'>;

export interface ElectronAttentionDeps {
  platform: NodeJS.Platform;
  app: Pick<App, 'setBadgeCount'> & { dock?: Pick<Dock, 'bounce' | 'cancelBounce'> | undefined };
  /** The main window (its taskbar button), or null while there is none. */
  window(): AttentionWindow | null;
  /** Whether any window of the app has the focus (`BrowserWindow.getFocusedWindow() !== null`). */
  appFocused(): boolean;
  /** The 16×16 overlay icon for Windows, made once when first needed. */
  overlayIcon(): NativeImage;
}

export interface AttentionSnapshot {
  badge: number;
  requests: number;
  /** A flash or bounce is going on. */
  requesting: boolean;
}

/** The Attention port over Electron, with what it did last for the end-to-end hooks. */
export function createElectronAttention(d: ElectronAttentionDeps): Attention & {
  /** A window of the app gained the focus: the person has seen it, the flash or bounce stops. */
  focused(): void;
  /** A new main window: the Windows overlay is per window, so the badge is drawn on it again. */
  windowCreated(): void;
  snapshot(): AttentionSnapshot;
} {
  const methods = attentionMethods(d.platform);
  let badge = 0;
  let requests = 0;
  let bounceId: number | null = null;
  let flashing = false;

  const drawBadge = (): void => {
    if (methods.badge === 'count') {
      d.app.setBadgeCount(badge);
      return;
    }
    const win = d.window();
    if (win && !win.isDestroyed()) win.setOverlayIcon(badge > 0 ? d.overlayIcon() : null, lobbyDescription(badge));
  };

  const stop = (): void => {
    if (bounceId !== null) d.app.dock?.cancelBounce(bounceId);
    bounceId = null;
    if (flashing) {
      const win = d.window();
      if (win && !win.isDestroyed()) win.flashFrame(false);
    }
    flashing = false;
  };

  return {
    setLobbyCount(count) {
      badge = count;
      drawBadge();
      // Nobody waits any more (admitted, or gone): nothing is left to draw the eye to.
      if (count === 0) stop();
    },
    requestAttention() {
      if (!shouldRequestAttention(d.appFocused())) return;
      requests++;
      if (methods.request === 'bounce') {
        const id = d.app.dock?.bounce('informational') ?? -1;
        if (id !== -1) bounceId = id;
        return;
      }
      const win = d.window();
      if (!win || win.isDestroyed()) return;
      win.flashFrame(true);
      flashing = true;
    },
    focused: stop,
    windowCreated: () => {
      if (methods.badge === 'overlay' && badge > 0) drawBadge();
    },
    snapshot: () => ({ badge, requests, requesting: bounceId !== null || flashing }),
  };
}
