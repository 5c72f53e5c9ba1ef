import type { ClientRequestArgs } from 'node:http';
import WebSocket from 'ws';
import { findPublicAddressError, guardedLookup, needsAddressCheck, type Resolver } from '../net/guardedLookup';
import type { Clock, Logger } from '../ports';

/**
 * The one WebSocket to a Vexa server. It keeps itself alive ({"action":"ping"} every 25 s, a
 * pong deadline), reconnects with capped exponential backoff and jitter, re-subscribes every
 * meeting after each reconnect (subscriptions live only as long as a socket), and hands each
 * parsed frame to the owner. Bad frames are counted and dropped, never thrown.
 */

export type LiveStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'unauthorized';

export interface LiveState {
  status: LiveStatus;
  /** When the next attempt happens (epoch ms), while reconnecting. */
  retryAt: number | null;
  attempt: number;
  /** Frames dropped since the socket was created: invalid JSON, non-objects, oversized. */
  dropped: number;
  /** A sentence for the user when the server refused the key or the socket keeps failing. */
  message: string | null;
}

export interface MeetingRef {
  platform: string;
  nativeId: string;
}

export interface LiveSocketOptions {
  /** ws(s)://host/ws */
  url: string;
  apiKey: string;
  clock: Clock;
  logger: Logger;
  onFrame(frame: Record<string, unknown>): void;
  onState(state: LiveState): void;
  /** Called after every (re)connect, once subscriptions were re-sent: time to fill gaps from REST. */
  onOpen?(reconnect: boolean): void;
  pingIntervalMs?: number;
  pongTimeoutMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  maxFrameBytes?: number;
  random?: () => number;
  /** Resolves the host name of a plain ws:// server before each connection (default: the system's). */
  resolveHost?: Resolver;
}

const refKey = (m: MeetingRef): string => `${m.platform}/${m.nativeId}`;

