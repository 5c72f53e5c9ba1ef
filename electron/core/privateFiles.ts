import { closeSync, existsSync, openSync } from 'node:fs';

/**
 * The app's own folders and files (settings, keys, the cache, logs) are for the user alone: other
 * accounts on the machine may not list or read them. POSIX modes; Windows ignores all but the
 * read-only bit and relies on the profile folder's ACL instead.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates `file` empty and owner-only when it does not exist yet, for files another library
 * creates with its own default mode (SQLite: 0644, and its -wal and -shm files copy the database
 * file's mode). Any failure is left for that library to report as it always has.
 */
export function createPrivateFile(file: string): void {
  // SQLite's in-memory database and URI names are not files.
  if (file === '' || file === ':memory:' || file.startsWith('file:')) return;
  try {
    if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  } catch {
    // The caller's own open reports a missing or read-only folder in its own words.
  }
}

/**
 * A temporary name beside `file` for a write-then-rename, unique to this process and this write:
 * two copies of the app sharing a folder (or two writes of one copy) never take each other's file.
 */
export function tempName(file: string): string {
  return `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
}
