import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ORIGIN } from './navigation';
import { windowOptions } from './windowOptions';

export const OVERLAY_TITLE = 'Live captions · Vexa Companion';

/**
 * Above ordinary windows (the meeting's own included) but below system dialogs and the screen
 * saver: `floating` is the level macOS uses for palettes; Windows and Linux treat any level as on top.
 */
export const OVERLAY_ALWAYS_ON_TOP_LEVEL = 'floating';

export interface OverlayWindowInput {
  preloadPath: string;
}

/**
 * The caption overlay's window: small, frameless (the page draws its own drag handle), on top,
 * off the taskbar, with a transparent background so the page's opacity setting shows the meeting
 * behind it. Its web preferences are the main window's, so both renderers run under one policy.
 */
export function overlayWindowOptions({ preloadPath }: OverlayWindowInput): BrowserWindowConstructorOptions {
  return {
    title: OVERLAY_TITLE,
    width: 560,
    height: 190,
    minWidth: 280,
    minHeight: 110,
    show: false,
    frame: false,
    transparent: true,
    backgroundColor: '#00000000',
    hasShadow: false,
    alwaysOnTop: true,
    skipTaskbar: true,
    resizable: true,
    movable: true,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    webPreferences: { ...windowOptions({ preloadPath, platform: 'linux', dark: false }).webPreferences },
  };
}

/** The renderer route that shows only the overlay for one meeting. */
export function overlayUrl(meetingId: number, appOrigin: string = APP_ORIGIN): string {
  return `${appOrigin}/#/overlay/${Math.trunc(meetingId)}`;
}
