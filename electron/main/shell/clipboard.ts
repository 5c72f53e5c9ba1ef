import type { Clipboard } from '../../core/ports';

export interface AsyncClipboardLike {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
}

/**
 * Electron 45's clipboard is asynchronous while the Clipboard port is synchronous. Writing is
 * fire-and-forget with failures reported; reading cannot be offered synchronously, so it fails
 * loudly until the port's readText returns a promise (nothing in the core reads it yet).
 */
export function createElectronClipboard(clipboard: AsyncClipboardLike, onError: (error: unknown) => void): Clipboard {
  return {
    readText() {
      throw new Error('Reading the clipboard is asynchronous in Electron 45; the Clipboard port must return a promise to support it.');
    },
    writeText(text) {
      clipboard.writeText(text).catch(onError);
    },
  };
}
