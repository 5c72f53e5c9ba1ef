import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { authenticateUser, checkAdmin, checkControl } from './auth';
import type { SimContext } from './context';
import { detail, type Caller, type Router, type SimRequest, type SimResponse } from './http';
import { RateLimiter } from './rateLimit';
import type { SimFault } from './types';
import type { WsHub } from './ws';

const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface ServerOptions {
  host: string;
  port: number;
  /** Requests per minute per key (or address); 0 disables the limiter. */
  rateLimitPerMinute: number;
  /** False for G3's admin-api address, which has no `/ws`. */
  websocket?: boolean;
}

/**
 * The HTTP side: routing, authentication, fault injection, the optional rate limiter, WebSocket
 * upgrades, and stop/restart on the same port with in-memory state kept.
 */
export class SimServer {
  readonly http: Server;
  private fault: SimFault | null = null;
  private port: number;
  private readonly limiter: RateLimiter;
  private closed = false;
  /** Ends the down period of a restart early (close during a restart). */
  private wake: (() => void) | null = null;
  private backEarly = false;

  constructor(
    private readonly ctx: SimContext,
    private readonly router: Router,
    private readonly hub: WsHub,
    private readonly opts: ServerOptions,
  ) {
    this.port = opts.port;
    this.limiter = new RateLimiter(ctx.profile, opts.rateLimitPerMinute);
    this.http = createServer((req, res) => void this.onRequest(req, res));
    this.http.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head));
  }

  get url(): string {
    return `http://${this.opts.host}:${this.port}`;
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error): void => reject(err);
      this.http.once('error', onError);
      this.http.listen(this.port, this.opts.host, () => {
        this.http.off('error', onError);
        const address = this.http.address();
        if (address && typeof address === 'object') this.port = address.port;
        resolve();
      });
    });
  }

  setFault(fault: SimFault | null): void {
    this.fault = fault && (fault.count === undefined || fault.count > 0) ? { ...fault } : null;
  }

  currentFault(): SimFault | null {
    return this.fault ? { ...this.fault } : null;
  }

  async restart(downMs: number): Promise<void> {
    this.backEarly = false;
    await this.stopListening();
    // A comeBack() or close() while the sockets were still closing ends the downtime at once.
    if (!this.backEarly && !this.closed) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.wake = null;
          resolve();
        }, downMs);
        this.wake = () => {
          clearTimeout(timer);
          this.wake = null;
          resolve();
        };
      });
    }
    if (this.closed) return;
    await this.listen();
    this.ctx.log(`back on ${this.url}`);
  }

  /** Ends the downtime of a restart in progress; nothing happens when none is. */
  comeBack(): void {
    this.backEarly = true;
    this.wake?.();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    await this.hub.close();
    await this.stopListening();
  }

  private stopListening(): Promise<void> {
    this.hub.dropAll();
    return new Promise((resolve) => {
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
  }

  /** Takes the next matching fault, counting it down. */
  private takeFault(path: string): SimFault | null {
    const f = this.fault;
    if (!f || path.startsWith('/_sim/') || !path.startsWith(f.paths ?? '/')) return null;
    if (f.count !== undefined) {
      f.count -= 1;
      if (f.count <= 0) this.fault = null;
    }
    return f;
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The server's own clock (skewed, when a test sets one), as a real server's Date header is.
    res.setHeader('Date', new Date(this.ctx.clock.now()).toUTCString());
    const url = new URL(req.url ?? '/', 'http://localhost');
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      write(res, detail(413, 'Request body too large'));
      return;
    }
    const fault = this.takeFault(url.pathname);
    if (fault) {
      const respond = (): void => write(res, faultResponse(fault));
      if (fault.hangMs) this.ctx.clock.afterReal(fault.hangMs, respond);
      else respond();
      return;
    }
    const request: SimRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      params: {},
      origin: `http://${req.headers.host ?? `${this.opts.host}:${this.port}`}`,
    };
    let response: SimResponse;
    try {
      response = await this.dispatch(request, req.socket.remoteAddress ?? 'unknown');
    } catch (err) {
      this.ctx.log(`handler error on ${request.method} ${request.path}: ${String(err)}`);
      response = detail(500, 'Internal Server Error');
    }
    write(res, response);
  }

  /** The limiter wraps every route, unknown paths and refused keys included, as G2's middleware does. */
  private async dispatch(req: SimRequest, address: string): Promise<SimResponse> {
    const limited = req.path.startsWith('/_sim/') ? null : this.limiter.take(req, address);
    if (limited && 'rejected' in limited) return limited.rejected;
    const response = await this.route(req);
    if (limited) response.headers = { ...response.headers, ...limited.headers };
    return response;
  }

  private route(req: SimRequest): SimResponse | Promise<SimResponse> {
    const match = this.router.match(req.method, req.path);
    if (match.kind === 'not-found') return detail(404, 'Not Found');
    if (match.kind === 'method-not-allowed') return detail(405, 'Method Not Allowed');
    req.params = match.params;
    const auth = match.route.auth;
    let caller: Caller | null = null;
    if (auth.kind === 'user') {
      const result = authenticateUser(this.ctx, req.headers, auth.scope, auth.service);
      if (!result.ok) return result.response;
      caller = result.caller;
    } else if (auth.kind === 'admin' || auth.kind === 'control') {
      const denied = auth.kind === 'admin' ? checkAdmin(this.ctx, req.headers) : checkControl(this.ctx, req.headers);
      if (denied) return denied;
    }
    return match.route.handler(req, caller);
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== '/ws' || this.opts.websocket === false) {
      rejectUpgrade(socket, { status: 404, body: JSON.stringify({ detail: 'Not Found' }), contentType: 'application/json' });
      return;
    }
    const fault = this.takeFault(path);
    if (fault) {
      const respond = (): void => rejectUpgrade(socket, fault);
      if (fault.hangMs) this.ctx.clock.afterReal(fault.hangMs, respond);
      else respond();
      return;
    }
    this.hub.server.handleUpgrade(req, socket, head, (ws) => this.hub.accept(ws, req));
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function faultContentType(f: SimFault): string {
  return f.contentType ?? (f.body.trimStart().startsWith('<') ? 'text/html; charset=utf-8' : 'application/json');
}

function faultResponse(f: SimFault): SimResponse {
  return { status: f.status, body: f.body, headers: { 'Content-Type': faultContentType(f) } };
}

function rejectUpgrade(socket: Duplex, f: Pick<SimFault, 'status' | 'body' | 'contentType'>): void {
  if (socket.destroyed) return;
  const type = f.contentType ?? faultContentType({ ...f, status: f.status });
  socket.end(
    `HTTP/1.1 ${f.status} Simulated\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(f.body)}\r\nConnection: close\r\n\r\n${f.body}`,
  );
}

function write(res: ServerResponse, r: SimResponse): void {
  if (res.writableEnded || res.destroyed) return;
  const headers: Record<string, string> = { ...r.headers };
  let payload: string | Buffer | undefined;
  if (r.body !== undefined) {
    if (Buffer.isBuffer(r.body)) {
      payload = r.body;
      headers['Content-Type'] ??= 'application/octet-stream';
    } else if (typeof r.body === 'string') {
      payload = r.body;
      headers['Content-Type'] ??= 'text/plain; charset=utf-8';
    } else {
      payload = JSON.stringify(r.body);
      headers['Content-Type'] ??= 'application/json';
    }
  }
  if (r.afterSend) res.once('finish', r.afterSend);
  res.writeHead(r.status, headers);
  res.end(payload);
}
