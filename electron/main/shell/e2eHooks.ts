import type { AttentionSnapshot } from './attention';
import type { TraySnapshot } from './trayView';

/** Set to "1" by the Electron end-to-end suite; never set by the app or its installers. */
export const E2E_ENV = 'VEXA_COMPANION_E2E';
/** The global the hooks live on, read with Playwright's `electronApp.evaluate(() => globalThis.__vexaE2E…)`. */
export const E2E_GLOBAL = '__vexaE2E';

export interface E2eSources {
  tray(): TraySnapshot | null;
  notifier: {
    shown(): Array<{ id: string; title: string; body: string }>;
    kept(): string[];
    click(id: string): boolean;
  };
  overlay: { meetingId(): number | null; webContentsId(): number | null };
  /** The lobby badge and attention requests as last drawn (Windows' overlay icon cannot be read back). */
  attention?: () => AttentionSnapshot;
  /** Runs what the pointer reaching the tray icon does (the core reads the clipboard for the menu). */
  trayWillOpen?: () => void;
  /** The global shortcuts the app registered (shell/globalShortcuts.ts). */
  shortcuts?: { press(accelerator: string): boolean };
}

/** What a test can read and do; plain data only, so it survives `evaluate`'s serialisation. */
export interface E2eHooks {
  /** The tray's menu as shown: label (mnemonic escapes included), enabled, separators as "-". */
  trayMenu(): Array<{ label: string; enabled: boolean }> | null;
  trayState(): { state: string; tooltip: string } | null;
  /** Runs a tray item's action, as a click on it would; false when no item has this label. */
  clickTrayItem(label: string): boolean;
  notifications(): Array<{ id: string; title: string; body: string }>;
  /** Ids of notifications still clickable (kept for their click handlers). */
  keptNotifications(): string[];
  /** Runs what a click on a notification does (a real OS notification cannot be clicked by a test). */
  clickNotification(id: string): boolean;
  overlay(): { meetingId: number | null; webContentsId: number | null };
  attention(): AttentionSnapshot | null;
  /** As if the pointer reached the tray icon; false where the app offers no such moment. */
  hoverTray(): boolean;
  /** Runs what pressing a registered global shortcut runs; false when the app holds no such keys. */
  pressShortcut(accelerator: string): boolean;
}

export function createE2eHooks(s: E2eSources): E2eHooks {
  const items = () => s.tray()?.template ?? null;
  return {
    trayMenu: () => items()?.map((i) => ({ label: i.type === 'separator' ? '-' : (i.label ?? ''), enabled: i.enabled ?? true })) ?? null,
    trayState: () => {
      const t = s.tray();
      return t ? { state: t.state, tooltip: t.tooltip } : null;
    },
    clickTrayItem(label) {
      const item = items()?.find((i) => i.label === label && i.type !== 'separator');
      if (!item?.click) return false;
      (item.click as () => void)();
      return true;
    },
    notifications: () => s.notifier.shown(),
    keptNotifications: () => s.notifier.kept(),
    clickNotification: (id) => s.notifier.click(id),
    overlay: () => ({ meetingId: s.overlay.meetingId(), webContentsId: s.overlay.webContentsId() }),
    attention: () => s.attention?.() ?? null,
    hoverTray() {
      if (!s.trayWillOpen) return false;
      s.trayWillOpen();
      return true;
    },
    pressShortcut: (accelerator) => s.shortcuts?.press(accelerator) ?? false,
  };
}

/**
 * Puts the hooks on a global only when the end-to-end suite asked for them: objects Electron
 * offers no way to read back (a Tray's menu, shown notifications) become visible to
 * `electronApp.evaluate`. Returns whether it did.
 */
export function exposeE2eHooks(env: Record<string, string | undefined>, target: object, sources: E2eSources): boolean {
  if (env[E2E_ENV] !== '1') return false;
  Object.defineProperty(target, E2E_GLOBAL, { value: createE2eHooks(sources), configurable: true, enumerable: false });
  return true;
}
