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
  const own: MenuItemConstructorOptions[] = items.map((item) => ({
    label: menuLabel(item.label),
    enabled: item.enabled ?? true,
    ...(item.onClick ? { click: item.opensWindow ? revealThen(item.onClick, actions.showWindow) : item.onClick } : {}),
  }));
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
}

export interface TrayViewDeps<M> {
  createTray(initial: TrayState): TrayHandle<M>;
  buildMenu(template: MenuItemConstructorOptions[]): M;
  showWindow(): void;
  quit(): void;
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
} {
  let tray: TrayHandle<M> | null = null;
  let shownState: TrayState | null = null;
  let last: TraySnapshot | null = null;
  return {
    update(state, tooltip, items) {
      if (!tray) {
        tray = deps.createTray(state);
        tray.onClick(deps.showWindow);
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
