import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { Readable, type Duplex } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { WebSocketServer, type WebSocket } from 'ws';
import { dispatch } from '../../shared/ipc/dispatch';
import { err, IpcCodes } from '../../shared/ipc/result';
import type { Core } from '../core/app';
import { MEDIA_PREFIX } from '../core/recordings/mediaTickets';
import { assetContentType, containedRealPath, resolveAppAsset } from '../main/shell/appProtocol';
import { RENDERER_CSP } from '../main/shell/csp';
import { clipboardAnswerIn, type PageAlert } from '../../shared/ipc/pageFrames';
import type { PageClipboard } from './pageClipboard';
import { cacheControlFor } from './assetCaching';
import { withStartingScreen } from './startingScreen';

/**
 * The web-harness transport: the same handler table as the Electron IPC, carried over a
 * WebSocket bound to 127.0.0.1. A random per-launch token, plus Host and Origin checks, keep
 * other local pages and DNS-rebinding sites from driving the core.
 */

export interface HarnessOptions {
  core: Core;
  /** The built renderer (vite's outDir). */
  rendererDir: string;
  port?: number;
  token?: string;
  /** Observes every frame sent to the renderer (the key canary test reads them). */
  onOutgoing?: (frame: string) => void;
  /** The browser's clipboard behind the core's clipboard port (`npm run web`); tests may keep a recording one. */
  pageClipboard?: PageClipboard;
  /** Notifications and lobby attention for the pages (harnessPorts.ts `pageAlerts`). */
  pageAlerts?: { attach(send: (alert: PageAlert) => void): void };
}

