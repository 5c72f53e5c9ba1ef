import type { BrowserWindowConstructorOptions } from 'electron';
import type { OverlayOnTop } from './displayServer';
import { APP_ORIGIN } from './navigation';
import { windowIcon, windowOptions } from './windowOptions';

export const OVERLAY_TITLE = 'Live captions · Vexa Companion';

/**
 * Above ordinary windows (the meeting's own included) but below system dialogs and the screen
 * saver: `floating` is the level macOS uses for palettes; Windows and Linux treat any level as on top.
 */
export const OVERLAY_ALWAYS_ON_TOP_LEVEL = 'floating';

/** The size it opens at, and the smallest it may become. */
export const OVERLAY_SIZE = { width: 560, height: 190, minWidth: 280, minHeight: 110 } as const;

export interface OverlayWindowInput {
  preloadPath: string;
  platform: NodeJS.Platform;
  /** The Linux window icon, when the file exists (see windowOptions). */
  icon?: string | null;
}

/**
 * The caption overlay's window: small, frameless (the page draws its own drag handle), on top,
 * off the taskbar, with a transparent background so the page's opacity setting shows the meeting
 * behind it. Its web preferences are the main window's, so both renderers run under one policy.
 *
 * - macOS: `type: 'panel'` lets it float over full-screen apps and appear on every Space
 *   (docs/api/structures/base-window-options.md: "The panel type enables the window to float on
 *   top of full-screened apps", electron/electron#34388); a plain always-on-top window stays behind
 *   a full-screen meeting (jitsi-meet-electron-sdk#372 fixed the same on macOS 14 this way). The
 *   other route, `setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true })`, turns the app into
 *   a UI element for a moment and drops its Dock icon (electron/electron#26350). A panel is also
 *   non-activating, so clicking it leaves the meeting app in front.
 * - Resizing by dragging only where it works: Electron documents that "Transparent windows are
 *   not resizable. Setting resizable to true may make a transparent window stop working on some
 *   platforms" (docs/tutorial/custom-window-styles.md), and frameless windows on Windows and
 *   Linux have no edges to drag. macOS resizes borderless windows from their edges, so it keeps
 *   `resizable`; everywhere the page sets the size through `overlay:resize` (its text-size buttons).
 */
export function overlayWindowOptions({ preloadPath, platform, icon }: OverlayWindowInput): BrowserWindowConstructorOptions {
  const isMac = platform === 'darwin';
  return {
    title: OVERLAY_TITLE,
    width: OVERLAY_SIZE.width,
    height: OVERLAY_SIZE.height,
    minWidth: OVERLAY_SIZE.minWidth,
    minHeight: OVERLAY_SIZE.minHeight,
    show: false,
    frame: false,
    transparent: true,
    backgroundColor: '#00000000',
    hasShadow: false,
    alwaysOnTop: true,
    skipTaskbar: true,
    resizable: isMac,
    movable: true,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    ...(isMac ? { type: 'panel' } : {}),
    ...windowIcon(platform, icon),
    webPreferences: { ...windowOptions({ preloadPath, platform, dark: false }).webPreferences },
  };
}

/** The query flag telling the overlay page it must ask the person to pin it (Wayland). */
export const PIN_HINT_PARAM = 'pin';

/**
 * The renderer route that shows only the overlay for one meeting (`#/overlay/<id>/<server id>`;
 * two servers may both have meeting 7). Only the fragment names the meeting, so moving the overlay
 * to another meeting is a same-document navigation: Electron's
 * `loadURL` resolves for it (electron/electron#36129, "Fixed spurious promise rejection in
 * webContents.loadURL when navigating to a hash") and the page follows `hashchange`
 * (renderer/main.tsx) instead of reloading.
 */
export function overlayUrl(meetingId: number, appOrigin: string = APP_ORIGIN, onTop: OverlayOnTop = 'native', serverId?: string): string {
  const query = onTop === 'manual' ? `?${PIN_HINT_PARAM}=manual` : '';
  const server = serverId === undefined ? '' : `/${encodeURIComponent(serverId)}`;
  return `${appOrigin}/${query}#/overlay/${Math.trunc(meetingId)}${server}`;
}

export interface Size {
  width: number;
  height: number;
}

/** A size the page asked for, kept between the overlay's minimum and the screen's work area. */
export function clampOverlaySize(requested: Size, workArea: Size | null): Size {
  const fit = (value: number, min: number, max: number | undefined): number =>
    Math.round(Math.max(min, max === undefined ? value : Math.min(value, Math.max(min, max))));
  return {
    width: fit(requested.width, OVERLAY_SIZE.minWidth, workArea?.width),
    height: fit(requested.height, OVERLAY_SIZE.minHeight, workArea?.height),
  };
}
