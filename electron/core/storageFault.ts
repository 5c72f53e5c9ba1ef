import { accessSync, constants, statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StorageCause } from '../../shared/ipc/models';

/** Which file or folder could not be written, and why. */
export interface StorageFault {
  path: string;
  cause: StorageCause;
  /** `disk`: the whole disk holding `path` is full or read-only. */
  where: 'file' | 'folder' | 'disk';
  /** The error code that revealed it (SQLITE_READONLY, ENOSPC, ...), for the log. */
  code: string;
}

// SQLite's own words for a file it cannot write (the extended codes keep these prefixes).
const SQLITE_STORAGE = /^SQLITE_(READONLY|FULL|IOERR|CANTOPEN|PERM)/;
const FS_STORAGE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOENT', 'ENOTDIR', 'EIO']);
// better-sqlite3 checks the folder itself before SQLite sees the path.
const MISSING_FOLDER = /directory does not exist/;
/** Less free space than this counts as a full disk: SQLite needs a few pages for any write. */
const NEARLY_FULL_BYTES = 64 * 1024;

export function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return MISSING_FOLDER.test(String(error)) ? 'ENOENT' : 'UNKNOWN';
}

/** True for errors of the disk (permissions, space, a removed file), not of the data or the code. */
export function isStorageFailure(error: unknown): boolean {
  const code = codeOf(error);
  return SQLITE_STORAGE.test(code) || FS_STORAGE.has(code);
}

interface PathFacts {
  path: string;
  exists: boolean;
  uid: number | null;
  /** The owner may write, by the mode bits (Windows: the read-only attribute). */
  ownerWritable: boolean;
  /** Anyone may write, by the mode bits (a shared folder). */
  worldWritable: boolean;
}

/** What the file system says about a file that could not be written; gathered by `inspect`. */
export interface StorageFacts {
  code: string;
  /** The file, then its journal and shared-memory files (SQLite writes them too). */
  files: PathFacts[];
  /** The file's folder, or its nearest folder that exists when it does not. */
  folder: PathFacts;
  /** The folder of the file is gone (it existed when the app started). */
  folderMissing: boolean;
  /** The file the app opened was deleted or replaced while it ran. */
  vanished: boolean;
  readOnlyDisk: boolean;
  freeBytes: number | null;
  /** This process's user, where the OS has one (not Windows). */
  uid: number | null;
}

const theirs = (p: PathFacts, uid: number | null): boolean => p.exists && uid !== null && p.uid !== null && p.uid !== uid;

/** Decides the cause from the facts: the first rule that matches names the culprit. */
export function causeOf(f: StorageFacts): StorageFault {
  const fault = (cause: StorageCause, path: string, where: StorageFault['where'] = 'file'): StorageFault => ({
    cause,
    path,
    where,
    code: f.code,
  });
  const [file] = f.files;
  const folder = f.folder;
  if (
    f.code === 'ENOSPC' ||
    f.code === 'EDQUOT' ||
    f.code.startsWith('SQLITE_FULL') ||
    (f.freeBytes !== null && f.freeBytes < NEARLY_FULL_BYTES)
  ) {
    return fault('disk-full', file?.path ?? folder.path, 'disk');
  }
  if (f.code === 'EROFS' || f.readOnlyDisk) return fault('read-only', file?.path ?? folder.path, 'disk');
  if (f.folderMissing) return fault('removed', folder.path, 'folder');
  if (f.vanished || f.code === 'SQLITE_READONLY_DBMOVED') return fault('removed', file?.path ?? folder.path);
  const foreign = f.files.find((p) => theirs(p, f.uid));
  if (foreign) return fault('other-owner', foreign.path);
  if (theirs(folder, f.uid) && !folder.worldWritable) return fault('other-owner', folder.path, 'folder');
  const locked = f.files.find((p) => p.exists && !p.ownerWritable);
  if (locked) return fault('read-only', locked.path);
  if (folder.exists && !folder.ownerWritable) return fault('read-only', folder.path, 'folder');
  if (/^(EACCES|EPERM|SQLITE_READONLY|SQLITE_CANTOPEN|SQLITE_PERM)/.test(f.code)) return fault('permission-denied', folder.path, 'folder');
  return fault('unavailable', file?.path ?? folder.path);
}

function facts(path: string): PathFacts {
  try {
    const s = statSync(path);
    return { path, exists: true, uid: s.uid, ownerWritable: (s.mode & 0o200) !== 0, worldWritable: (s.mode & 0o002) !== 0 };
  } catch {
    return { path, exists: false, uid: null, ownerWritable: false, worldWritable: false };
  }
}

function nearestFolder(path: string): string {
  let dir = path;
  while (!facts(dir).exists && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/**
 * Looks at the disk after `error` to name what went wrong with `file` (a SQLite database also
 * writes `-wal` and `-shm` beside it). `expectFolder`: the folder existed when the app started,
 * so its absence means it was removed; at the first start it simply does not exist yet.
 */
export function inspect(
  file: string,
  error: unknown,
  options: { sidecars?: boolean; expectFolder?: boolean; vanished?: boolean } = {},
): StorageFault {
  const own = dirname(file);
  const folderMissing = options.expectFolder === true && !facts(own).exists;
  const folderPath = folderMissing ? own : nearestFolder(own);
  let readOnlyDisk = false;
  try {
    accessSync(folderPath, constants.W_OK);
  } catch (e) {
    readOnlyDisk = codeOf(e) === 'EROFS';
  }
  let freeBytes: number | null = null;
  try {
    const s = statfsSync(nearestFolder(folderPath));
    freeBytes = s.bavail * s.bsize;
  } catch {
    // Not every platform answers; the error code still speaks.
  }
  const paths = options.sidecars ? [file, `${file}-wal`, `${file}-shm`] : [file];
  return causeOf({
    code: codeOf(error),
    files: paths.map(facts),
    folder: facts(folderPath),
    folderMissing,
    vanished: options.vanished === true,
    readOnlyDisk,
    freeBytes,
    uid: typeof process.getuid === 'function' ? process.getuid() : null,
  });
}
