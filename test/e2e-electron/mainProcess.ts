import type { ElectronApplication } from '@playwright/test';
import type { E2eHooks } from '../../electron/main/shell/e2eHooks';

/**
 * What the specs read and do in the app's main process. Each callback is serialised into that
 * process, so it names nothing from this file but types; the `electron` module is its argument.
 * Native dialogs cannot be pressed by a test: they are replaced for the test's app, the way
 * Playwright's Electron docs and Mattermost's suite do it, never by a switch in the product.
 */

/** `globalThis.__vexaE2E`, present because the fixture sets VEXA_COMPANION_E2E=1 (shell/e2eHooks.ts). */
interface HookGlobal {
  __vexaE2E: E2eHooks;
}

export const trayState = (app: ElectronApplication) => app.evaluate(() => (globalThis as unknown as HookGlobal).__vexaE2E.trayState());

/** The tray menu's labels, separators as "-". */
export const trayLabels = (app: ElectronApplication) =>
  app.evaluate(() => (globalThis as unknown as HookGlobal).__vexaE2E.trayMenu()?.map((i) => i.label) ?? null);

/** Runs a tray item's action as a click on it would; false when the menu has no such item. */
export const clickTrayItem = (app: ElectronApplication, label: string) =>
  app.evaluate((_electron, item) => (globalThis as unknown as HookGlobal).__vexaE2E.clickTrayItem(item), label);

export const notifications = (app: ElectronApplication) =>
  app.evaluate(() => (globalThis as unknown as HookGlobal).__vexaE2E.notifications());

export const keptNotifications = (app: ElectronApplication) =>
  app.evaluate(() => (globalThis as unknown as HookGlobal).__vexaE2E.keptNotifications());

/** What a click on the notification does; false when the app no longer holds it (the OS refused it, or it was clicked). */
export const clickNotification = (app: ElectronApplication, id: string) =>
  app.evaluate((_electron, which) => (globalThis as unknown as HookGlobal).__vexaE2E.clickNotification(which), id);

/**
 * Runs what pressing a registered global shortcut runs. Playwright's key presses reach the focused
 * window, never the OS's global shortcuts, so the hook calls the callback the app gave Electron.
 */
export const pressShortcut = (app: ElectronApplication, accelerator: string) =>
  app.evaluate((_electron, keys) => (globalThis as unknown as HookGlobal).__vexaE2E.pressShortcut(keys), accelerator);

/** Whether Electron says the app holds these keys (`globalShortcut.isRegistered`). */
export const holdsShortcut = (app: ElectronApplication, accelerator: string) =>
  app.evaluate(({ globalShortcut }, keys) => globalShortcut.isRegistered(keys), accelerator);

export interface WindowState {
  /** Main windows alive (not destroyed). */
  count: number;
  visible: boolean;
  minimized: boolean;
}

/** The main window as the OS shows it; the overlay is the window on the `#/overlay/` route. */
export const mainWindowState = (app: ElectronApplication): Promise<WindowState> =>
  app.evaluate(({ BrowserWindow }) => {
    const main = BrowserWindow.getAllWindows().filter((w) => !w.webContents.getURL().includes('#/overlay/'));
    const win = main[0];
    return { count: main.length, visible: win?.isVisible() ?? false, minimized: win?.isMinimized() ?? false };
  });

/** Hides the main window, as closing it to the tray or Cmd+H leaves it. */
export const hideMainWindow = (app: ElectronApplication) =>
  app.evaluate(({ BrowserWindow }) => {
    for (const w of BrowserWindow.getAllWindows()) if (!w.webContents.getURL().includes('#/overlay/')) w.hide();
  });

/** The window's close button: emits `close`, which the lifecycle may turn into hiding. */
export const closeMainWindow = (app: ElectronApplication) =>
  app.evaluate(({ BrowserWindow }) => {
    for (const w of BrowserWindow.getAllWindows()) if (!w.webContents.getURL().includes('#/overlay/')) w.close();
  });

