import type { Clipboard } from '../../core/ports';

export interface AsyncClipboardLike {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
}

/** The Clipboard port over Electron's clipboard module (asynchronous since Electron 45). */
export function createElectronClipboard(clipboard: AsyncClipboardLike): Clipboard {
  return {
    readText: () => clipboard.readText(),
    writeText: (text) => clipboard.writeText(text),
  };
}
