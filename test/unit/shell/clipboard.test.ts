import { describe, expect, it } from 'vitest';
import { createElectronClipboard } from '../../../electron/main/shell/clipboard';

describe('clipboard adapter', () => {
  it('writes text and reports a failed write instead of losing it silently', async () => {
    const written: string[] = [];
    const errors: unknown[] = [];
    let fail = false;
    const clipboard = createElectronClipboard(
      {
        readText: async () => '',
        writeText: async (text) => {
          if (fail) throw new Error('clipboard busy');
          written.push(text);
        },
      },
      (e) => errors.push(e),
    );
    clipboard.writeText('https://meet.google.com/abc-defg-hij');
    fail = true;
    clipboard.writeText('second');
    await new Promise((r) => setImmediate(r));
    expect(written).toEqual(['https://meet.google.com/abc-defg-hij']);
    expect(errors).toHaveLength(1);
  });
});
