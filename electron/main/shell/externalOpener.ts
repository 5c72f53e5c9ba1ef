import { mkdir } from 'node:fs/promises';
import { relative, resolve, isAbsolute } from 'node:path';
import type { ExternalOpener } from '../../core/ports';
import { toAllowedExternalUrl } from './navigation';

/** A failure with a code and a sentence the IPC layer passes to the user unchanged. */
export class OpenerError extends Error {
  constructor(
    readonly code: 'url_not_allowed' | 'folder_not_allowed' | 'open_failed',
    readonly userMessage: string,
  ) {
    super(userMessage);
    this.name = 'OpenerError';
  }
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
  openPath(path: string): Promise<string>;
}

export interface ExternalOpenerDeps {
  /** Looked up on every call, so tests can swap `shell.openExternal`. */
  shell: ShellLike;
  /** The only folders that may be opened (the app's data and logs folders). */
  allowedFolders(): string[];
  ensureDir?: (path: string) => Promise<unknown>;
}

export function isInsideFolder(path: string, folder: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The ExternalOpener port. Links are checked here again even though callers check them too:
 * this is the last step before the OS hands the string to another program.
 */
export function createExternalOpener({
  shell,
  allowedFolders,
  ensureDir = (p) => mkdir(p, { recursive: true }),
}: ExternalOpenerDeps): ExternalOpener {
  return {
    async openUrl(url) {
      const safe = toAllowedExternalUrl(url);
      if (!safe) throw new OpenerError('url_not_allowed', 'Only web links (http or https) can be opened from the app.');
      await shell.openExternal(safe);
    },
    async openFolder(path) {
      if (!allowedFolders().some((folder) => isInsideFolder(path, folder))) {
        throw new OpenerError('folder_not_allowed', 'Only the app’s own data and log folders can be opened.');
      }
      // A fresh install may not have written its logs folder yet; the file manager needs it to exist.
      await ensureDir(path);
      const failure = await shell.openPath(path);
      if (failure) throw new OpenerError('open_failed', `The folder could not be opened: ${failure}`);
    },
  };
}
