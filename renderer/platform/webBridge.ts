import type { VexaBridge } from '../../shared/ipc/bridge';
import { clipboardWriteIn, pageAlertIn, type ClipboardWrite, type PageAlert } from '../../shared/ipc/pageFrames';
import { err, type Err, type Result } from '../../shared/ipc/result';

/**
 * The web harness transport: the same VexaBridge the Electron preload exposes, carried over a
 * WebSocket to the harness. Kept free of DOM types (the socket comes from a factory) so the frame
 * handling is tested in Node with a fake socket.
 *
 * Wire format: client → `{id, channel, input}`; server → `{id, result}` or `{event, payload}`.
 * Beside them, the browser version's own frames (shared/ipc/pageFrames.ts): the core's clipboard
 * writes, answered by the page, and the alerts the desktop app leaves to the OS.
 */

/** Writes text to the browser's clipboard; a refusal carries the words the person reads. */
export type PageClipboardWriter = (text: string) => Promise<{ ok: true } | { ok: false; message: string }>;

/**
 * `connecting` before the first open; `lost` from the first drop until a reconnect succeeds;
 * `refused`: the harness answers but refuses this tab's token (it was restarted, with a new one),
 * so trying again cannot help until the page gets the new address.
 */
export type LinkStatus = 'connecting' | 'open' | 'lost' | 'refused';

export interface SocketHandlers {
  open(): void;
  message(data: unknown): void;
  /** Called once per socket, after an error too. */
  close(): void;
}

export interface SocketLike {
  send(data: string): void;
  close(): void;
}

export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketLike;

export interface Scheduler {
  schedule(fn: () => void, ms: number): () => void;
}

export interface WebBridge extends VexaBridge {
  status(): LinkStatus;
  onStatus(listener: (status: LinkStatus) => void): () => void;
  /** Skips the backoff wait and tries to reconnect now. */
  reconnectNow(): void;
  dispose(): void;
}

export const TRANSPORT_CODE = 'transport';
export const tokenRefused: Err = err(
  TRANSPORT_CODE,
  "The app was restarted and no longer accepts this tab's address. Open the address it printed (it ends in #token=…).",
);
export const transportLost: Err = err(
  TRANSPORT_CODE,
  'Lost the connection to the app core. If it stopped, restart it with npm run web and open the address it prints.',
);

/** 0.5 s, 1 s, 2 s … capped at 10 s: quick when the harness restarts, quiet when it is gone. */
export function backoffDelay(attempt: number): number {
  return Math.min(10_000, 500 * 2 ** Math.max(0, attempt));
}

type Frame =
  | { id: number; result: Result<unknown> }
  | { event: string; payload: unknown }
  | { clipboardWrite: ClipboardWrite }
  | { pageAlert: PageAlert };

/** Parses one server frame; anything that is not one of the two shapes is dropped. */
export function parseFrame(data: unknown): Frame | null {
  if (typeof data !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const frame = value as Record<string, unknown>;
  if (typeof frame.id === 'number' && isResult(frame.result)) return { id: frame.id, result: frame.result };
  if (typeof frame.event === 'string') return { event: frame.event, payload: frame.payload };
  const write = clipboardWriteIn(frame.clipboardWrite);
  if (write) return { clipboardWrite: write };
  const alert = pageAlertIn(frame.pageAlert);
  return alert ? { pageAlert: alert } : null;
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  if (r.ok === true) return true;
  return r.ok === false && typeof r.code === 'string' && typeof r.message === 'string';
}

export function createWebBridge(options: {
  url: string;
  socket: SocketFactory;
  scheduler: Scheduler;
  clipboard?: PageClipboardWriter;
  /**
   * Whether the page's own server answers at all. A browser reports a refused socket (403) and an
   * unreachable server alike, as a close before open; an answering server means the token was refused.
   */
  serverAnswers?: () => Promise<boolean>;
  /** Shows an alert the desktop app would leave to the OS (renderer/platform/pageAlerts.ts). */
  alert?: (alert: PageAlert) => void;
}): WebBridge {
  const { url, socket: openSocket, scheduler, clipboard, alert, serverAnswers } = options;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const queued: string[] = [];
  const eventListeners = new Set<(event: string, payload: unknown) => void>();
  const statusListeners = new Set<(status: LinkStatus) => void>();
  let status: LinkStatus = 'connecting';
  let socket: SocketLike | null = null;
  let isOpen = false;
  let nextId = 1;
  let attempt = 0;
  let cancelRetry: (() => void) | null = null;
  let disposed = false;

  const setStatus = (next: LinkStatus) => {
    if (next === status) return;
    status = next;
    for (const listener of [...statusListeners]) listener(next);
  };

  const failPending = () => {
    const waiting = [...pending.values()];
    pending.clear();
    queued.length = 0;
    for (const resolve of waiting) resolve(transportLost);
  };

  const retry = () => {
    cancelRetry = scheduler.schedule(connect, backoffDelay(attempt++));
  };

  const connect = () => {
    cancelRetry = null;
    if (disposed) return;
    let closed = false;
    let opened = false;
    const current = openSocket(url, {
      open: () => {
        if (closed || disposed) return;
        opened = true;
        isOpen = true;
        attempt = 0;
        for (const frame of queued.splice(0)) current.send(frame);
        setStatus('open');
      },
      message: (data) => {
        const frame = parseFrame(data);
        if (!frame) return;
        if ('clipboardWrite' in frame) {
          const { id, text } = frame.clipboardWrite;
          const write = clipboard ? clipboard(text) : Promise.resolve({ ok: false as const, message: '' });
          void write
            .catch(() => ({ ok: false as const, message: '' }))
            .then((r) => {
              if (!closed) current.send(JSON.stringify({ clipboardAnswer: { id, ok: r.ok, ...(r.ok ? {} : { message: r.message }) } }));
            });
          return;
        }
        if ('pageAlert' in frame) {
          alert?.(frame.pageAlert);
          return;
        }
        if ('id' in frame) {
          const resolve = pending.get(frame.id);
          pending.delete(frame.id);
          resolve?.(frame.result);
          return;
        }
        for (const listener of [...eventListeners]) listener(frame.event, frame.payload);
      },
      close: () => {
        if (closed) return;
        closed = true;
        isOpen = false;
        socket = null;
        failPending();
        if (disposed) return;
        setStatus('lost');
        if (opened || !serverAnswers) {
          retry();
          return;
        }
        void serverAnswers()
          .catch(() => false)
          .then((answers) => {
            if (disposed) return;
            if (answers) setStatus('refused');
            else retry();
          });
      },
    });
    socket = current;
  };

  connect();

  return {
    invoke(channel, input) {
      if (status === 'refused') return Promise.resolve(tokenRefused);
      if (status === 'lost' || disposed) return Promise.resolve(transportLost);
      const id = nextId++;
      const frame = JSON.stringify({ id, channel, input });
      return new Promise<Result<unknown>>((resolve) => {
        pending.set(id, resolve);
        if (isOpen && socket) socket.send(frame);
        else queued.push(frame);
      });
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    status: () => status,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    reconnectNow() {
      if (!cancelRetry) return;
      cancelRetry();
      attempt = 0;
      connect();
    },
    dispose() {
      disposed = true;
      cancelRetry?.();
      cancelRetry = null;
      socket?.close();
      failPending();
    },
  };
}
