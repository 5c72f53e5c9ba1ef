import WebSocket from 'ws';
import type { ChannelName, ChannelOutput } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';

/** A test-side renderer: speaks the web harness protocol exactly as the page does. */
export interface IpcTestClient {
  invoke<C extends ChannelName>(channel: C, input?: unknown): Promise<Result<ChannelOutput<C>>>;
  /** Sends any value as the input of any channel name, for fuzzing. */
  raw(channel: unknown, input: unknown): Promise<Result<unknown>>;
  /**
   * Sends a frame written by hand (given its id), for what `JSON.stringify` cannot produce: a
   * `__proto__` key, `1e999`. Resolves with the reply to that id.
   */
  rawText(frame: (id: number) => string): Promise<Result<unknown>>;
  events: Array<{ event: string; payload: unknown }>;
  close(): void;
}

export async function connectIpc(pageUrl: string): Promise<IpcTestClient> {
  const url = new URL(pageUrl);
  const token = url.hash.slice('#token='.length);
  const ws = new WebSocket(`ws://${url.host}/ipc?token=${token}`, { origin: url.origin });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const events: IpcTestClient['events'] = [];
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString()) as { id?: number; result?: Result<unknown>; event?: string; payload?: unknown };
    if (typeof msg.id === 'number' && msg.result) {
      pending.get(msg.id)?.(msg.result);
      pending.delete(msg.id);
    } else if (msg.event) events.push({ event: msg.event, payload: msg.payload });
  });
  let next = 0;
  const rawText = (frame: (id: number) => string) =>
    new Promise<Result<unknown>>((resolve) => {
      const id = ++next;
      pending.set(id, resolve);
      ws.send(frame(id));
    });
  const raw = (channel: unknown, input: unknown) => rawText((id) => JSON.stringify({ id, channel, input }));
  return {
    invoke: (channel, input) => raw(channel, input) as never,
    raw,
    rawText,
    events,
    close: () => ws.close(),
  };
}

/** Unwraps an ok Result or fails the test with the error's code and message. */
export function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.value;
}
