/** The one-time explanation of closing to the tray, as remembered by the core's notices. */
export const CLOSE_TO_TRAY_NOTICE = 'close-to-tray';

export interface WindowCloseInput {
  platform: NodeJS.Platform;
  /** A quit has begun: `app.quit()` closes every window, and a hidden one would cancel the quit. */
  quitting: boolean;
  /** The `closeToTray` setting. */
  closeToTray: boolean;
  /** The tray icon exists (it appears with the first connection to a server). */
  trayShown: boolean;
}

/**
 * What closing the main window does. On Windows and Linux the window hides and the app keeps
 * running in the tray, so lobby alerts keep coming; without a tray icon there would be no way
 * back but starting the app again, so the window closes (and the app quits) as before. macOS
 * keeps its convention: the window closes and the app stays in the Dock.
 *
 * A quit always closes: preventing a window's `close` during `app.quit()` cancels the quit
 * (electron.d.ts, `quit()`: "Try to close all windows… If all windows are successfully closed,
 * the will-quit event will be emitted"), the trap in AdventDevInc/kudu#239.
 */
export function windowCloseAction(input: WindowCloseInput): 'hide' | 'close' {
  if (input.quitting || input.platform === 'darwin') return 'close';
  return input.closeToTray && input.trayShown ? 'hide' : 'close';
}

/** `window-all-closed`: quit, except on macOS, where apps stay running without windows. */
export function quitsWhenAllWindowsClosed(platform: NodeJS.Platform): boolean {
  return platform !== 'darwin';
}

export const KEEP_RUNNING_BUTTON = 0;
export const QUIT_INSTEAD_BUTTON = 1;

export interface Explanation {
  title: string;
  message: string;
  detail: string;
  buttons: [keep: string, quitInstead: string];
}

/** What the first close to the tray says: why, how to get back, how to quit, where to change it. */
export function closeToTrayExplanation(platform: NodeJS.Platform): Explanation {
  const where =
    platform === 'win32'
      ? 'in the notification area at the right end of the taskbar (behind the ^ arrow if it is hidden)'
      : 'in the system tray or the top bar';
  return {
    title: 'Vexa Companion is still running',
    message: 'Vexa Companion keeps running in the tray, so lobby alerts keep coming while the window is closed.',
    detail:
      `Its icon is ${where}. Click it, or start Vexa Companion again, to open the window. ` +
      'To quit, choose Quit Vexa Companion in the icon’s menu. ' +
      'You can change what closing the window does in Settings, under Desktop.',
    buttons: ['Keep running in the tray', 'Quit when I close the window'],
  };
}
