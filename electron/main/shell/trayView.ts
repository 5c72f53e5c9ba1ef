import type { MenuItemConstructorOptions } from 'electron';
import type { TrayMenuItem, TrayState, TrayView } from '../../core/ports';

export const TRAY_SHOW_LABEL = 'Show Vexa Companion';
export const TRAY_QUIT_LABEL = 'Quit Vexa Companion';

/**
 * A label shown as typed. Electron reads `&` in a menu label as the mnemonic marker (Alt+letter on
 * Windows and Linux) and drops it on every platform; `&&` is its documented way to show one `&`
 * (electron/electron#9584, #9978, #25028). A meeting named "R&D sync" would otherwise read "RD sync"
 * and make "D" a shortcut.
 */
export function menuLabel(text: string): string {
  return text.replaceAll('&', '&&');
}

function revealThen(action: () => void, showWindow: () => void): () => void {
  return () => {
    showWindow();
    action();
  };
}

/**
 * The core's items first, then the two entries every tray needs. "Show" matters on Linux,
 * where AppIndicator trays ignore clicks on the icon and only open the menu.
 */
export function trayMenuTemplate(items: TrayMenuItem[], actions: { showWindow(): void; quit(): void }): MenuItemConstructorOptions[] {
  const own: MenuItemConstructorOptions[] = items.map((item) =>
    item.separator
      ? { type: 'separator' }
      : {
          label: menuLabel(item.label),
          enabled: item.enabled ?? true,
          ...(item.onClick ? { click: item.opensWindow ? revealThen(item.onClick, actions.showWindow) : item.onClick } : {}),
        },
  );
  const fixed: MenuItemConstructorOptions[] = [
    { label: TRAY_SHOW_LABEL, click: actions.showWindow },
    { label: TRAY_QUIT_LABEL, click: actions.quit },
  ];
  return own.length > 0 ? [...own, { type: 'separator' }, ...fixed] : fixed;
}

/** What index.ts provides around Electron's Tray. */
export interface TrayHandle<M> {
  setState(state: TrayState): void;
  setToolTip(text: string): void;
  setContextMenu(menu: M): void;
  onClick(listener: () => void): void;
  /** The pointer reached the icon (Tray `mouse-enter`, emitted on macOS and Windows only). */
  onMouseEnter(listener: () => void): void;
}

/**
 * When the core may read the clipboard for the tray's "Send bot to …" entry. Electron offers no
 * clipboard-change event, and a tray menu cannot be changed while it is open (electron/electron#1393),
 * so the menu must be ready before it opens: on macOS and Windows the pointer reaching the icon
 * (`mouse-enter`, documented for darwin and win32) comes first; Linux AppIndicator trays emit no
 * pointer or click events at all (Tray docs: "When app indicator is used on Linux, the click event
 * is ignored"), so there the clipboard is read at a steady pace instead. A pace only where needed:
 * reading the clipboard is the OS's business to watch (macOS shows paste-access prompts).
 */
export function clipboardCheckPlan(platform: NodeJS.Platform): { onMouseEnter: boolean; everyMs: number | null } {
  return platform === 'darwin' || platform === 'win32' ? { onMouseEnter: true, everyMs: null } : { onMouseEnter: false, everyMs: 3000 };
}

export interface TrayViewDeps<M> {
  createTray(initial: TrayState): TrayHandle<M>;
  buildMenu(template: MenuItemConstructorOptions[]): M;
  showWindow(): void;
  quit(): void;
  platform: NodeJS.Platform;
  /** A repeating timer (the Linux clipboard pace); returns its cancel. */
  every(ms: number, fn: () => void): () => void;
}

export interface TraySnapshot {
  state: TrayState;
  tooltip: string;
  template: MenuItemConstructorOptions[];
}

/** The TrayView port. The tray appears on the core's first update and is kept for the run. */
export function createTrayView<M>(deps: TrayViewDeps<M>): TrayView & {
  /** What the tray shows now, null before the first update (e2e hooks: a Tray's menu cannot be read back). */
  snapshot(): TraySnapshot | null;
  /** Runs the will-open listeners now, as the pointer reaching the icon would (e2e hooks). */
  willOpen(): void;
  /** Stops the clipboard pace (the app quits). */
  close(): void;
} {
  let tray: TrayHandle<M> | null = null;
  let shownState: TrayState | null = null;
  let last: TraySnapshot | null = null;
  const willOpen = new Set<() => void>();
  const fireWillOpen = (): void => willOpen.forEach((l) => l());
  const plan = clipboardCheckPlan(deps.platform);
  let cancelPace: (() => void) | null = null;
  return {
    onWillOpen(listener) {
      willOpen.add(listener);
    },
    willOpen: fireWillOpen,
    close() {
      cancelPace?.();
      cancelPace = null;
    },
    update(state, tooltip, items) {
      if (!tray) {
        tray = deps.createTray(state);
        tray.onClick(deps.showWindow);
        if (plan.onMouseEnter) tray.onMouseEnter(fireWillOpen);
        if (plan.everyMs !== null) cancelPace = deps.every(plan.everyMs, fireWillOpen);
        // The first menu offers the clipboard as it is, not as "not read yet".
        fireWillOpen();
      } else if (state !== shownState) {
        tray.setState(state);
      }
      shownState = state;
      tray.setToolTip(tooltip);
      const template = trayMenuTemplate(items, deps);
      tray.setContextMenu(deps.buildMenu(template));
      last = { state, tooltip, template };
    },
    snapshot: () => last,
  };
}
