import type {
  Clipboard,
  Dialogs,
  ExternalOpener,
  Logger,
  Notifier,
  NotificationRequest,
  OverlayWindows,
  TrayView,
  TrayState,
  TrayMenuItem,
} from '../core/ports';
import { unavailableLoginItems, type Attention, type LoginItems } from '../core/desktop/ports';
import type { PageAlert } from '../../shared/ipc/pageFrames';
import { createHarnessShortcutShell } from './harnessShortcuts';
import { launchableUrl, openWithSystem, type SystemOpenerDeps } from './systemOpener';

/**
 * Desktop ports for the browser-served app. They record what they were asked to do, so the
 * end-to-end tests can assert it, and do the nearest thing a browser session can.
 */
export interface HarnessPorts {
  notifier: Notifier & { readonly sent: NotificationRequest[] };
  tray: TrayView & {
    readonly last: { state: TrayState; tooltip: string; items: TrayMenuItem[] } | null;
    /** What the pointer reaching the tray icon does: the core reads the clipboard for the menu. */
    hover(): void;
  };
  /** The lobby badge as the dock or taskbar would show it, and how often attention was asked for. */
  attention: Attention & { readonly badge: number; readonly requests: number };
  loginItems: LoginItems;
  dialogs: Dialogs;
  clipboard: Clipboard;
  opener: ExternalOpener & { readonly opened: string[] };
  /** The meeting (and its server) whose caption overlay is shown (null when closed). */
  overlays: OverlayWindows & { readonly meetingId: number | null; readonly serverId: string | null };
  /** Global shortcuts: none for a person's browser; recorded, and pressed by the tests, when asked for. */
  shortcuts: ReturnType<typeof createHarnessShortcutShell>;
  /**
   * Where notifications and lobby attention go in a browser: to the open pages, which show a
   * browser notification, flash the tab's title and play a sound (the harness server attaches).
   */
  pageAlerts: { attach(send: (alert: PageAlert) => void): void };
}

export interface HarnessPortOptions {
  logger: Logger;
  /** Launch the system browser for external links (off in tests). */
  launchBrowser: boolean;
  /** How the OS opener is started (tests record the process it would start). */
  system?: SystemOpenerDeps;
  /** The OS's login items (tests pass a fake one); a browser session has none. */
  loginItems?: LoginItems;
  /** Record global shortcuts as if the OS registered them (end-to-end tests); off: the app says they need the desktop app. */
  recordShortcuts?: boolean;
  /** The clipboard the core uses: the browser's (`npm run web`, pageClipboard.ts); a recording one in memory when left out. */
  clipboard?: Clipboard;
}

export const BROWSER_LOGIN_ITEM_REASON = 'The app opened in a browser cannot start at login. The desktop app can.';

export function createHarnessPorts({
  logger,
  launchBrowser,
  system,
  loginItems,
  recordShortcuts = false,
  clipboard,
}: HarnessPortOptions): HarnessPorts {
  const sent: NotificationRequest[] = [];
  const opened: string[] = [];
  let clip = '';
  let overlayMeeting: number | null = null;
  let overlayServer: string | null = null;
  const willOpen: Array<() => void> = [];
  const tray: HarnessPorts['tray'] = {
    last: null,
    update(state, tooltip, items) {
      (this as { last: unknown }).last = { state, tooltip, items };
    },
    onWillOpen: (listener) => void willOpen.push(listener),
    hover: () => willOpen.forEach((l) => l()),
  };
  let toPages: (alert: PageAlert) => void = () => undefined;
  let badge = 0;
  let requests = 0;
  const attention: HarnessPorts['attention'] = {
    get badge() {
      return badge;
    },
    get requests() {
      return requests;
    },
    setLobbyCount: (count) => void (badge = count),
    requestAttention: () => {
      requests++;
      toPages({ kind: 'attention' });
    },
  };
  return {
    notifier: {
      sent,
      notify(request) {
        sent.push(request);
        logger.info('Notification', { title: request.title, body: request.body });
        const { id: tag, title, body, serverId, meetingId, lineKey } = request;
        toPages({
          kind: 'notification',
          tag,
          title,
          body,
          ...(serverId ? { serverId } : {}),
          ...(meetingId !== undefined ? { meetingId } : {}),
          ...(lineKey !== undefined ? { lineKey } : {}),
        });
      },
    },
    tray,
    attention,
    pageAlerts: {
      attach: (send) => void (toPages = send),
    },
    loginItems: loginItems ?? unavailableLoginItems(BROWSER_LOGIN_ITEM_REASON),
    shortcuts: createHarnessShortcutShell(recordShortcuts ? 'native' : 'none'),
    dialogs: {
      // A browser session has no native save dialog; exports arrive as downloads instead.
      canSave: false,
      saveFile: async () => null,
    },
    clipboard: clipboard ?? {
      readText: async () => clip,
      writeText: async (text) => {
        clip = text;
      },
    },
    opener: {
      opened,
      async openUrl(url) {
        // The normalised link, not the text as received, is what goes on to the OS.
        const href = launchableUrl(url);
        if (href === null)
          throw Object.assign(new Error('blocked'), { code: 'blocked_url', userMessage: 'Only web links (http or https) can be opened.' });
        opened.push(href);
        if (launchBrowser) openWithSystem({ kind: 'url', url: href }, system);
      },
      async openFolder(path) {
        opened.push(path);
        if (launchBrowser) openWithSystem({ kind: 'folder', path }, system);
      },
    },
    // A browser tab cannot open an always-on-top window, so the page shows the overlay as a panel.
    overlays: {
      get meetingId() {
        return overlayMeeting;
      },
      get serverId() {
        return overlayServer;
      },
      async open(meetingId, serverId) {
        overlayMeeting = meetingId;
        overlayServer = serverId;
        return 'panel';
      },
      async close() {
        overlayMeeting = null;
        overlayServer = null;
      },
      // The panel is laid out by the page itself.
      async resize() {},
      isOpen: () => overlayMeeting !== null,
    },
  };
}
