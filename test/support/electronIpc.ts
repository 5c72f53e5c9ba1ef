import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IpcMainLike, InvokeEventLike, MainWebContentsLike } from '../../electron/main/ipc/bindIpc';
import type { Result } from '../../shared/ipc/result';

/**
 * A recording stand-in for Electron's `ipcMain` and one window's `webContents`, so the real
 * `bindIpc` runs in tests without the Electron binary. It keeps to what Electron 45 documents in
 * node_modules/electron/electron.d.ts (`electronSignatures` below pins the members it imitates):
 * - `ipcRenderer.invoke` arguments and `webContents.send` arguments are serialised with the
 *   Structured Clone Algorithm ("prototype chains will not be included"), so both pass through
 *   `structuredClone` here and a value Electron could not clone fails here too;
 * - an error thrown through `handle` reaches the renderer as its `message` only (electron.d.ts,
 *   IpcMain.handle; electron/electron#24427), recorded as such;
 * - a second `handle` for one channel throws ("Attempted to register a second handler for …",
 *   lib/browser/ipc-main-impl.ts, seen in electron/fiddle#765).
 */

/** One thing that crossed from the main process to the window, as the renderer would receive it. */
export interface ElectronFrame {
  kind: 'invoke-result' | 'invoke-error' | 'event';
  channel: string;
  /** The frame's content as text, for searching (every string of the cloned value). */
  text: string;
}

export interface ElectronStandIn {
  ipcMain: IpcMainLike;
  webContents: MainWebContentsLike;
  /** Everything sent to the window: invoke replies and `webContents.send` events. */
  frames: ElectronFrame[];
  /** `ipcRenderer.invoke` from the window's top frame (or from `frameUrl`, to play an intruder). */
  invoke(channel: string, input: unknown, frameUrl?: string): Promise<Result<unknown>>;
  /** Channels with a handler right now. */
  channels(): string[];
}

const asText = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v instanceof Set ? [...v] : v)) ?? String(value);

export function electronStandIn({ appOrigin, id = 1 }: { appOrigin: string; id?: number }): ElectronStandIn {
  const handlers = new Map<string, (event: InvokeEventLike, input: unknown) => Promise<unknown>>();
  const frames: ElectronFrame[] = [];
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  const webContents: MainWebContentsLike = {
    id,
    isDestroyed: () => false,
    send(channel, message) {
      frames.push({ kind: 'event', channel, text: asText(structuredClone(message)) });
    },
  };
  return {
    ipcMain,
    webContents,
    frames,
    channels: () => [...handlers.keys()],
    async invoke(channel, input, frameUrl = `${appOrigin}/index.html`) {
      const listener = handlers.get(channel);
      if (!listener) throw new Error(`No handler registered for '${channel}'`);
      const event: InvokeEventLike = { sender: { id }, senderFrame: { url: frameUrl, parent: null } };
      try {
        const reply = structuredClone(await listener(event, structuredClone(input)));
        frames.push({ kind: 'invoke-result', channel, text: asText(reply) });
        return reply as Result<unknown>;
      } catch (e) {
        const message = `Error invoking remote method '${channel}': ${e instanceof Error ? e.message : String(e)}`;
        frames.push({ kind: 'invoke-error', channel, text: message });
        throw new Error(message);
      }
    },
  };
}

/**
 * The declarations in Electron 45's electron.d.ts of every member the stand-in imitates, each as
 * `[interface, declaration]`; `missingElectronSignatures()` lists those the installed file lacks.
 */
export const electronSignatures: Array<[string, string]> = [
  ['interface IpcMain ', 'handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: any[]) => (Promise<any>) | (any)): void;'],
  ['interface IpcMain ', 'removeHandler(channel: string): void;'],
  ['interface IpcMainInvokeEvent ', 'sender: WebContents;'],
  ['interface IpcMainInvokeEvent ', 'readonly senderFrame: (WebFrameMain) | (null);'],
  ['class WebContents ', 'send(channel: string, ...args: any[]): void;'],
  ['class WebContents ', 'isDestroyed(): boolean;'],
  ['class WebContents ', 'readonly id: number;'],
  ['class WebFrameMain ', 'readonly url: string;'],
  ['class WebFrameMain ', 'readonly parent: (WebFrameMain) | (null);'],
];

export function missingElectronSignatures(): string[] {
  const dts = readFileSync(join(import.meta.dirname, '..', '..', 'node_modules', 'electron', 'electron.d.ts'), 'utf8');
  return electronSignatures
    .filter(([owner, line]) => {
      const start = dts.indexOf(`\n  ${owner}`);
      if (start < 0) return true;
      const body = dts.slice(start, dts.indexOf('\n  }\n', start));
      return !body.includes(`\n    ${line}\n`);
    })
    .map(([owner, line]) => `${owner.trim()}: ${line}`);
}
