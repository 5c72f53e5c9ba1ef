import { WebSocket } from 'ws';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../electron/simulator/index';
import { waitFor } from '../../support/waitFor';

export const KEY = 'test-key';
export const ADMIN = 'admin-secret';

/** Big enough that a whole normal meeting takes well under a second. */
export const FAST = 200;

/** Unlimited unless a test asks: at FAST time a G2 key's 120 requests a minute go quickly. */
export function start(opts: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulator({ port: 0, timeScale: FAST, apiKeys: [KEY], adminKey: ADMIN, rateLimitPerMinute: 0, ...opts });
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // Test code reads arbitrary server JSON.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export async function call(
  sim: Simulator,
  method: string,
  path: string,
  opts: { key?: string | null; admin?: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; base?: string } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...opts.headers };
  const key = opts.key === undefined ? KEY : opts.key;
  if (key !== null) headers['X-API-Key'] = key;
  if (opts.admin) headers['X-Admin-API-Key'] = opts.admin;
  let body: string | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['Content-Type'] = 'application/json';
  }
  const res = await fetch((opts.base ?? sim.url) + path, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

/** An admin API call at the generation's admin address (a separate one on G3). */
export function adminCall(sim: Simulator, method: string, path: string, opts: { admin?: string; body?: unknown } = {}): Promise<Reply> {
  return call(sim, method, path, { key: null, admin: ADMIN, ...opts, base: sim.adminUrl ?? undefined });
}

export async function meetingStatus(sim: Simulator, id: number): Promise<string> {
  const state = await call(sim, 'GET', '/_sim/state', { admin: ADMIN });
  return (state.body.meetings as Array<{ id: number; status: string }>).find((m) => m.id === id)?.status ?? 'missing';
}

export function waitForStatus(sim: Simulator, id: number, status: string): Promise<true> {
  return waitFor(`meeting ${id} to be ${status}`, async () => (await meetingStatus(sim, id)) === status);
}

export async function sendBot(sim: Simulator, nativeId: string, scenario = 'normal', extra: Record<string, unknown> = {}): Promise<Reply> {
  return call(sim, 'POST', '/bots', {
    body: { platform: 'google_meet', native_meeting_id: nativeId, bot_name: `sim:${scenario}`, ...extra },
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Frame = any;

/** A WebSocket client that records every frame and lets a test wait for one. */
export class FrameLog {
  readonly frames: Frame[] = [];
  readonly raw: Array<{ data: string; binary: boolean }> = [];
  closed: { code: number; reason: string } | null = null;
  private waiters: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      const text = Buffer.isBuffer(data) ? data.toString('utf8') : String(data);
      this.raw.push({ data: text, binary: isBinary });
      try {
        this.frames.push(JSON.parse(text));
      } catch {
        this.frames.push({ unparsed: text });
      }
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
  }

  static open(sim: Simulator, opts: { key?: string | null; viaHeader?: boolean } = {}): Promise<FrameLog> {
    const key = opts.key === undefined ? KEY : opts.key;
    const base = sim.url.replace(/^http/, 'ws') + '/ws';
    const url = key !== null && !opts.viaHeader ? `${base}?api_key=${encodeURIComponent(key)}` : base;
    const ws = new WebSocket(url, key !== null && opts.viaHeader ? { headers: { 'X-API-Key': key } } : {});
    const log = new FrameLog(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(log));
      ws.once('error', reject);
    });
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  async subscribe(platform: string, nativeId: string): Promise<Frame> {
    const before = this.frames.length;
    this.send({ action: 'subscribe', meetings: [{ platform, native_id: nativeId }] });
    return this.waitFor((f) => f.type === 'subscribed' || f.type === 'error', 'subscribe reply', before);
  }

  waitFor(predicate: (f: Frame) => boolean, what: string, fromIndex = 0, timeoutMs = 8000): Promise<Frame> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const hit = this.frames.slice(fromIndex).find(predicate);
        if (hit !== undefined) {
          resolve(hit);
          return true;
        }
        return false;
      };
      if (check()) return;
      const timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.frames.slice(-5))}`)),
        timeoutMs,
      );
      const waiter = (): void => {
        if (check()) {
          clearTimeout(timer);
          this.waiters = this.waiters.filter((w) => w !== waiter);
        }
      };
      this.waiters.push(waiter);
    });
  }

  waitClosed(timeoutMs = 5000): Promise<{ code: number; reason: string }> {
    return waitFor('socket close', () => this.closed, timeoutMs);
  }

  close(): void {
    this.ws.terminate();
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }
}