export interface OverlayState {
  /** What the app says the overlay shows (null when closed). */
  meetingId: number | null;
  windowCount: number;
  window: { id: number; visible: boolean; alwaysOnTop: boolean; focused: boolean } | null;
}

export const overlayState = (app: ElectronApplication): Promise<OverlayState> =>
  app.evaluate(({ BrowserWindow, webContents }) => {
    const { meetingId, webContentsId } = (globalThis as unknown as HookGlobal).__vexaE2E.overlay();
    const contents = webContentsId === null ? undefined : webContents.fromId(webContentsId);
    const win = contents ? BrowserWindow.fromWebContents(contents) : null;
    return {
      meetingId,
      windowCount: BrowserWindow.getAllWindows().length,
      window: win ? { id: win.id, visible: win.isVisible(), alwaysOnTop: win.isAlwaysOnTop(), focused: win.isFocused() } : null,
    };
  });

/**
 * Native message boxes answer with `response` (0: the first button, the default) and are
 * recorded. lifecycle.ts calls `dialog.showMessageBox` when it shows one, so the replacement
 * takes effect for every box shown after this call.
 */
export const answerMessageBoxes = (app: ElectronApplication, response = 0) =>
  app.evaluate(({ dialog }, answer) => {
    const g = globalThis as unknown as { messageBoxes: Array<{ title: string | null; message: string }> };
    g.messageBoxes = [];
    dialog.showMessageBox = (async (...args: unknown[]) => {
      // (options) or (window, options): the options come last.
      const options = args.at(-1) as { title?: string; message: string };
      g.messageBoxes.push({ title: options.title ?? null, message: options.message });
      return { response: answer, checkboxChecked: false };
    }) as typeof dialog.showMessageBox;
  }, response);

export const messageBoxes = (app: ElectronApplication) =>
  app.evaluate(() => (globalThis as unknown as { messageBoxes: Array<{ title: string | null; message: string }> }).messageBoxes);

/** The save dialog picks `filePath`; what it was asked (default path, file types) is recorded. */
export const answerSaveDialogs = (app: ElectronApplication, filePath: string) =>
  app.evaluate(({ dialog }, target) => {
    const g = globalThis as unknown as { saveDialogs: Array<{ defaultPath: string | null; extensions: string[] }> };
    g.saveDialogs = [];
    dialog.showSaveDialog = (async (...args: unknown[]) => {
      const options = args.at(-1) as { defaultPath?: string; filters?: Array<{ extensions: string[] }> };
      g.saveDialogs.push({ defaultPath: options.defaultPath ?? null, extensions: options.filters?.flatMap((f) => f.extensions) ?? [] });
      return { canceled: false, filePath: target };
    }) as typeof dialog.showSaveDialog;
  }, filePath);

export const saveDialogs = (app: ElectronApplication) =>
  app.evaluate(() => (globalThis as unknown as { saveDialogs: Array<{ defaultPath: string | null; extensions: string[] }> }).saveDialogs);

/** Replaces shell.openExternal, so no test ever opens a real browser; the URLs are recorded. */
export const recordOpenedLinks = (app: ElectronApplication) =>
  app.evaluate(({ shell }) => {
    const g = globalThis as unknown as { opened: string[] };
    g.opened = [];
    shell.openExternal = async (url: string) => {
      g.opened.push(url);
    };
  });

export const openedLinks = (app: ElectronApplication) => app.evaluate(() => (globalThis as unknown as { opened: string[] }).opened);

/** Puts text on the system clipboard, as copying it elsewhere would. */
export const setClipboard = (app: ElectronApplication, text: string) =>
  app.evaluate(({ clipboard }, value) => clipboard.writeText(value), text);

/** What the pointer reaching the tray icon does: the core reads the clipboard for the menu. */
export const hoverTray = (app: ElectronApplication) => app.evaluate(() => (globalThis as unknown as HookGlobal).__vexaE2E.hoverTray());

/** The lobby badge and attention requests as the app last drew them (shell/attention.ts). */
export const attentionState = (app: ElectronApplication) => app.evaluate(() => (globalThis as unknown as HookGlobal).__vexaE2E.attention());
