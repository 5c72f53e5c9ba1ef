import type { Core } from '../../core/app';
import { EVENT_CHANNEL } from '../../../shared/ipc/bridge';
import { channelNames } from '../../../shared/ipc/contract';
import { dispatch } from '../../../shared/ipc/dispatch';
import { err, IpcCodes } from '../../../shared/ipc/result';
import { isInternalUrl } from '../shell/navigation';

/** What the sender check needs to know about an `ipcMain.handle` event. */
export interface SenderFacts {
  webContentsId: number;
  /** Null when the frame navigated away or was destroyed before the message arrived. */
  frame: { url: string; isTop: boolean } | null;
}

/**
 * Only the main window's top frame, showing the app itself, may call the core. A subframe,
 * another window, or the main window after an unexpected navigation gets `forbidden`.
 */
export function isTrustedSender(sender: SenderFacts, mainWebContentsId: number | null, appOrigin: string): boolean {
  return (
    mainWebContentsId !== null &&
    sender.webContentsId === mainWebContentsId &&
    sender.frame !== null &&
    sender.frame.isTop &&
    isInternalUrl(sender.frame.url, appOrigin)
  );
}

export interface InvokeEventLike {
  sender: { id: number };
  readonly senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, input: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface MainWebContentsLike {
  id: number;
  isDestroyed(): boolean;
  send(channel: string, message: unknown): void;
}

export interface BindIpcOptions {
  ipcMain: IpcMainLike;
  core: Pick<Core, 'handlers' | 'logger' | 'onEvent'>;
  getMainWebContents(): MainWebContentsLike | null;
  /** Other windows of the app's own that call the core and receive its events (the caption overlay). */
  getOtherWebContents?(): Array<MainWebContentsLike | null>;
  appOrigin: string;
}

function senderFacts(event: InvokeEventLike): SenderFacts {
  let frame: SenderFacts['frame'] = null;
  try {
    const f = event.senderFrame;
    if (f) frame = { url: f.url, isTop: f.parent === null };
  } catch {
    // A destroyed frame throws on access; treat it like a missing one.
  }
  return { webContentsId: event.sender.id, frame };
}

const FORBIDDEN_MESSAGE = 'This request did not come from the Vexa Companion window, so it was refused.';

/** Binds every contract channel to the core's handler table; returns an unbind function. */
export function bindIpc({ ipcMain, core, getMainWebContents, getOtherWebContents, appOrigin }: BindIpcOptions): () => void {
  const usable = (contents: MainWebContentsLike | null): contents is MainWebContentsLike => contents !== null && !contents.isDestroyed();
  const liveContents = (): MainWebContentsLike | null => {
    const contents = getMainWebContents();
    return usable(contents) ? contents : null;
  };
  const otherContents = (): MainWebContentsLike[] => (getOtherWebContents?.() ?? []).filter(usable);

  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, input) => {
      const sender = senderFacts(event);
      const trusted =
        isTrustedSender(sender, liveContents()?.id ?? null, appOrigin) ||
        otherContents().some((c) => isTrustedSender(sender, c.id, appOrigin));
      if (!trusted) {
        core.logger.warn('Refused an IPC request from an untrusted sender', { channel, url: sender.frame?.url ?? null });
        return err(IpcCodes.forbidden, FORBIDDEN_MESSAGE);
      }
      return dispatch(core.handlers, channel, input, (name, error) => {
        core.logger.error('IPC handler failed', {
          channel: name,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
      });
    });
  }

  const unsubscribe = core.onEvent((event, payload) => {
    liveContents()?.send(EVENT_CHANNEL, { event, payload });
    for (const other of otherContents()) other.send(EVENT_CHANNEL, { event, payload });
  });

  return () => {
    unsubscribe();
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}
