import { deepLinkLogFields, LINK_SCHEME } from '../../../shared/deepLink';

/**
 * How `vexa://` links reach the app from the OS. The link itself is read by the core
 * (Core.openLink → core/links); this adapter only collects links from where each OS puts them and
 * holds them until the core exists:
 *
 * - Windows and Linux start the app with the link as a command-line argument: in `process.argv`
 *   on a cold start, and in the `second-instance` event's argv when the app already runs (the
 *   second process quits at once; electron/main/index.ts holds the single-instance lock).
 * - macOS sends an `open-url` event to the running app, also on a cold start, where it can fire
 *   before `will-finish-launching` and `ready` (electron/electron#32600) and Electron keeps no
 *   queue for a listener attached late (electron/electron#53145, Browser::OpenURL notifies
 *   observers at once). So the listener is attached synchronously while the main module loads,
 *   which is earlier than the docs' "early in your application startup" asks (electron.d.ts,
 *   App 'open-url').
 */

/** Electron's App, as far as links need it; `app` itself must be assignable (checked by tsc in index.ts). */
export interface LinkApp {
  on(event: 'open-url', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown;
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean;
}

/** More links than this in one command line, or waiting before the core starts, are not a person clicking. */
export const MAX_PENDING_LINKS = 5;

/**
 * The arguments that are `vexa:` links. Only whole arguments that start with the scheme count:
 * the second-instance argv is not the list the second process was given (Chromium may reorder it
 * and append switches such as `--original-process-start-time`; electron.d.ts, App
 * 'second-instance'), so no position is trusted, and a switch is never a link.
 */
export function linksInArgv(argv: readonly string[]): string[] {
  const prefix = `${LINK_SCHEME}:`;
  return argv.filter((arg) => typeof arg === 'string' && arg.slice(0, prefix.length).toLowerCase() === prefix).slice(0, MAX_PENDING_LINKS);
}

export interface RegistrationInput {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  /** `process.defaultApp`: started as `electron <app folder>` (a development run). */
  defaultApp: boolean;
  execPath: string;
  argv: readonly string[];
  /** `path.resolve`, injected so the decision stays pure. */
  resolvePath(path: string): string;
}

/** The arguments of `app.setAsDefaultProtocolClient('vexa', …)`, or null when the app should not call it. */
export type Registration = { path?: string; args?: string[] } | null;

/**
 * Whether this run registers itself as the `vexa:` handler, and how.
 *
 * - Windows: electron-builder's NSIS installer writes no protocol keys (its templates have none;
 *   electron-builder#8145 and #4582: per-user installs get no handler), so the app registers
 *   itself in HKCU\Software\Classes at every start. A development run is `electron.exe <folder>`:
 *   the OS must start Electron with the app folder, so the path and that argument are given
 *   (Electron's Deep Links tutorial, the `process.defaultApp` branch).
 * - macOS: the scheme is declared in Info.plist (CFBundleURLTypes, from electron-builder.yml
 *   `protocols`), which is what LaunchServices reads; the call only makes this copy the default
 *   handler. Only schemes the bundle declares can be registered (electron.d.ts,
 *   setAsDefaultProtocolClient), so a development run inside Electron.app does not try.
 * - Linux: the desktop file declares `MimeType=x-scheme-handler/vexa;` (electron-builder writes it
 *   from `protocols` for deb and AppImage); Electron's call runs `xdg-settings` with a desktop file
 *   name the app does not control (electron/electron#20382), so it is left to the package.
 */
export function protocolRegistration(input: RegistrationInput): Registration {
  if (input.platform === 'win32') {
    if (input.isPackaged) return {};
    if (!input.defaultApp || input.argv.length < 2 || !input.argv[1]) return null;
    return { path: input.execPath, args: [input.resolvePath(input.argv[1])] };
  }
  if (input.platform === 'darwin') return input.isPackaged ? {} : null;
  return null;
}

export interface LinkHandlingOptions {
  app: LinkApp;
  platform: NodeJS.Platform;
  /** `process.argv` of this (first) process. */
  argv: readonly string[];
  registration: Registration;
  /** Brings the main window to the front (it does nothing before the app is ready). */
  show(): void;
  log(level: 'info' | 'warn', message: string, fields?: Record<string, unknown>): void;
}

export interface LinkHandling {
  /** From here on links go to `open`; those that arrived before go now, oldest first. */
  attach(open: (raw: string) => unknown): void;
}

/** Listens where the OS delivers links; call synchronously while the main module loads (see above). */
export function installLinkHandling(o: LinkHandlingOptions): LinkHandling {
  let open: ((raw: string) => unknown) | null = null;
  let pending: string[] = [];
  const deliver = (raw: string, source: 'argv' | 'second-instance' | 'open-url'): void => {
    // The link's path and query stay out of the log: a web page chose them.
    o.log('info', 'A link arrived', { source, ...deepLinkLogFields(raw) });
    if (open) open(raw);
    else pending = [...pending, raw].slice(-MAX_PENDING_LINKS);
  };

  o.app.on('open-url', (event, url) => {
    // Marked as handled, as electron.d.ts asks of the sibling 'open-file' event.
    event.preventDefault();
    deliver(url, 'open-url');
    o.show();
  });
  // Also the window's way back to the front when the app is started again without a link.
  o.app.on('second-instance', (_event, argv) => {
    for (const link of linksInArgv(argv)) deliver(link, 'second-instance');
    o.show();
  });
  // macOS hands a cold-start link to open-url, not to argv.
  if (o.platform !== 'darwin') for (const link of linksInArgv(o.argv.slice(1))) deliver(link, 'argv');

  if (o.registration) {
    const { path, args } = o.registration;
    const ok =
      path === undefined ? o.app.setAsDefaultProtocolClient(LINK_SCHEME) : o.app.setAsDefaultProtocolClient(LINK_SCHEME, path, args);
    if (!ok) o.log('warn', `Could not register as the handler of ${LINK_SCHEME}:// links`, { platform: o.platform });
  }

  return {
    attach(next) {
      open = next;
      const waiting = pending;
      pending = [];
      for (const raw of waiting) next(raw);
    },
  };
}
