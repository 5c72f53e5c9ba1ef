import { rmSync } from 'node:fs';
import { UserFacingError } from '../../shared/ipc/dispatch';
import { inspect, type StorageFault } from './storageFault';

/** The code of every refusal caused by the disk; the message names the file and the cause. */
export const STORAGE_FAILED = 'storage_failed';

/** What went wrong with a file, and what the person can do about it, as two sentences' parts. */
export function describeFault(f: StorageFault): { problem: string; fix: string } {
  const p = f.path;
  switch (f.cause) {
    case 'disk-full':
      return { problem: `the disk that holds ${p} is full`, fix: 'Free some space on that disk' };
    case 'read-only':
      if (f.where === 'disk') return { problem: `${p} is on a disk that is mounted read-only`, fix: 'Make that disk writable again' };
      if (f.where === 'folder') return { problem: `the folder ${p} is read-only`, fix: 'Allow writing to that folder again' };
      return { problem: `the file ${p} is read-only`, fix: 'Allow writing to that file again' };
    case 'removed':
      // The only fix is a restart, which creates it again (meetings download again from the server).
      return f.where === 'folder'
        ? { problem: `the folder ${p} was removed while the app was running`, fix: 'Restart the app to create it again' }
        : { problem: `the file ${p} was removed or replaced while the app was running`, fix: 'Restart the app to create it again' };
    case 'other-owner':
      return {
        problem: `${f.where === 'folder' ? 'the folder' : 'the file'} ${p} belongs to another user account (the app may once have run as administrator or with sudo)`,
        fix: `Give it back to your own account, or delete it`,
      };
    case 'permission-denied':
      return { problem: `this user account may not write in ${p}`, fix: 'Give your account permission to write there' };
    case 'newer-version':
      return { problem: `${p} was written by a newer version of Vexa Companion`, fix: 'Update the app, or clear the cache in Settings' };
    case 'unavailable':
      return { problem: `the disk refused to write ${p} (${f.code})`, fix: 'Check that disk' };
  }
}

/** How to point the app at another folder, in the words of the copy that runs. */
export function otherFolderHint(transport: 'electron' | 'web'): string {
  return transport === 'web'
    ? 'or start it on another folder with npm run web -- --data-dir <folder>'
    : 'or start it on another folder by setting VEXA_COMPANION_DATA_DIR=<folder>';
}

export type StorageSubject = 'library' | 'settings' | 'key';

const CONSEQUENCES: Record<StorageSubject, string> = {
  library: 'New meetings, transcripts and edits are kept only until you quit.',
  settings: 'The app will not remember which server you are connected to: next time, connect again.',
  key: 'Your API key is kept for this session only: enter it again next time.',
};

/**
 * The notice shown above every screen while something the app keeps lives only in memory: the
 * first fault names the file and the cause, then what each affected part means for the person.
 */
export function storageNotice(subjects: readonly StorageSubject[], fault: StorageFault, transport: 'electron' | 'web'): string {
  const { problem, fix } = describeFault(fault);
  const consequences = [...new Set(subjects)].map((s) => CONSEQUENCES[s]).join(' ');
  const then = fault.cause === 'removed' ? '' : ', then restart the app';
  return `Vexa Companion cannot save to disk: ${problem}. ${consequences} ${fix}${then}, ${otherFolderHint(transport)}.`;
}

/** A write of a setting or a key that the disk refused; nothing was changed. */
export class StorageError extends UserFacingError {
  constructor(
    readonly fault: StorageFault,
    message: string,
  ) {
    super(STORAGE_FAILED, message);
  }
}

/**
 * The refusal of one small file written whole (settings, keys), after looking at the disk.
 * `action` completes "Could not …".
 */
export function storageError(action: string, file: string, error: unknown, folderExisted: boolean): StorageError {
  const fault = inspect(file, error, { expectFolder: folderExisted });
  const { problem, fix } = describeFault(fault);
  const then = fault.cause === 'removed' ? '' : ', then try again';
  return new StorageError(fault, `Could not ${action}: ${problem}. ${fix}${then}.`);
}

/** A half-written temporary file goes; if the disk refuses that too, it stays, harmlessly. */
export function discardTemp(tmp: string): void {
  try {
    rmSync(tmp, { force: true });
  } catch {
    // Nothing reads a `.tmp` file.
  }
}
