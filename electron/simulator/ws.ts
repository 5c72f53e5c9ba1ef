import type { IncomingMessage } from 'node:http';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { headerValue } from './auth';
import type { Publisher, SimContext } from './context';
import { invalidKeyError } from './profiles';
import type { MeetingRecord } from './types';

interface MeetingRef {
  platform: string;
  native_id: string;
}

interface Connection {
  ws: WebSocket;
  /** `null` while a G1/G2 socket holds a key that was never valid. */
  userId: number | null;
  subscriptions: Map<number, MeetingRef>;
}

const send = (ws: WebSocket, frame: unknown): void => {
  if (ws.readyState === WebSocket.OPEN) ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
};

/**
 * The `/ws` multiplex: per-generation authentication, subscribe/unsubscribe/ping, and fan-out of
 * meeting frames (subscribers) and G3 user-channel frames (every socket of the user).
 */
export class WsHub implements Publisher {
  readonly server = new WebSocketServer({ noServer: true });
  private readonly connections = new Set<Connection>();
  private ctx: SimContext | null = null;

  attach(ctx: SimContext): void {
    this.ctx = ctx;
  }

  get size(): number {
    return this.connections.size;
  }

  accept(ws: WebSocket, req: IncomingMessage): void {
    const ctx = this.ctx!;
    const url = new URL(req.url ?? '/ws', 'http://localhost');
    const key = headerValue(req.headers, 'x-api-key') ?? url.searchParams.get('api_key');
    if (!key) {
      send(ws, { type: 'error', error: 'missing_api_key' });
      ws.close(4401, 'missing_api_key');
      return;
    }
    const resolved = ctx.users.resolve(key);
    // G3 checks the key at connect time; G1/G2 only when the first subscribe is authorized.
    if (!resolved && ctx.profile === 'g3') {
      send(ws, { type: 'error', error: 'invalid_api_key' });
      ws.close(4401, 'invalid_api_key');
      return;
    }
    const conn: Connection = { ws, userId: resolved?.user.id ?? null, subscriptions: new Map() };
    this.connections.add(conn);
    ws.on('message', (data, isBinary) => this.onMessage(conn, data, isBinary));
    ws.on('close', () => this.connections.delete(conn));
    ws.on('error', () => this.connections.delete(conn));
  }

  toMeeting(meetingId: number, frame: unknown): void {
    for (const c of this.connections) if (c.subscriptions.has(meetingId)) send(c.ws, frame);
  }

  toUser(userId: number, frame: unknown): void {
    for (const c of this.connections) if (c.userId === userId) send(c.ws, frame);
  }

  /** Sends bytes as they are: a string as a text frame, a Buffer as a binary frame. */
  injectRaw(meetingId: number, raw: string | Buffer): number {
    let sent = 0;
    for (const c of this.connections) {
      if (!c.subscriptions.has(meetingId) || c.ws.readyState !== WebSocket.OPEN) continue;
      c.ws.send(raw, { binary: typeof raw !== 'string' });
      sent++;
    }
    return sent;
  }

  dropAll(): void {
    for (const c of this.connections) c.ws.terminate();
    this.connections.clear();
  }

  close(): Promise<void> {
    this.dropAll();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private onMessage(conn: Connection, data: RawData, isBinary: boolean): void {
    const ctx = this.ctx!;
    let msg: unknown;
    try {
      msg = JSON.parse(isBinary ? Buffer.from(data as Buffer).toString('utf8') : data.toString());
    } catch {
      send(conn.ws, { type: 'error', error: 'invalid_json' });
      return;
    }
    if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) {
      if (ctx.profile === 'g3') {
        send(conn.ws, { type: 'error', error: 'invalid_json' });
        return;
      }
      // The G1/G2 loop calls msg.get("action") on whatever JSON arrived: the AttributeError reaches
      // its outer `except Exception as e`, which sends str(e) and leaves the handler, and the
      // server then closes the socket normally (Vexa-ai/vexa@v0.10.7:services/api-gateway/main.py).
      send(conn.ws, { type: 'error', error: `'${pythonTypeName(msg)}' object has no attribute 'get'` });
      conn.ws.close(1000);
      return;
    }
    const { action, meetings } = msg as { action?: unknown; meetings?: unknown };
    if (action === 'ping') send(conn.ws, { type: 'pong' });
    else if (action === 'subscribe') this.subscribe(conn, meetings);
    else if (action === 'unsubscribe') this.unsubscribe(conn, meetings);
    else send(conn.ws, { type: 'error', error: 'unknown_action' });
  }

