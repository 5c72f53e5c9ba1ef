import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDialogs, safeFileName, type SaveDialogOptionsLike } from '../../../electron/main/shell/dialogs';

describe('safe file names', () => {
  it.each([
    ['Weekly sync 3/4.md', 'Weekly sync 3-4.md'],
    ['Q&A: "roadmap" <draft>?.txt', 'Q&A- -roadmap- -draft--.txt'],
    ['..\\..\\evil.txt', '..-..-evil.txt'],
    ['Tabs\tand\nnewlines.md', 'Tabsandnewlines.md'],
    ['trailing dots...', 'trailing dots'],
    ['   ', 'transcript'],
    ['..', 'transcript'],
    ['CON.txt', '_CON.txt'],
    ['lpt1', '_lpt1'],
  ])('%j becomes %j', (input, output) => {
    expect(safeFileName(input)).toBe(output);
  });

  it('keeps names to a length every file system accepts', () => {
    expect(safeFileName('x'.repeat(1000)).length).toBeLessThanOrEqual(180);
  });
});

describe('save dialog', () => {
  it('opens in the default folder with a safe name and returns the chosen path', async () => {
    const seen: SaveDialogOptionsLike[] = [];
    const dialogs = createDialogs({
      showSaveDialog: async (options) => {
        seen.push(options);
        return { canceled: false, filePath: '/home/ada/Documents/standup.md' };
      },
      defaultDir: () => '/home/ada/Downloads',
    });
    const filters = [{ name: 'Markdown', extensions: ['md'] }];
    expect(await dialogs.saveFile({ defaultName: 'Standup 1/2.md', filters })).toBe('/home/ada/Documents/standup.md');
    expect(seen[0]?.defaultPath).toBe(join('/home/ada/Downloads', 'Standup 1-2.md'));
    expect(seen[0]?.filters).toEqual(filters);
  });

  it('returns null when the user cancels', async () => {
    const dialogs = createDialogs({ showSaveDialog: async () => ({ canceled: true, filePath: '' }), defaultDir: () => '/tmp' });
    expect(await dialogs.saveFile({ defaultName: 'x.txt', filters: [] })).toBeNull();
  });
});
