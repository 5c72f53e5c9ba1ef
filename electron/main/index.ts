import {
  app,
  autoUpdater as electronAutoUpdater,
  BrowserWindow,
  clipboard,
  dialog,
  globalShortcut,
  Menu,
  nativeImage,
  nativeTheme,
  net,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
  type NativeImage,
} from 'electron';
import { autoUpdater } from 'electron-updater';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppState } from '../../shared/ipc/models';
import { createCore, type Core } from '../core/app';
import type { AppPaths, TrayState } from '../core/ports';
import { PRIVATE_DIR_MODE } from '../core/privateFiles';
import { mcpLaunchArgs } from '../mcp/args';
import { electronStdin } from '../mcp/electronStdio';
import { desktopLaunch } from '../mcp/launch';
import { keepStdoutForProtocol, serveStdio } from '../mcp/stdio';
import { createFileSecretStore } from '../core/secrets/fileSecretStore';
import { configureTlsTrust, logTlsTrust } from '../core/tlsTrust';
import { bindElectronIpc } from './ipc/electronIpc';
import { installLifecycle, type Lifecycle } from './lifecycle';
import { profilePaths } from './profile';
import { aboutPanelOptions, appMenuTemplate, navigateWindow } from './shell/appMenu';
import { createAppProtocolHandler } from './shell/appProtocol';
import { createElectronClipboard } from './shell/clipboard';
import { exposeE2eHooks } from './shell/e2eHooks';
import { createSystemEvents } from './shell/systemEvents';
import { installLinkHandling, protocolRegistration, type LinkHandling } from './shell/deepLinks';
import { createDialogs } from './shell/dialogs';
import { overlayOnTopSupport } from './shell/displayServer';
import { createExternalOpener } from './shell/externalOpener';
import { createElectronGlobalShortcuts, releaseShortcutsOnQuit, shortcutSupport, withPortalFeatures } from './shell/globalShortcuts';
import { hardenWebContents } from './shell/hardening';
import { APP_ORIGIN, APP_SCHEME, APP_START_URL } from './shell/navigation';
import { createElectronNotifier, electronNotifications } from './shell/notifier';
import { installSessionPolicy } from './shell/permissions';
import { createElectronOverlayWindows } from './shell/overlayWindows';
import { createSafeStorageCipher } from './shell/safeStorageCipher';
import { createElectronAttention } from './shell/attention';
import { createElectronLoginItems } from './shell/loginItem';
import { startedAtLogin } from './shell/startHidden';
import { isTemplateIcon, trayIconPng } from './shell/trayIcons';
import { createTrayView } from './shell/trayView';
import { createElectronUpdater } from './shell/updater';
import { windowOptions } from './shell/windowOptions';
import { createWindowPresenter } from './shell/windowPresenter';
import { askInMessageBox, attachWindowRecovery } from './shell/windowRecovery';

/** How long start-up waits for the OS keyring to say whether it can encrypt. */
const KEYRING_WAIT_MS = 10_000;
const APP_ID = 'ai.vexa.companion';
const isMac = process.platform === 'darwin';
// The bundle is dist/electron/main.cjs; the preload sits beside it and the renderer next door.
const PRELOAD_PATH = join(__dirname, 'preload.cjs');
const RENDERER_ROOT = join(__dirname, '..', 'renderer');
// Copied beside main.cjs by the build; a window simply has no icon when it is missing.
const ICON_PATH = join(__dirname, 'icon.png');
const windowIconPath = (): string | null => (process.platform === 'linux' && existsSync(ICON_PATH) ? ICON_PATH : null);

// `--mcp`: an AI client started this executable to read the library (electron/mcp), beside a
// running app. Decided first: that run takes no single-instance lock and opens no window or tray
// (the branch at the end of this file), and stdout carries the protocol only.
const mcpLaunch = mcpLaunchArgs(process.argv);
if (mcpLaunch) keepStdoutForProtocol();

