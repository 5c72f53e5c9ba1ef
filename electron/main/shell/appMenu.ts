import type { AboutPanelOptionsOptions, MenuItemConstructorOptions } from 'electron';
import { EVENT_CHANNEL } from '../../../shared/ipc/bridge';
import type { EventPayload } from '../../../shared/ipc/contract';

export const APP_NAME = 'Vexa Companion';
export const SETTINGS_LABEL = 'Settings…';
export const SETTINGS_ACCELERATOR = 'CmdOrCtrl+,';
export const HELP_LINKS = [{ label: 'Vexa website', url: 'https://vexa.ai' }] as const;

export interface AppMenuInput {
  platform: NodeJS.Platform;
  /** `app.isPackaged`: Reload and the developer tools exist only in development runs. */
  isPackaged: boolean;
  openSettings(): void;
  openLogs(): void;
  openUrl(url: string): void;
}

/**
 * The application menu. Without one Electron installs its default menu, whose View menu carries
 * Reload and Toggle Developer Tools into production. Roles are Electron's (MenuItemConstructorOptions
 * `role` in electron.d.ts); the Edit roles are what makes Cmd+C/V/X/A work in text fields on macOS,
 * where keyboard shortcuts reach a page only through the menu.
 */
export function appMenuTemplate({ platform, isPackaged, openSettings, openLogs, openUrl }: AppMenuInput): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const settings: MenuItemConstructorOptions = { label: SETTINGS_LABEL, accelerator: SETTINGS_ACCELERATOR, click: openSettings };

  const appMenu: MenuItemConstructorOptions = {
    label: APP_NAME,
    submenu: [
      { role: 'about' },
      sep,
      settings,
      sep,
      { role: 'services' },
      sep,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      sep,
      { role: 'quit' },
    ],
  };
  // Windows and Linux: the menu bar hides until Alt (autoHideMenuBar); Settings and Quit live in File.
  const fileMenu: MenuItemConstructorOptions = { label: '&File', submenu: [settings, sep, { role: 'quit' }] };

  const editMenu: MenuItemConstructorOptions = {
    label: isMac ? 'Edit' : '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      sep,
      { role: 'selectAll' },
    ],
  };

  const developer: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, sep];
  const viewMenu: MenuItemConstructorOptions = {
    label: isMac ? 'View' : '&View',
    submenu: [...developer, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, sep, { role: 'togglefullscreen' }],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: isMac ? 'Window' : '&Window',
    role: 'window',
    submenu: isMac ? [{ role: 'minimize' }, { role: 'zoom' }, sep, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: isMac ? 'Help' : '&Help',
    role: 'help',
    submenu: [
      ...HELP_LINKS.map((link) => ({ label: link.label, click: () => openUrl(link.url) })),
      { label: 'Open the log folder', click: openLogs },
      // macOS has About in the app menu; elsewhere it lives here (app.showAboutPanel via the role).
      ...(isMac ? [] : [sep, { role: 'about' } as const]),
    ],
  };

  return [...(isMac ? [appMenu] : [fileMenu]), editMenu, viewMenu, windowMenu, helpMenu];
}

/** The About panel's content. Linux shows one only with values set; macOS and Windows fill in their own. */
export function aboutPanelOptions(version: string, icon: string | null): AboutPanelOptionsOptions {
  return { applicationName: APP_NAME, applicationVersion: version, website: HELP_LINKS[0].url, ...(icon ? { iconPath: icon } : {}) };
}

/** The web contents the menu talks to, as far as it needs them. */
export interface MenuTargetContents {
  isDestroyed(): boolean;
  isLoading(): boolean;
  once(event: 'did-finish-load', listener: () => void): unknown;
  send(channel: string, message: unknown): void;
}

/**
 * Asks the window's page to show a screen (event `ui:navigate`). A window the menu just opened is
 * still loading; the event waits for its page, whose event listeners exist by then (module scripts
 * run before the load event).
 */
export function navigateWindow(contents: MenuTargetContents, payload: EventPayload<'ui:navigate'>): void {
  const send = (): void => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, { event: 'ui:navigate', payload });
  };
  if (contents.isLoading()) contents.once('did-finish-load', send);
  else send();
}