  private refs(conn: Connection, meetings: unknown, errorCode: string): MeetingRef[] | null {
    if (!Array.isArray(meetings)) {
      send(conn.ws, { type: 'error', error: errorCode, details: "'meetings' must be a non-empty list" });
      return null;
    }
    if (meetings.length === 0) {
      send(conn.ws, { type: 'error', error: errorCode, details: "'meetings' list cannot be empty" });
      return null;
    }
    const refs = meetings.map((m) => {
      const r = (m ?? {}) as Record<string, unknown>;
      return { platform: typeof r.platform === 'string' ? r.platform : '', native_id: typeof r.native_id === 'string' ? r.native_id : '' };
    });
    if (refs.every((r) => !r.platform || !r.native_id)) {
      send(conn.ws, { type: 'error', error: errorCode, details: 'no valid meeting objects' });
      return null;
    }
    return refs;
  }

  private subscribe(conn: Connection, meetings: unknown): void {
    const ctx = this.ctx!;
    const refs = this.refs(conn, meetings, 'invalid_subscribe_payload');
    if (!refs) return;
    if (conn.userId === null) {
      const e = invalidKeyError(ctx.profile);
      send(conn.ws, {
        type: 'error',
        error: 'authorization_service_error',
        status: e.status,
        detail: JSON.stringify({ detail: e.detail }),
      });
      return;
    }
    const authorized: MeetingRef[] = [];
    const errors: string[] = [];
    refs.forEach((ref, i) => {
      const m = this.authorize(conn.userId!, ref);
      if (!m) {
        errors.push(`meetings[${i}] not authorized or not found for user`);
        return;
      }
      conn.subscriptions.set(m.id, ref);
      authorized.push(ref);
    });
    if (ctx.profile === 'g3') {
      if (authorized.length === 0) {
        send(conn.ws, { type: 'error', error: 'authorization_service_error', details: errors.join('; ') });
        return;
      }
      send(conn.ws, { type: 'subscribed', meetings: authorized });
      return;
    }
    if (errors.length > 0) send(conn.ws, { type: 'error', error: 'invalid_subscribe_payload', details: errors });
    send(conn.ws, { type: 'subscribed', meetings: authorized });
  }

  /** Ownership of the newest row; G3 also lets share recipients in. */
  private authorize(userId: number, ref: MeetingRef): MeetingRecord | undefined {
    const ctx = this.ctx!;
    if (!ref.platform || !ref.native_id) return undefined;
    // G1 re-validates with the URL builder, so Teams hex ids cannot be subscribed to (fixed in 0.10.6).
    if (ctx.profile === 'g1' && ref.platform === 'teams' && /^[0-9a-f]{16}$/.test(ref.native_id)) return undefined;
    const own = ctx.meetings.newest(userId, ref.platform, ref.native_id);
    if (own || ctx.profile !== 'g3') return own;
    return ctx.meetings.all().find((m) => m.platform === ref.platform && m.nativeId === ref.native_id && m.viewers.has(userId));
  }

  /**
   * Every generation's unsubscribe (the same loop in G1/G2 main.py and G3 multiplex.py): items are
   * checked one by one; when nothing was unsubscribed and something failed, only the error goes
   * out; otherwise only `unsubscribed`, its failures dropped (an empty list answers `unsubscribed []`).
   */
  private unsubscribe(conn: Connection, meetings: unknown): void {
    if (!Array.isArray(meetings)) {
      send(conn.ws, { type: 'error', error: 'invalid_unsubscribe_payload', details: "'meetings' must be a list" });
      return;
    }
    const removed: MeetingRef[] = [];
    const errors: string[] = [];
    meetings.forEach((item: unknown, i) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        errors.push(`meetings[${i}] must be an object`);
        return;
      }
      const r = item as Record<string, unknown>;
      const ref = { platform: pyStr(r.platform), native_id: pyStr(r.native_id) };
      if (!ref.platform || !ref.native_id) {
        errors.push(`meetings[${i}] missing 'platform' or 'native_id'`);
        return;
      }
      const entry = [...conn.subscriptions.entries()].find(([, s]) => s.platform === ref.platform && s.native_id === ref.native_id);
      if (!entry) {
        errors.push(`meetings[${i}] not currently subscribed`);
        return;
      }
      conn.subscriptions.delete(entry[0]);
      removed.push(ref);
    });
    if (errors.length > 0 && removed.length === 0) {
      send(conn.ws, { type: 'error', error: 'invalid_unsubscribe_payload', details: errors });
      return;
    }
    send(conn.ws, { type: 'unsubscribed', meetings: removed });
  }
}

/** `str(value).strip()` for the JSON values a meeting reference can hold, as the gateways read them. */
function pyStr(value: unknown): string {
  if (value === undefined || value === null) return value === null ? 'None' : '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** The Python type name of a parsed JSON value that is not an object. */
function pythonTypeName(value: unknown): string {
  if (value === null) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  return Number.isInteger(value) ? 'int' : 'float';
}
