/**
 * Whether the caption overlay can keep itself above the meeting window.
 *
 * - Windows and X11 honour `setAlwaysOnTop`; macOS does too, and the overlay is a `panel` there so
 *   it also floats over full-screen meetings (overlayWindow.ts).
 * - Wayland has no protocol for a client to keep its window on top: Electron documents
 *   `setAlwaysOnTop` and `alwaysOnTop` as "Not supported on Wayland (Linux)" (electron.d.ts).
 *   Since Electron 38 the app runs as a native Wayland client whenever XDG_SESSION_TYPE=wayland
 *   (docs/breaking-changes.md, "Removed: ELECTRON_OZONE_PLATFORM_HINT"); people can still
 *   choose XWayland by starting it with `--ozone-platform=x11`, as that entry documents.
 *
 * The app does not switch to X11 on its own. `app.commandLine.appendSwitch('ozone-platform', …)`
 * cannot do it: Electron picks the Ozone platform in ElectronBrowserMainParts::PreEarlyInitialization
 * (DetectOzonePlatform, ui::OzonePlatform::PreEarlyInitialization), before the main script runs, so
 * a switch appended later only reaches child processes and leaves the GPU process disagreeing with
 * the browser process. Relaunching under X11 would run the whole app through XWayland (blurry on
 * scaled displays) for a feature many never open, and a relaunch that fails leaves no app at all.
 * Instead, where the overlay cannot stay on top by itself it says so and tells the person how to
 * pin it with their desktop's own window menu ("Always on Top" on GNOME, "Keep Above Others" on KDE),
 * which works for native Wayland windows because the compositor does it.
 */
export type OverlayOnTop = 'native' | 'manual';

export interface DisplayFacts {
  platform: NodeJS.Platform;
  /** `app.commandLine.getSwitchValue('ozone-platform')`: '' when not given. */
  ozonePlatform: string;
  /** process.env.XDG_SESSION_TYPE */
  sessionType: string | undefined;
}

export function overlayOnTopSupport({ platform, ozonePlatform, sessionType }: DisplayFacts): OverlayOnTop {
  if (platform !== 'linux') return 'native';
  const chosen = ozonePlatform.trim().toLowerCase();
  if (chosen === 'x11') return 'native';
  if (chosen === 'wayland') return 'manual';
  // `auto` (Electron 38+'s default) means Wayland exactly when the session says so.
  return sessionType?.trim().toLowerCase() === 'wayland' ? 'manual' : 'native';
}
