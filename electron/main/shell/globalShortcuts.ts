import type { GlobalShortcut } from 'electron';
import type { GlobalShortcutPort } from '../../core/shortcuts';
import { overlayOnTopSupport, type DisplayFacts } from './displayServer';

/**
 * Global shortcuts over Electron's `globalShortcut` (electron.d.ts, Electron 45).
 *
 * Windows, macOS and X11 grab the keys directly and `register` answers truthfully: false means
 * another app holds them. A native Wayland window cannot grab keys; Electron goes through the
 * desktop's `org.freedesktop.portal.GlobalShortcuts` instead (electron/electron#45171, Electron
 * 35+, behind the `GlobalShortcutsPortal` feature). GNOME's portal also needs
 * `GlobalShortcutsPortalPreferredTrigger`, else `register` returns false there
 * (electron/electron#52221, which turns it on by default in later releases). On that path the bind
 * is asynchronous and may wait for the person's consent, so `register` returning true only means
 * the request went out, and `isRegistered` says the same (docs/api/global-shortcut.md "Usage on
 * Linux", electron/electron#52218); Electron 45 has no event with the outcome, so the Settings card
 * says the desktop was asked rather than claiming the keys work.
 */

/** The part of Electron's `globalShortcut` the adapter uses. */
export type GlobalShortcutLike = Pick<GlobalShortcut, 'register' | 'isRegistered' | 'unregister' | 'unregisterAll' | 'setSuspended'>;

export const PORTAL_FEATURES = ['GlobalShortcutsPortal', 'GlobalShortcutsPortalPreferredTrigger'] as const;

/** How this desktop registers global shortcuts: Wayland exactly where the overlay cannot keep itself on top (displayServer.ts). */
export function shortcutSupport(facts: DisplayFacts): 'native' | 'portal' {
  return overlayOnTopSupport(facts) === 'manual' ? 'portal' : 'native';
}

/**
 * The `enable-features` value with the portal features added to the ones already given (a second
 * `appendSwitch('enable-features', …)` replaces the first value rather than adding to it, so the
 * person's own `--enable-features=…` is kept by merging). Must be set before `ready`.
 */
export function withPortalFeatures(existing: string): string {
  const features = existing
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  for (const f of PORTAL_FEATURES) if (!features.includes(f)) features.push(f);
  return features.join(',');
}

export interface ElectronGlobalShortcuts extends GlobalShortcutPort {
  /**
   * Runs what the OS runs when the keys are pressed (the Electron e2e hooks: a test's key presses
   * reach the focused window, never the OS's global shortcuts). False when the app holds no such keys.
   */
  press(accelerator: string): boolean;
}

export function createElectronGlobalShortcuts(globalShortcut: GlobalShortcutLike, support: 'native' | 'portal'): ElectronGlobalShortcuts {
  const callbacks = new Map<string, () => void>();
  return {
    support,
    register(accelerator, onPress) {
      const registered = globalShortcut.register(accelerator, onPress);
      if (registered) callbacks.set(accelerator, onPress);
      return registered;
    },
    isRegistered: (accelerator) => globalShortcut.isRegistered(accelerator),
    unregister(accelerator) {
      callbacks.delete(accelerator);
      globalShortcut.unregister(accelerator);
    },
    unregisterAll() {
      callbacks.clear();
      globalShortcut.unregisterAll();
    },
    setSuspended: (suspended) => globalShortcut.setSuspended(suspended),
    press(accelerator) {
      const onPress = callbacks.get(accelerator);
      if (!onPress || !globalShortcut.isRegistered(accelerator)) return false;
      onPress();
      return true;
    },
  };
}

/** What releasing the keys at quit needs of Electron's `app`. */
export interface QuitEmitter {
  on(event: 'will-quit', listener: () => void): unknown;
  isReady(): boolean;
}

/**
 * Every shortcut is released on `will-quit`, as Electron's documentation does it
 * (docs/api/global-shortcut.md): the OS keys go back to other apps even if the core never closed.
 * The module may not be used before `ready` (same page), and a start-up that fails quits earlier.
 */
export function releaseShortcutsOnQuit(app: QuitEmitter, globalShortcut: Pick<GlobalShortcutLike, 'unregisterAll'>): void {
  app.on('will-quit', () => {
    if (app.isReady()) globalShortcut.unregisterAll();
  });
}