// Both must happen before `ready`: the scheme's privileges are fixed at startup, and the
// sandbox switch applies to every renderer the app will create. No `supportFetchAPI` or
// `corsEnabled`: the renderer fetches nothing, and same-origin module scripts need neither.
// `stream`: recordings play from `/media/…` on this scheme, and Chromium's media player buffers a
// non-http scheme whole (no seeking) unless it is registered as streaming (electron/electron#22955).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, codeCache: true, stream: true } }]);
app.enableSandbox();

// A development run (or VEXA_COMPANION_DATA_DIR) gets its own folders. Must precede the
// single-instance lock, which lives in the userData folder; setPath throws for a missing folder.
const profile = profilePaths({
  isPackaged: app.isPackaged,
  platform: process.platform,
  appData: app.getPath('appData'),
  home: app.getPath('home'),
  env: process.env,
  cwd: process.cwd(),
});
if (profile) {
  // Owner-only like the folder Chromium creates for a packaged run's userData (mkdir 0700).
  mkdirSync(profile.userData, { recursive: true, mode: PRIVATE_DIR_MODE });
  app.setPath('userData', profile.userData);
  app.setAppLogsPath(profile.logs);
}
// The library an AI client reads: the folder the command names, else this profile's. Chromium's
// own files of that run (Local State, GPU cache) go to a folder of their own: the running app holds
// its userData, and two Chromium runs must not share one.
const mcpDataDir = mcpLaunch ? resolve(mcpLaunch.dataDir ?? app.getPath('userData')) : null;
if (mcpDataDir) {
  const runtime = join(mcpDataDir, 'mcp-runtime');
  mkdirSync(runtime, { recursive: true, mode: PRIVATE_DIR_MODE });
  app.setPath('userData', runtime);
  app.setPath('sessionData', runtime);
}

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;
let lifecycle: Lifecycle | null = null;
let trayShown = false;
let links: LinkHandling | null = null;
// The dock or taskbar badge and the flash or bounce for a bot waiting in the lobby.
const attention = createElectronAttention({
  platform: process.platform,
  app,
  window: () => mainWindow,
  appFocused: () => BrowserWindow.getFocusedWindow() !== null,
  overlayIcon: () => nativeImage.createFromBuffer(trayIconPng('attention', { size: 32 }), { scaleFactor: 2 }),
});

const log = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>): void => {
  if (core) core.logger[level](message, fields);
  else console[level](message, fields ?? '');
};

function appPaths(): AppPaths {
  return { data: app.getPath('userData'), logs: app.getPath('logs') };
}

function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow(
    windowOptions({ preloadPath: PRELOAD_PATH, platform: process.platform, dark: nativeTheme.shouldUseDarkColors, icon: windowIconPath() }),
  );
  mainWindow = win;
  lifecycle?.watchMainWindow(win);
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  // The Windows overlay badge belongs to a window's taskbar button: drawn again when one appears.
  win.on('show', () => attention.windowCreated());
  const recovery = attachWindowRecovery({
    name: 'main window',
    contents: win.webContents,
    startUrl: APP_START_URL,
    now: Date.now,
    log,
    giveUp: (problem) => askInMessageBox(dialog, win, problem, app.getPath('logs')),
    reveal: () => mainWindows.reveal(),
    openLogs: openLogFolder,
    quit: () => app.quit(),
  });
  void recovery.load(APP_START_URL);
  return win;
}

// A new main window appears on ready-to-show (no white flash); an existing one comes to the front.
const mainWindows = createWindowPresenter({ create: createMainWindow });

function showWindow(): void {
  if (!app.isReady() || !core) return;
  mainWindows.present();
}

const opener = createExternalOpener({ shell, allowedFolders: () => Object.values(appPaths()) });

function openLogFolder(): void {
  void opener.openFolder(app.getPath('logs')).catch((e: unknown) => log('warn', 'Could not open the log folder', { error: String(e) }));
}

