import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { Logger } from '../ports';
import { createPrivateFile, PRIVATE_DIR_MODE } from '../privateFiles';
import { LATEST_VERSION, migrations, type Migration } from './migrations';

export const CACHE_TOO_NEW = 'cache_too_new';

export interface OpenCacheOptions {
  file: string;
  logger?: Logger;
  now?: () => number;
  /** Injected by migration tests; defaults to the product's migrations. */
  migrations?: Migration[];
}

export interface CacheDatabase {
  readonly db: Database.Database;
  readonly file: string;
  /** Set when a damaged file was moved aside at open; the app rebuilds from the server. */
  readonly recoveredFrom: string | null;
  close(): void;
}

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

function migrate(db: Database.Database, list: Migration[]): void {
  const latest = list.reduce((max, m) => Math.max(max, m.version), 0);
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new UserFacingError(
      CACHE_TOO_NEW,
      `The local cache was written by a newer version of Vexa Companion (schema ${current}, this version knows ${latest}). Update the app, or clear the cache in Settings.`,
    );
  }
  for (const m of [...list].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/** O(1): a file shorter than its page count says was truncated; garbage fails on the first read. */
function sizeCheck(db: Database.Database, file: string): string {
  const pages = db.pragma('page_count', { simple: true }) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const size = existsSync(file) ? statSync(file).size : 0;
  return size >= pages * pageSize ? 'ok' : `the file is ${size} bytes, its header says ${pages * pageSize}`;
}

function isCorruption(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || /malformed|not a database/i.test(String(e));
}

/**
 * Opens (creating if needed) the local cache. A file SQLite cannot read is moved aside and a
 * new cache is built, so a damaged cache costs a re-sync, never a crash loop.
 */
export function openCache(options: OpenCacheOptions): CacheDatabase {
  const { file, logger, now = Date.now } = options;
  const list = options.migrations ?? migrations;
  mkdirSync(dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
  let recoveredFrom: string | null = null;

  const attempt = (): Database.Database => {
    // A clean close leaves no WAL behind, so a WAL at open means the last run ended abruptly: only
    // then is the full (seconds-long on a large cache) quick_check worth its cost at start-up.
    const unclean = existsSync(`${file}-wal`);
    // Owner-only before SQLite creates it 0644: its -wal and -shm files copy the database's mode.
    createPrivateFile(file);
    const db = new Database(file);
    try {
      configure(db);
      const check = unclean ? db.pragma('quick_check', { simple: true }) : sizeCheck(db, file);
      if (check !== 'ok') throw Object.assign(new Error(`quick_check: ${String(check)}`), { code: 'SQLITE_CORRUPT' });
      migrate(db, list);
      return db;
    } catch (e) {
      db.close();
      throw e;
    }
  };

  let db: Database.Database;
  try {
    db = attempt();
  } catch (e) {
    if (!isCorruption(e)) throw e;
    recoveredFrom = `${file}.corrupt-${now()}`;
    logger?.warn('The cache database was damaged; moved aside and rebuilt', { movedTo: recoveredFrom });
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(file + suffix)) renameSync(file + suffix, recoveredFrom + suffix);
    }
    db = attempt();
  }

  let open = true;
  return {
    db,
    file,
    recoveredFrom,
    close() {
      if (!open) return;
      open = false;
      try {
        db.pragma('optimize');
      } finally {
        db.close();
      }
    },
  };
}

export { LATEST_VERSION };
