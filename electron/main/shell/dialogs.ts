import { join } from 'node:path';
import type { Dialogs, SaveDialogRequest } from '../../core/ports';

const MAX_FILE_NAME = 180;

/**
 * A meeting title made safe as a file name on every OS: separators and reserved characters
 * become "-", control characters go, trailing dots and spaces (refused by Windows) are trimmed.
 */
export function safeFileName(name: string, fallback = 'transcript'): string {
  const cleaned = name
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[\\/:*?"<>|]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, MAX_FILE_NAME)
    .trim();
  if (cleaned === '' || /^\.+$/.test(cleaned)) return fallback;
  // Windows reserves device names even with an extension (CON.txt).
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(cleaned)) return `_${cleaned}`;
  return cleaned;
}

export interface SaveDialogOptionsLike {
  defaultPath: string;
  filters: SaveDialogRequest['filters'];
  properties: Array<'createDirectory' | 'showOverwriteConfirmation'>;
}

export interface DialogsDeps {
  showSaveDialog(options: SaveDialogOptionsLike): Promise<{ canceled: boolean; filePath?: string }>;
  /** Where the dialog opens, usually the Downloads folder. */
  defaultDir(): string;
}

export function createDialogs({ showSaveDialog, defaultDir }: DialogsDeps): Dialogs {
  return {
    canSave: true,
    async saveFile({ defaultName, filters }) {
      const result = await showSaveDialog({
        defaultPath: join(defaultDir(), safeFileName(defaultName)),
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