/** The app's own menu replaces Electron's default one, whose Reload and developer tools must not ship. */
function installAppMenu(): void {
  app.setAboutPanelOptions(aboutPanelOptions(app.getVersion(), windowIconPath()));
  const template = appMenuTemplate({
    platform: process.platform,
    isPackaged: app.isPackaged,
    openSettings: () => {
      showWindow();
      const win = mainWindows.current();
      if (win) navigateWindow(win.webContents, { screen: 'settings' });
    },
    openLogs: openLogFolder,
    openUrl: (url) => void opener.openUrl(url).catch((e: unknown) => log('warn', 'Could not open a link', { error: String(e) })),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

// Read before `ready`: on Wayland the overlay cannot keep itself on top and says how to pin it.
const overlayOnTop = overlayOnTopSupport({
  platform: process.platform,
  ozonePlatform: app.commandLine.getSwitchValue('ozone-platform'),
  sessionType: process.env.XDG_SESSION_TYPE,
});

// Also before `ready`: on Wayland global shortcuts go through the desktop's portal, behind
// Chromium features (shell/globalShortcuts.ts).
const shortcutsVia = shortcutSupport({
  platform: process.platform,
  ozonePlatform: app.commandLine.getSwitchValue('ozone-platform'),
  sessionType: process.env.XDG_SESSION_TYPE,
});
if (shortcutsVia === 'portal')
  app.commandLine.appendSwitch('enable-features', withPortalFeatures(app.commandLine.getSwitchValue('enable-features')));

const overlays = createElectronOverlayWindows({
  preloadPath: PRELOAD_PATH,
  appOrigin: APP_ORIGIN,
  platform: process.platform,
  icon: windowIconPath(),
  onTop: overlayOnTop,
  createWindow: (options) => new BrowserWindow(options),
  // A crashed overlay reloads like the main window; one that keeps crashing closes (it can be
  // reopened from the meeting) rather than putting a dialog over the meeting.
  recover: (win) =>
    attachWindowRecovery({
      name: 'caption overlay',
      contents: win.webContents,
      startUrl: APP_START_URL,
      now: Date.now,
      log,
      giveUp: async () => {
        await overlays.close();
        return 'close';
      },
      openLogs: openLogFolder,
      quit: () => app.quit(),
    }),
  workArea: (win) => screen.getDisplayMatching(win.getBounds()).workAreaSize,
  onError: (error) => log('warn', 'Could not show the caption overlay', { error: String(error) }),
});

function createTray(initial: TrayState) {
  const icons = new Map<TrayState, NativeImage>();
  const icon = (state: TrayState): NativeImage => {
    let image = icons.get(state);
    if (!image) {
      image = nativeImage.createFromBuffer(trayIconPng(state, { template: isTemplateIcon(state, isMac) }), { scaleFactor: 2 });
      image.setTemplateImage(isTemplateIcon(state, isMac));
      icons.set(state, image);
    }
    return image;
  };
  const tray = new Tray(icon(initial));
  trayShown = true;
  return {
    setState: (state: TrayState) => tray.setImage(icon(state)),
    setToolTip: (text: string) => tray.setToolTip(text),
    setContextMenu: (menu: Menu) => tray.setContextMenu(menu),
    onClick: (listener: () => void) => void tray.on('click', listener),
    onMouseEnter: (listener: () => void) => void tray.on('mouse-enter', listener),
  };
}

async function start(): Promise<void> {
  installAppMenu();
  // Renderer crashes are handled per window (windowRecovery.ts); the GPU and utility processes
  // Electron restarts by itself, but a crash there is still worth a line in the log.
  app.on('child-process-gone', (_event, details) =>
    log('warn', 'A helper process stopped', { type: details.type, reason: details.reason, exitCode: details.exitCode, name: details.name }),
  );
  // Before the core opens any connection: the nodeOptions fuse hides NODE_EXTRA_CA_CERTS from Node.
  const tlsTrust = configureTlsTrust();
  const paths = appPaths();
  installSessionPolicy(session.defaultSession, {
    appOrigin: APP_ORIGIN,
    onDenied: (what, detail) => log('warn', 'Blocked a renderer request', { what, detail: detail.slice(0, 200) }),
  });
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      root: RENDERER_ROOT,
      media: (request) => core?.serveMedia?.(request) ?? Promise.resolve(new Response('The app is still starting.', { status: 503 })),
    }),
  );

  const notifier = createElectronNotifier({
    platform: process.platform,
    isSupported: () => Notification.isSupported(),
    create: electronNotifications(Notification),
    focusWindow: showWindow,
    ...(process.platform === 'win32' ? { onAnyActivation: (listener: () => void) => Notification.handleActivation(() => listener()) } : {}),
    onFailed: (error) => log('warn', 'A notification could not be shown', { error }),
  });
  const trayView = createTrayView({
    createTray,
    buildMenu: (template) => Menu.buildFromTemplate(template),
    showWindow,
    quit: () => app.quit(),
    platform: process.platform,
    every: (ms, fn) => {
      const t = setInterval(fn, ms);
      return () => clearInterval(t);
    },
  });
  app.on('will-quit', () => trayView.close());
  const shortcutKeys = createElectronGlobalShortcuts(globalShortcut, shortcutsVia);
  // Test-only, and only when the Electron e2e suite sets VEXA_COMPANION_E2E=1 (see shell/e2eHooks.ts).
  exposeE2eHooks(process.env, globalThis, {
    tray: () => trayView.snapshot(),
    notifier,
    overlay: { meetingId: () => overlays.meetingId(), webContentsId: () => overlays.webContents()?.id ?? null },
    attention: () => attention.snapshot(),
    trayWillOpen: () => trayView.willOpen(),
    shortcuts: shortcutKeys,
  });
  // The keyring's answer should be known before the core reads its first status for the UI, but a
  // keyring that never answers (a locked one whose prompt is not shown) must not keep the app from
  // opening: after a while the app starts without it, and the answer still lands when it comes.
  const cipher = createSafeStorageCipher(safeStorage, process.platform);
  await Promise.race([cipher.prepare(), new Promise((resolve) => setTimeout(resolve, KEYRING_WAIT_MS))]);
  // Written by electron-builder from `publish` in electron-builder.yml (shell/updater.ts).
  const updateConfig = join(process.resourcesPath, 'app-update.yml');
  core = await createCore({
    transport: 'electron',
    version: app.getVersion(),
    os: process.platform,
    paths,
    secrets: createFileSecretStore({ file: join(paths.data, 'keys.json'), cipher }),
    // Bundled beside main.cjs (scripts/buildElectron.mjs): long exports never hold the main process.
    exportWorker: { file: join(__dirname, 'exportWorker.cjs') },
    opener,
    system: createSystemEvents({
      powerMonitor,
      isOnline: () => net.isOnline(),
      setInterval: (fn, ms) => {
        const t = setInterval(fn, ms);
        return { cancel: () => clearInterval(t) };
      },
    }),
    notifier,
    tray: trayView,
    dialogs: createDialogs({
      showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
      defaultDir: () => app.getPath('downloads'),
    }),
    clipboard: createElectronClipboard(clipboard),
    overlays,
    loginItems: createElectronLoginItems({
      app,
      platform: process.platform,
      execPath: process.execPath,
      env: process.env,
      home: app.getPath('home'),
    }),
    attention,
    updates: {
      updater: createElectronUpdater({
        isPackaged: app.isPackaged,
        version: app.getVersion(),
        updater: () => autoUpdater,
        updateConfigPath: updateConfig,
        readUpdateConfig: () => (existsSync(updateConfig) ? readFileSync(updateConfig, 'utf8') : null),
        appImage: process.platform === 'linux' && Boolean(process.env.APPIMAGE),
        log: (level, message) => log(level, message),
      }),
    },
    shortcuts: { port: shortcutKeys, showApp: showWindow },
    mcp: desktopLaunch({
      execPath: process.execPath,
      isPackaged: app.isPackaged,
      appPath: app.getAppPath(),
      appImage: process.env.APPIMAGE,
      dataDir: paths.data,
    }),
  });
  // `vexa://` links that started the app (or came meanwhile) go to the core now; the window takes them when it loads.
  const linkCore = core;
  links?.attach((raw) => void linkCore.openLink(raw));
  core.logger.info('Electron shell started', { electron: process.versions.electron, napi: process.versions.napi });
  logTlsTrust(core.logger, tlsTrust);

  // Native menus, dialogs and the window background follow the user's theme setting.
  const followState = (state: AppState): void => {
    if (nativeTheme.themeSource !== state.settings.theme) nativeTheme.themeSource = state.settings.theme;
    lifecycle?.followSettings(state.settings);
  };
  followState(await core.handlers['app:getState'](undefined));
  core.onEvent((event, payload) => {
    if (event === 'app:state') followState(payload as AppState);
  });
  lifecycle?.watchPowerMonitor(powerMonitor);

  bindElectronIpc({
    core,
    getMainWebContents: () => mainWindow?.webContents ?? null,
    getOtherWebContents: () => [overlays.webContents()],
    appOrigin: APP_ORIGIN,
  });
  // Started by the OS at login (startHidden.ts): the app waits in the tray, the window stays closed.
  const hiddenAtLogin = startedAtLogin({
    platform: process.platform,
    argv: process.argv,
    ...(isMac ? { wasOpenedAtLogin: app.getLoginItemSettings().wasOpenedAtLogin } : {}),
  });
  if (hiddenAtLogin) core.logger.info('Started at login; waiting in the tray');
  else showWindow();
}

