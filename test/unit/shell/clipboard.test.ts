import { describe, expect, it } from 'vitest';
import { createElectronClipboard } from '../../../electron/main/shell/clipboard';

describe('clipboard adapter', () => {
  it('reads and writes through the asynchronous Electron clipboard and surfaces a failed write', async () => {
    let content = 'https://meet.google.com/abc-defg-hij';
    let fail = false;
    const clipboard = createElectronClipboard({
      readText: async () => content,
      writeText: async (text) => {
        if (fail) throw new Error('clipboard busy');
        content = text;
      },
    });
    expect(await clipboard.readText()).toBe('https://meet.google.com/abc-defg-hij');
    await clipboard.writeText('copied transcript');
    expect(content).toBe('copied transcript');
    fail = true;
    await expect(clipboard.writeText('second')).rejects.toThrow('clipboard busy');
    expect(content).toBe('copied transcript');
  });
});
