import { EVENT_CHANNEL, type VexaBridge } from '../../shared/ipc/bridge';
import { err, IpcCodes, type Result } from '../../shared/ipc/result';

/** The part of `ipcRenderer` the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

function isEventMessage(value: unknown): value is { event: string; payload: unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { event?: unknown }).event === 'string';
}

/**
 * `window.vexa`. It forwards only the contract's channels and never hands the page an
 * `IpcRendererEvent` (whose `sender` is ipcRenderer itself) or a way to listen on other channels.
 */
export function createBridge(ipc: IpcRendererLike, allowedChannels: readonly string[]): VexaBridge {
  const allowed = new Set(allowedChannels);
  return {
    async invoke(channel, input) {
      if (typeof channel !== 'string' || !allowed.has(channel)) {
        return err(IpcCodes.unknownChannel, 'This request is not part of the app.');
      }
      try {
        return (await ipc.invoke(channel, input)) as Result<unknown>;
      } catch {
        return err(IpcCodes.internal, 'The app did not answer this request. If this keeps happening, restart Vexa Companion.');
      }
    },
    onEvent(listener) {
      if (typeof listener !== 'function') return () => {};
      const relay = (_event: unknown, message: unknown): void => {
        if (isEventMessage(message)) listener(message.event, message.payload);
      };
      ipc.on(EVENT_CHANNEL, relay);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, relay);
      };
    },
  };
}
