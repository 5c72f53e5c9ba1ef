import Database from 'better-sqlite3';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPrivateFile, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../core/privateFiles';

export const LOCK_FILE = 'harness.lock';
export const PID_FILE = 'harness.pid';

/**
 * Creates the data folder owner-only. A folder this run did not create is tightened only when it
 * is the web app's own default folder (an older version left it 0755); a folder the user named
 * with --data-dir may be shared on purpose and keeps its mode, while every file inside is 0600.
 */
export function prepareDataFolder(dir: string, { isDefault }: { isDefault: boolean }): void {
  const created = mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if ((created !== undefined || isDefault) && process.platform !== 'win32') chmodSync(dir, PRIVATE_DIR_MODE);
}

export interface DataFolderLock {
  release(): void;
}

export type LockOutcome = { ok: true; lock: DataFolderLock } | { ok: false; heldBy: number | null };

/**
 * One running copy per data folder: two would overwrite each other's settings and keys and meet
 * "database is locked" in the cache. The lock is an exclusive SQLite transaction held open on
 * harness.lock, that is an OS file lock (fcntl on POSIX, LockFileEx on Windows), which the OS
 * drops when the process ends however it ends, so a crashed copy never leaves a stale lock and a
 * reused pid can never be mistaken for the owner. harness.pid only names the owner in the message.
 */
export function lockDataFolder(dir: string): LockOutcome {
  const file = join(dir, LOCK_FILE);
  const pidFile = join(dir, PID_FILE);
  createPrivateFile(file);
  // timeout 0: a held lock answers SQLITE_BUSY at once instead of after better-sqlite3's 5 s wait.
  const db = new Database(file, { timeout: 0 });
  try {
    // The transaction writes nothing; its journal need not exist on disk.
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
  } catch (e) {
    db.close();
    if ((e as { code?: unknown }).code === 'SQLITE_BUSY') return { ok: false, heldBy: readPid(pidFile) };
    throw e;
  }
  writeFileSync(pidFile, String(process.pid), { mode: PRIVATE_FILE_MODE });
  let held = true;
  return {
    ok: true,
    lock: {
      release() {
        if (!held) return;
        held = false;
        if (readPid(pidFile) === process.pid) rmSync(pidFile, { force: true });
        db.close();
      },
    },
  };
}

function readPid(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** What a second copy says before it exits: whose folder, why, and how to run beside it. */
export function folderInUseMessage(dir: string, heldBy: number | null): string {
  const who = heldBy === null ? 'Another copy of the web app' : `Another copy of the web app (process ${heldBy})`;
  return [
    `${who} is already using the data folder`,
    `  ${dir}`,
    "Two copies on one folder would overwrite each other's settings, keys and cache.",
    'Stop the other copy, or start this one with a folder of its own:',
    '  npm run web -- --data-dir <another folder>',
    '',
  ].join('\n');
}
