import { UserFacingError } from '../../shared/ipc/dispatch';
import type { ClipboardAnswer } from '../../shared/ipc/pageFrames';
import type { Clipboard } from '../core/ports';

/**
 * The clipboard of the browser-served app is the browser's, not the Node process's: what the
 * core puts on "the clipboard" (a copied transcript, a share link, the AI hand-off's prompt) is
 * sent to the open pages, which write it with `navigator.clipboard`, and the core waits for the
 * answer so "Copied" is said only when it is true. Reading is the page's own business: it reads
 * the browser's clipboard itself when the person asks (renderer/features/launch), so the core's
 * read finds nothing here. Wire: shared/ipc/pageFrames.ts.
 */

export interface PageClipboard {
  readonly port: Clipboard;
  /** How the harness reaches its pages: sends one frame to each and says how many there were. */
  attach(broadcast: (frame: { clipboardWrite: { id: number; text: string } }) => number): void;
  /** A page's answer; unknown or late ids are ignored. */
  answer(answer: ClipboardAnswer): void;
}

export const NO_PAGE_MESSAGE = 'The app is not open in a browser tab, so nothing could be copied. Open its address and try again.';
export const NO_ANSWER_MESSAGE = 'The browser did not answer in time, so nothing was copied. Click the page and try again.';

/** A page's refusal as the person reads it; the pages word their own reasons. */
export function refusedMessage(message: string | undefined): string {
  return message?.trim() || 'The browser would not let the page use the clipboard, so nothing was copied.';
}

interface Waiting {
  resolve(): void;
  reject(e: Error): void;
  /** Pages that have not answered yet. */
  left: number;
  firstRefusal: string | undefined;
  cancel(): void;
}

export function createPageClipboard(options: { timeoutMs?: number } = {}): PageClipboard {
  const timeoutMs = options.timeoutMs ?? 15_000;
  let broadcast: Parameters<PageClipboard['attach']>[0] = () => 0;
  let nextId = 1;
  const waiting = new Map<number, Waiting>();

  const settle = (id: number, outcome: Error | null): void => {
    const w = waiting.get(id);
    if (!w) return;
    waiting.delete(id);
    w.cancel();
    if (outcome) w.reject(outcome);
    else w.resolve();
  };

  return {
    port: {
      readText: async () => '',
      writeText: (text) =>
        new Promise<void>((resolve, reject) => {
          const id = nextId++;
          const timer = setTimeout(() => settle(id, new UserFacingError('clipboard', NO_ANSWER_MESSAGE)), timeoutMs);
          waiting.set(id, { resolve, reject, left: 0, firstRefusal: undefined, cancel: () => clearTimeout(timer) });
          const pages = broadcast({ clipboardWrite: { id, text } });
          const w = waiting.get(id);
          if (w) w.left = pages;
          if (pages === 0) settle(id, new UserFacingError('clipboard', NO_PAGE_MESSAGE));
        }),
    },
    attach(next) {
      broadcast = next;
    },
    answer({ id, ok, message }) {
      const w = waiting.get(id);
      if (!w) return;
      // Several tabs may be open: only the one in front can write, so one success is enough.
      if (ok) return settle(id, null);
      w.firstRefusal ??= message;
      w.left -= 1;
      if (w.left <= 0) settle(id, new UserFacingError('clipboard', refusedMessage(w.firstRefusal)));
    },
  };
}