/** `--mcp`: the library's MCP server on stdio until the AI client closes it; then this process ends. */
function serveLibraryToAiClient(dataDir: string): void {
  // No Dock icon or menu bar for a process no one sees (macOS).
  app.dock?.hide();
  if (isMac) void app.whenReady().then(() => app.setActivationPolicy('prohibited'));
  const stderr = (message: string): void => void process.stderr.write(`${message}\n`);
  serveStdio({ dataDir, version: app.getVersion(), stdin: electronStdin(process.platform), stdout: process.stdout, log: stderr })
    .then(() => app.exit(0))
    .catch((e: unknown) => {
      stderr(`The Vexa Companion library server stopped: ${e instanceof Error ? e.message : String(e)}`);
      app.exit(1);
    });
}

function fail(error: unknown): void {
  const coded = error as { userMessage?: unknown };
  const detail = typeof coded?.userMessage === 'string' ? coded.userMessage : error instanceof Error ? error.message : String(error);
  log('error', 'Startup failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  dialog.showErrorBox('Vexa Companion could not start', `${detail}\n\nThe details are in the log folder: ${app.getPath('logs')}`);
  app.exit(1);
}

if (mcpDataDir) {
  serveLibraryToAiClient(mcpDataDir);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  // Links from the command line, a second instance and macOS open-url; synchronously, before
  // `will-finish-launching`, so a cold-start open-url is not missed (shell/deepLinks.ts).
  links = installLinkHandling({
    app,
    platform: process.platform,
    argv: process.argv,
    registration: protocolRegistration({
      platform: process.platform,
      isPackaged: app.isPackaged,
      defaultApp: process.defaultApp === true,
      execPath: process.execPath,
      argv: process.argv,
      resolvePath: (path) => resolve(path),
    }),
    show: showWindow,
    log,
  });
  // "Restart now" starts the new version while this one is still closing; giving up the lock lets
  // it start instead of handing over to this instance and exiting. electron-updater emits this on
  // Electron's autoUpdater on every OS once the install began (BaseUpdater.quitAndInstall; on macOS
  // Squirrel.Mac's quitAndInstall).
  electronAutoUpdater.on('before-quit-for-update', () => app.releaseSingleInstanceLock());
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, {
      appOrigin: APP_ORIGIN,
      openExternal: (url) => void opener.openUrl(url).catch((e: unknown) => log('warn', 'Could not open a link', { error: String(e) })),
      onBlocked: (what, url) => log('warn', 'Blocked in the renderer', { what, url: url.slice(0, 200) }),
    }),
  );
  // Quitting, closing to the tray and the OS ending the session (lifecycle.ts).
  lifecycle = installLifecycle({
    app,
    platform: process.platform,
    core: () => core,
    trayShown: () => trayShown,
    showMessageBox: (options) => dialog.showMessageBox(options),
    log,
  });
  app.on('activate', showWindow);
  app.on('browser-window-focus', () => attention.focused());
  releaseShortcutsOnQuit(app, globalShortcut);

  app.whenReady().then(start).catch(fail);
}
