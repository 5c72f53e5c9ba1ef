import { describe, expect, it } from 'vitest';
import { createBridge, type IpcRendererLike } from '../../../electron/preload/createBridge';
import { EVENT_CHANNEL } from '../../../shared/ipc/bridge';
import { channelNames } from '../../../shared/ipc/contract';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc(answer: (channel: string, input: unknown) => Promise<unknown>) {
  const listeners = new Map<string, Set<Listener>>();
  const invoked: Array<[string, unknown]> = [];
  const ipc: IpcRendererLike = {
    invoke: (channel, ...args) => {
      invoked.push([channel, args[0]]);
      return answer(channel, args[0]);
    },
    on: (channel, l) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(l)),
    removeListener: (channel, l) => listeners.get(channel)?.delete(l),
  };
  const emit = (channel: string, message: unknown) => {
    for (const l of listeners.get(channel) ?? []) l({ sender: 'ipcRenderer itself' }, message);
  };
  return { ipc, invoked, emit, count: (channel: string) => listeners.get(channel)?.size ?? 0 };
}

describe('preload bridge (window.vexa)', () => {
  it('forwards contract channels and returns the main process’s Result', async () => {
    const f = fakeIpc(async () => ({ ok: true, value: 'state' }));
    const bridge = createBridge(f.ipc, channelNames);
    expect(await bridge.invoke('app:getState')).toEqual({ ok: true, value: 'state' });
    expect(f.invoked).toEqual([['app:getState', undefined]]);
  });

  it('refuses channels outside the contract without touching IPC', async () => {
    const f = fakeIpc(async () => ({ ok: true, value: null }));
    const bridge = createBridge(f.ipc, channelNames);
    for (const channel of ['vexa:event', 'fs:readFile', 'ELECTRON_BROWSER_REQUIRE', '__proto__', 'toString', ''] as const) {
      expect(await bridge.invoke(channel)).toMatchObject({ ok: false, code: 'unknown_channel' });
    }
    expect(await bridge.invoke(42 as unknown as string)).toMatchObject({ ok: false, code: 'unknown_channel' });
    expect(f.invoked).toEqual([]);
  });

  it('turns a failed invoke into a Result instead of a thrown error', async () => {
    const f = fakeIpc(async () => {
      throw new Error("No handler registered for 'app:getState'");
    });
    expect(await createBridge(f.ipc, channelNames).invoke('app:getState')).toMatchObject({ ok: false, code: 'internal' });
  });

  it('delivers pushed events without the IpcRendererEvent, and unsubscribes', () => {
    const f = fakeIpc(async () => null);
    const bridge = createBridge(f.ipc, channelNames);
    const seen: unknown[][] = [];
    const off = bridge.onEvent((...args) => seen.push(args));
    f.emit(EVENT_CHANNEL, { event: 'app:state', payload: { version: '0.1.0' } });
    f.emit(EVENT_CHANNEL, 'not an event message');
    f.emit('some:other', { event: 'app:state', payload: 1 });
    expect(seen).toEqual([['app:state', { version: '0.1.0' }]]);
    off();
    expect(f.count(EVENT_CHANNEL)).toBe(0);
  });
});
