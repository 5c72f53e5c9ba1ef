import { typedApi, type TypedApi, type VexaBridge } from '../../shared/ipc/bridge';
import { err } from '../../shared/ipc/result';
import { createWebBridge, type LinkStatus, type SocketFactory } from './webBridge';
import { harnessSocketUrl, reloadForNewToken, takeHarnessToken } from './webToken';
import { pageClipboardEnvironment, writeBrowserClipboard } from './browserClipboard';
import type { PageAlert } from '../../shared/ipc/pageFrames';

/**
 * Picks the transport once, at start-up: the Electron preload's `window.vexa`, or the web
 * harness's WebSocket. Everything else in the renderer sees only `api` and `link`.
 */

declare global {
  interface Window {
    vexa?: VexaBridge;
  }
}

export type { LinkStatus };

export interface Link {
  status(): LinkStatus | 'no-token';
  onStatus(listener: (status: LinkStatus) => void): () => void;
  reconnectNow(): void;
}

const browserSocket: SocketFactory = (url, handlers) => {
  const ws = new WebSocket(url);
  ws.onopen = () => handlers.open();
  ws.onmessage = (event) => handlers.message(event.data);
  ws.onclose = () => handlers.close();
  return { send: (data) => ws.send(data), close: () => ws.close() };
};

const browserScheduler = {
  schedule(fn: () => void, ms: number) {
    const timer = window.setTimeout(fn, ms);
    return () => window.clearTimeout(timer);
  },
};

function electronTransport(bridge: VexaBridge): { bridge: VexaBridge; link: Link } {
  return { bridge, link: { status: () => 'open', onStatus: () => () => undefined, reconnectNow: () => undefined } };
}

function missingTokenTransport(): { bridge: VexaBridge; link: Link } {
  const bridge: VexaBridge = {
    invoke: () => Promise.resolve(err('transport', 'Open the address printed by npm run web; it carries the access token.')),
    onEvent: () => () => undefined,
  };
  return { bridge, link: { status: () => 'no-token', onStatus: () => () => undefined, reconnectNow: () => undefined } };
}

const alertListeners = new Set<(alert: PageAlert) => void>();

/** Alerts the browser version's page shows itself (a notification, the lobby's title and sound). */
export function onPageAlert(listener: (alert: PageAlert) => void): () => void {
  alertListeners.add(listener);
  return () => alertListeners.delete(listener);
}

/** The harness token this page runs with (the browser version); media addresses carry it like the socket. */
let pageToken: string | null = null;

function webTransport(): { bridge: VexaBridge; link: Link } {
  const token = takeHarnessToken({
    location: window.location,
    storage: window.sessionStorage,
    replaceUrl: (url) => window.history.replaceState(null, '', url),
  });
  // Pasting the new address of a restarted app into this tab changes only the fragment, which
  // does not reload a page: a new token in it does.
  window.addEventListener('hashchange', () => {
    if (reloadForNewToken(window.location.hash, token)) window.location.reload();
  });
  if (!token) return missingTokenTransport();
  pageToken = token;
  const bridge = createWebBridge({
    url: harnessSocketUrl(window.location.host, token, window.location.protocol === 'https:'),
    socket: browserSocket,
    scheduler: browserScheduler,
    // The core's "copy" lands on this browser's clipboard, where the person pastes from.
    clipboard: async (text) => {
      const r = await writeBrowserClipboard(pageClipboardEnvironment(), text);
      return r.ok ? { ok: true } : r;
    },
    // Any answer from the page's own address: the app is there, and it refused the token.
    serverAnswers: () =>
      fetch('/', { method: 'HEAD', cache: 'no-store' }).then(
        () => true,
        () => false,
      ),
    alert: (alert) => {
      for (const listener of [...alertListeners]) listener(alert);
    },
  });
  return { bridge, link: bridge };
}

const transport = window.vexa ? electronTransport(window.vexa) : webTransport();

/** The app opened in a browser (`npm run web`): its clipboard, alerts and address are the browser's. */
export const inBrowser = !window.vexa;

export const api: TypedApi = typedApi(transport.bridge);
export const link: Link = transport.link;

/**
 * The address an `<audio>` element plays for a media path the core handed out (`media/<ticket>`):
 * on the window's own origin (the desktop app's protocol, or the harness, with this page's token,
 * since a media element cannot send a header). Never a server's address, never a key.
 */
export function mediaUrl(path: string, download = false): string {
  const params = new URLSearchParams();
  if (pageToken) params.set('token', pageToken);
  if (download) params.set('download', '1');
  const query = params.toString();
  return `/${path.replace(/^\/+/, '')}${query ? `?${query}` : ''}`;
}