/** Capped exponential backoff with ±20 % jitter: 1, 2, 4 … 30 s. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.8 + 0.4 * random()));
}

export class LiveSocket {
  private ws: WebSocket | null = null;
  private readonly subscriptions = new Map<string, MeetingRef>();
  private timers: Array<{ cancel(): void }> = [];
  private pongTimer: { cancel(): void } | null = null;
  private closed = false;
  private everOpened = false;
  /** Why the last attempt was refused before connecting (a public address over plain ws), if it was. */
  private refusal: string | null = null;
  private state: LiveState = { status: 'idle', retryAt: null, attempt: 0, dropped: 0, message: null };

  constructor(private readonly o: LiveSocketOptions) {}

  get current(): LiveState {
    return this.state;
  }

  start(): void {
    if (this.closed || this.ws) return;
    this.open();
  }

  subscribe(meetings: MeetingRef[]): void {
    const fresh = meetings.filter((m) => !this.subscriptions.has(refKey(m)));
    for (const m of fresh) this.subscriptions.set(refKey(m), m);
    if (fresh.length) this.send({ action: 'subscribe', meetings: fresh.map((m) => ({ platform: m.platform, native_id: m.nativeId })) });
  }

  unsubscribe(meetings: MeetingRef[]): void {
    const known = meetings.filter((m) => this.subscriptions.delete(refKey(m)));
    if (known.length) this.send({ action: 'unsubscribe', meetings: known.map((m) => ({ platform: m.platform, native_id: m.nativeId })) });
  }

  isSubscribed(m: MeetingRef): boolean {
    return this.subscriptions.has(refKey(m));
  }

  /** Network came back or the computer woke up: skip the wait and try now. */
  reconnectNow(): void {
    if (this.closed || this.state.status === 'connected' || this.state.status === 'connecting') return;
    this.clearTimers();
    this.open();
  }

  close(): void {
    this.closed = true;
    this.clearTimers();
    this.pongTimer?.cancel();
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      ws.removeAllListeners();
      ws.on('error', () => undefined);
      if (ws.readyState === WebSocket.OPEN) ws.close(1000, 'app closing');
      else ws.terminate();
    }
    this.setState({ status: 'idle', retryAt: null });
  }

  private setState(patch: Partial<LiveState>): void {
    this.state = { ...this.state, ...patch };
    this.o.onState(this.state);
  }

  private send(message: unknown): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(message));
    return true;
  }

  private clearTimers(): void {
    for (const t of this.timers) t.cancel();
    this.timers = [];
  }

  private open(): void {
    const reconnect = this.everOpened;
    this.setState({ status: this.state.attempt > 0 ? 'reconnecting' : 'connecting', retryAt: null });
    this.refusal = null;
    // ws hands options it does not know (here `lookup`) to http.request, and so to net.connect.
    const options: WebSocket.ClientOptions & Pick<ClientRequestArgs, 'lookup'> = {
      // The key goes in a header, never in the URL, so it cannot end up in a proxy's access log.
      headers: { 'X-API-Key': this.o.apiKey },
      maxPayload: this.o.maxFrameBytes ?? 4 * 1024 * 1024,
      handshakeTimeout: 15_000,
    };
    // Plain ws to a host name: every (re)connect resolves it again and refuses a public address
    // before the handshake (and the key) is sent, as REST does.
    if (needsAddressCheck(this.o.url)) options.lookup = guardedLookup(this.o.resolveHost);
    const ws = new WebSocket(this.o.url, options);
    this.ws = ws;

    ws.on('open', () => {
      this.everOpened = true;
      this.setState({ status: 'connected', attempt: 0, retryAt: null, message: null });
      if (this.subscriptions.size) {
        this.send({
          action: 'subscribe',
          meetings: [...this.subscriptions.values()].map((m) => ({ platform: m.platform, native_id: m.nativeId })),
        });
      }
      this.schedulePing();
      this.o.onOpen?.(reconnect);
    });
    ws.on('message', (data, isBinary) => this.receive(data as Buffer, isBinary));
    ws.on('pong', () => this.pongTimer?.cancel());
    ws.on('error', (e) => {
      this.refusal = findPublicAddressError(e)?.message ?? this.refusal;
      // ws reports an oversized frame as an error and then closes with 1009; count it as dropped.
      if (/max payload/i.test(String(e))) this.setState({ dropped: this.state.dropped + 1 });
      this.o.logger.debug('Live socket error', { error: String(e) });
    });
    ws.on('unexpected-response', (_req, res) => {
      const status = res.statusCode ?? 0;
      if (status === 401 || status === 403) this.refused('The server refused the live connection for this API key.');
      ws.terminate();
    });
    ws.on('close', (code) => this.onClose(ws, code));
  }

  private receive(data: Buffer, isBinary: boolean): void {
    this.armPongDeadline(false);
    let frame: unknown;
    try {
      frame = isBinary ? undefined : JSON.parse(data.toString('utf8'));
    } catch {
      frame = undefined;
    }
    if (!frame || typeof frame !== 'object' || Array.isArray(frame)) {
      this.setState({ dropped: this.state.dropped + 1 });
      this.o.logger.warn('Dropped a malformed live frame', { bytes: data.length });
      return;
    }
    const f = frame as Record<string, unknown>;
    if (f.type === 'error' && (f.error === 'invalid_api_key' || f.error === 'missing_api_key')) {
      this.refused('The server rejected this API key for live updates. Check the key in Settings.');
      return;
    }
    try {
      this.o.onFrame(f);
    } catch (e) {
      this.o.logger.error('A live frame handler failed', { error: e, type: String(f.type) });
    }
  }

  private refused(message: string): void {
    this.setState({ status: 'unauthorized', message, retryAt: null });
  }

  private onClose(ws: WebSocket, code: number): void {
    if (this.ws !== ws) return;
    this.ws = null;
    this.pongTimer?.cancel();
    this.clearTimers();
    if (this.closed) return;
    // 4401: the key was refused. Retrying with the same key only repeats the refusal.
    if (code === 4401 || this.state.status === 'unauthorized') {
      if (this.state.status !== 'unauthorized')
        this.refused('The server rejected this API key for live updates. Check the key in Settings.');
      return;
    }
    const attempt = this.state.attempt + 1;
    const delay = backoffDelay(attempt, this.o.backoffBaseMs ?? 1000, this.o.backoffMaxMs ?? 30_000, this.o.random ?? Math.random);
    // A refused address is said at once (the wait will not fix a name that points at the internet);
    // the next attempts still resolve again, in case the name comes back to a private address.
    this.setState({
      status: attempt >= 4 || this.refusal ? 'offline' : 'reconnecting',
      attempt,
      retryAt: this.o.clock.now() + delay,
      ...(this.refusal ? { message: this.refusal } : {}),
    });
    this.timers.push(this.o.clock.setTimeout(() => this.open(), delay));
  }

  private schedulePing(): void {
    const every = this.o.pingIntervalMs ?? 25_000;
    const tick = (): void => {
      if (this.send({ action: 'ping' })) {
        this.ws?.ping();
        this.armPongDeadline(true);
      }
      this.timers.push(this.o.clock.setTimeout(tick, every));
    };
    this.timers.push(this.o.clock.setTimeout(tick, every));
  }

  /** Any frame proves the socket is alive; a ping starts a deadline for the answer. */
  private armPongDeadline(start: boolean): void {
    this.pongTimer?.cancel();
    this.pongTimer = null;
    if (!start) return;
    const ws = this.ws;
    this.pongTimer = this.o.clock.setTimeout(() => {
      if (this.ws === ws && ws) {
        this.o.logger.info('Live socket missed its pong; reconnecting');
        ws.terminate();
      }
    }, this.o.pongTimeoutMs ?? 10_000);
  }
}
