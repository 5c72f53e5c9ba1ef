/**
 * Starting at login, hidden in the tray: how the app knows it was started that way.
 * - Windows: the Run entry passes `--hidden` (`setLoginItemSettings({ args })`); Windows itself
 *   does not tell an app it was started at login (electron/electron#6901).
 * - Linux: the XDG autostart entry runs the app with `--hidden` (xdgAutostart.ts).
 * - macOS: `getLoginItemSettings().wasOpenedAtLogin`; since macOS 13 Electron registers the app
 *   with SMAppService, which neither hides it nor says it was opened at login (`openAsHidden` and
 *   `wasOpenedAtLogin` dropped there, electron/electron#37244; Apple FB10207829). The app needs
 *   macOS 13 (electron-builder.yml), so in practice the window opens at login on macOS.
 */

export const HIDDEN_ARG = '--hidden';

export interface LaunchFacts {
  platform: NodeJS.Platform;
  argv: readonly string[];
  /** `app.getLoginItemSettings().wasOpenedAtLogin`, read on macOS only. */
  wasOpenedAtLogin?: boolean;
}

/** Whether this start was the OS starting the app at login, so the window stays hidden. */
export function startedAtLogin({ platform, argv, wasOpenedAtLogin }: LaunchFacts): boolean {
  if (platform === 'darwin') return wasOpenedAtLogin === true;
  return argv.includes(HIDDEN_ARG);
}