export interface Harness {
  /** The page to open, including the token in the fragment. */
  readonly url: string;
  readonly origin: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MAX_FRAME = 1024 * 1024;

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The path and token of a socket request, or null when its target is not a plain origin-relative
 * path (`//host/…` and absolute forms included) or cannot be parsed at all. `pushState`: the page
 * asks for the app's state as the socket's first frame (`state=push`, renderer/platform/webToken.ts).
 */
export function ipcTarget(raw: string | undefined): { pathname: string; token: string; pushState: boolean } | null {
  if (!raw?.startsWith('/') || raw.startsWith('//')) return null;
  try {
    const url = new URL(raw, `http://${HOST}`);
    return { pathname: url.pathname, token: url.searchParams.get('token') ?? '', pushState: url.searchParams.get('state') === 'push' };
  } catch {
    return null;
  }
}

function refuseUpgrade(socket: Duplex, status: '400 Bad Request' | '403 Forbidden'): void {
  // Ended, then destroyed once written, so the answer reaches the client before the close.
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The renderer's strict CSP with `connect-src` opened for this harness's own socket, and its own
 * address (the page asks whether the app answers when its socket is refused: a restart with a
 * new token, renderer/platform/webBridge.ts).
 */
export function harnessCsp(policy: string, wsOrigin: string): string {
  const httpOrigin = wsOrigin.replace(/^ws:/, 'http:');
  return policy.replace(/connect-src 'none'/, `connect-src ${wsOrigin} ${httpOrigin}`);
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const sockets = new Set<WebSocket>();
  let port = 0;

  const hostOk = (req: IncomingMessage): boolean => req.headers.host === `${HOST}:${port}` || req.headers.host === `localhost:${port}`;

  const serveStatic = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!hostOk(req)) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if ((req.url ?? '').startsWith(MEDIA_PREFIX)) {
      await serveMediaRoute(req, res);
      return;
    }
    const urlPath = (req.url ?? '/').split('?')[0] ?? '/';
    const file = resolveAppAsset(options.rendererDir, urlPath);
    if (!file) {
      res.writeHead(400).end();
      return;
    }
    try {
      const real = await containedRealPath(options.rendererDir, file);
      if (!real) throw new Error('not inside the renderer folder');
      let body: Buffer | string = await readFile(real);
      const wsOrigin = `ws://${req.headers.host}`;
      if (extname(file) === '.html') body = withStartingScreen(harnessCsp(body.toString('utf8'), wsOrigin));
      res.writeHead(200, {
        'content-type': assetContentType(file),
        'content-security-policy': harnessCsp(RENDERER_CSP, wsOrigin),
        'cache-control': cacheControlFor(urlPath),
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  };

  // A recording for the page's <audio>, guarded by the page's token like the socket: the element
  // cannot send a header, so the token rides in the query (the page's own, never the API key).
  const serveMediaRoute = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = ipcTarget(req.url);
    if (!target || !sameSecret(target.token, token) || !options.core.serveMedia) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden');
      return;
    }
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    const headers = new Headers();
    if (typeof req.headers.range === 'string') headers.set('range', req.headers.range);
    const answer = await options.core.serveMedia(
      new Request(`http://${HOST}:${port}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, signal: abort.signal }),
    );
    const out: Record<string, string> = { 'referrer-policy': 'no-referrer', 'cross-origin-resource-policy': 'same-origin' };
    answer.headers.forEach((value, name) => (out[name] = value));
    res.writeHead(answer.status, out);
    if (!answer.body || req.method === 'HEAD') {
      await answer.body?.cancel().catch(() => undefined);
      res.end();
      return;
    }
    const body = Readable.fromWeb(answer.body as NodeWebStream<Uint8Array>);
    // A seek cancels the element's request: the stream from the server is cancelled with it.
    body.on('error', () => res.destroy());
    res.on('close', () => body.destroy());
    body.pipe(res);
  };

  const server = createServer((req, res) => {
    // An async handler's rejection would be unhandled, which ends the process.
    serveStatic(req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { 'content-type': 'text/plain' }).end('Something went wrong');
    });
  });
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME,
  });

  // Node removes its own error listener from an upgraded socket, and this handler runs outside
  // any request's try: every path here must answer or close without throwing, or a page that
  // opens `ws://127.0.0.1:PORT//[` would take the process down.
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    try {
      // Host and Origin first: a foreign page learns nothing from how its path is treated.
      if (!hostOk(req) || req.headers.origin !== `http://${req.headers.host}`) {
        refuseUpgrade(socket, '403 Forbidden');
        return;
      }
      const target = ipcTarget(req.url);
      if (!target) {
        refuseUpgrade(socket, '400 Bad Request');
        return;
      }
      if (target.pathname !== '/ipc' || !sameSecret(target.token, token)) {
        refuseUpgrade(socket, '403 Forbidden');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    } catch (e) {
      options.core.logger.warn('Harness refused a socket it could not handle', { error: String(e) });
      socket.destroy();
    }
  });

  const send = (ws: WebSocket, frame: unknown): void => {
    const text = JSON.stringify(frame);
    options.onOutgoing?.(text);
    if (ws.readyState === ws.OPEN) ws.send(text);
  };

  wss.on('connection', (ws, req: IncomingMessage) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    // The state is worked out while the page is still running its scripts (the socket opens
    // before they finish), so the first screen paints from the first frame it reads instead of
    // after a round trip it can only start once they have run.
    if (ipcTarget(req.url)?.pushState) {
      void dispatch(options.core.handlers, 'app:getState', {})
        .then((state) => {
          if (state.ok) send(ws, { event: 'app:state', payload: state.value });
        })
        .catch(() => undefined);
    }
    // ws reports a client's protocol error (an oversized or malformed frame) as an 'error' event,
    // which ends the process when nobody listens: that client is dropped, the others stay.
    ws.on('error', (e: Error & { code?: string }) => {
      options.core.logger.warn('Harness closed a client that broke the WebSocket protocol', { code: e.code ?? e.message });
      sockets.delete(ws);
      ws.terminate();
    });
    ws.on('message', (data, isBinary) => {
      let msg: unknown;
      try {
        msg = isBinary ? undefined : JSON.parse(data.toString());
      } catch {
        msg = undefined;
      }
      const m = msg as { id?: unknown; channel?: unknown; input?: unknown; clipboardAnswer?: unknown } | undefined;
      const answer = clipboardAnswerIn(m?.clipboardAnswer);
      if (answer) {
        options.pageClipboard?.answer(answer);
        return;
      }
      if (!m || typeof m !== 'object' || typeof m.id !== 'number') {
        options.core.logger.warn('Harness dropped a malformed frame');
        return;
      }
      const id = m.id;
      void dispatch(options.core.handlers, m.channel, m.input, (channel, e) =>
        options.core.logger.error('Handler failed', { channel, error: e }),
      )
        .catch(() => err(IpcCodes.internal, 'Something went wrong inside the app.'))
        .then((result) => send(ws, { id, result }));
    });
  });

  options.pageClipboard?.attach((frame) => {
    let reached = 0;
    for (const ws of sockets) {
      if (ws.readyState !== ws.OPEN) continue;
      send(ws, frame);
      reached += 1;
    }
    return reached;
  });

  options.pageAlerts?.attach((alert) => {
    for (const ws of sockets) send(ws, { pageAlert: alert });
  });

  const unsubscribe = options.core.onEvent((event, payload) => {
    for (const ws of sockets) send(ws, { event, payload });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${HOST}:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
