import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { Logger } from '../ports';
import { createPrivateFile, PRIVATE_DIR_MODE } from '../privateFiles';
import { inspect, isStorageFailure, type StorageFault } from '../storageFault';
import { FailoverConnection, VANISHED } from './failoverDb';
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
  /** On disk, or in memory since a write failed (which file, why, since when). */
  storage(): CacheStorage;
  /** Called once, when the cache moves to memory while the app runs; returns an unsubscribe. */
  onStorageChange(listener: (storage: CacheStorage) => void): () => void;
  /** Never throws: a disk that fails at quit must not keep the app from quitting. */
  close(): void;
}

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/**
 * Free pages go back to the disk on request (`Library.reclaimFreePages`, after a meeting ends and
 * after each transcript sync): a 20,000-line meeting rewritten by its end-of-meeting sync otherwise
 * leaves the file at twice its size for good. SQLite applies `auto_vacuum` to a database with no
 * tables at once, and to one that has tables only through a VACUUM (sqlite.org/pragma.html#pragma_auto_vacuum),
 * which cannot run inside a migration's transaction: a cache written before this mode existed is
 * vacuumed once, here, at its first open, when it is small enough to do so quickly.
 */
function useIncrementalVacuum(db: Database.Database, logger?: Logger): void {
  db.pragma('auto_vacuum = INCREMENTAL');
  if ((db.pragma('auto_vacuum', { simple: true }) as number) === 2) return;
  // The VACUUM rewrites the whole file while the app waits and needs as much free disk again: a
  // large old cache keeps its mode (its free pages are reused by later writes, only not given back)
  // rather than hold the start for many seconds, and a VACUUM that fails changes nothing.
  const bytes = (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
  if (bytes > ONE_TIME_VACUUM_MAX_BYTES) return;
  try {
    db.exec('VACUUM');
  } catch (e) {
    logger?.warn('Could not switch the cache to giving back free pages; it keeps working as before', { error: String(e) });
  }
}

/** About a second of VACUUM on a slow disk. */
const ONE_TIME_VACUUM_MAX_BYTES = 64 * 1024 * 1024;

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

/** Where the cache lives: on disk, or in memory since `since` because of `fault`. */
export type CacheStorage = { mode: 'disk' } | ({ mode: 'memory'; since: number } & StorageFault);

/**
 * A database that cannot be written is copied into memory: what it held stays on screen and new
 * writes land in the copy. A database in WAL mode says so in its header (bytes 18 and 19 = 2),
 * which an in-memory database cannot honour: SQLite would refuse to open the copy.
 */
function fromImage(image: Buffer): Database.Database {
  image[18] = 1;
  image[19] = 1;
  const db = new Database(image);
  db.pragma('foreign_keys = ON');
  return db;
}

const memoryCopy = (source: Database.Database): Database.Database => fromImage(source.serialize());

function emptyMemory(list: Migration[]): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, list);
  return db;
}

/**
 * What the file held, read without writing, migrated in memory; an empty cache when unreadable.
 * SQLite reads a WAL database only with its `-shm` file, which a read-only folder or a full disk
 * cannot give; then the file's bytes are read directly. A clean close leaves no WAL, and after a
 * crash the last transactions stay in the WAL on disk for the next start that can write.
 */
function memoryFromFile(file: string, list: Migration[], logger?: Logger): Database.Database {
  if (!existsSync(file)) return emptyMemory(list);
  const readers: Array<() => Database.Database> = [
    () => {
      const disk = new Database(file, { readonly: true, fileMustExist: true });
      try {
        return memoryCopy(disk);
      } finally {
        disk.close();
      }
    },
    () => fromImage(readFileSync(file)),
  ];
  for (const read of readers) {
    let db: Database.Database | null = null;
    try {
      db = read();
      migrate(db, list);
      return db;
    } catch (e) {
      db?.close();
      if (e instanceof UserFacingError) throw e;
      logger?.warn('Could not read the cache file', { file, error: String(e) });
    }
  }
  logger?.warn('This run starts with an empty library', { file });
  return emptyMemory(list);
}

/**
 * Opens (creating if needed) the local cache. A file SQLite cannot read is moved aside and a
 * new cache is built, so a damaged cache costs a re-sync, never a crash loop.
 *
 * A cache that cannot be written (a read-only file or folder, a full disk, a file of another
 * user) never stops the app: the library moves to memory, with the same schema, and `storage()`
 * says which file and why. That also happens while the app runs, on the first write that fails.
 * A data folder deleted while the app runs makes no write fail (the open file lives on without a
 * name, and SQLite's WAL keeps accepting writes into it), so each write outside a transaction
 * checks, with one stat, that the file is still the one opened. Then the cache also moves to
 * memory rather than recreating the folder: the folder may have been removed on purpose or be on
 * a disk that went away, and a new one made behind the person's back would hold a library with
 * holes. The notice says so, and the next start builds a new cache from the server.
 */
export function openCache(options: OpenCacheOptions): CacheDatabase {
  const { file, logger, now = Date.now } = options;
  const list = options.migrations ?? migrations;
  let recoveredFrom: string | null = null;
  let storage: CacheStorage = { mode: 'disk' };
  const listeners = new Set<(s: CacheStorage) => void>();

  // Writes after this moment may not be on disk: a write that fails is retried in memory, and a
  // file found gone may have been gone for several writes. Edits since then are marked as lost on quit.
  let onDiskUntil = now();
  const toMemory = (fault: StorageFault): void => {
    storage = { mode: 'memory', since: onDiskUntil, ...fault };
    logger?.error('The cache cannot be written; the library is kept in memory until the app quits', { ...fault });
  };

  const attempt = (): Database.Database => {
    // A clean close leaves no WAL behind, so a WAL at open means the last run ended abruptly: only
    // then is the full (seconds-long on a large cache) quick_check worth its cost at start-up. An
    // empty one holds no transaction: a read-only reader (an AI client's library server, electron/mcp)
    // creates it and cannot remove it, since only a connection that can write checkpoints.
    const unclean = (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0;
    // Owner-only before SQLite creates it 0644: its -wal and -shm files copy the database's mode.
    createPrivateFile(file);
    const db = new Database(file);
    try {
      configure(db);
      const check = unclean ? db.pragma('quick_check', { simple: true }) : sizeCheck(db, file);
      if (check !== 'ok') throw Object.assign(new Error(`quick_check: ${String(check)}`), { code: 'SQLITE_CORRUPT' });
      // Before the first table exists (a new file), the mode takes without a VACUUM. After the size
      // check: the pragma gives an empty file a page it does not have on disk yet.
      db.pragma('auto_vacuum = INCREMENTAL');
      migrate(db, list);
      useIncrementalVacuum(db, logger);
      // A read-only file opens and reads as if nothing were wrong; find out now, not on the
      // person's first edit. Rewriting the schema version is the smallest real write.
      db.pragma(`user_version = ${db.pragma('user_version', { simple: true }) as number}`);
      return db;
    } catch (e) {
      db.close();
      throw e;
    }
  };

  const openOnDisk = (): Database.Database => {
    mkdirSync(dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
    try {
      return attempt();
    } catch (e) {
      if (!isCorruption(e)) throw e;
      recoveredFrom = `${file}.corrupt-${now()}`;
      logger?.warn('The cache database was damaged; moved aside and rebuilt', { movedTo: recoveredFrom });
      for (const suffix of ['', '-wal', '-shm']) {
        if (existsSync(file + suffix)) renameSync(file + suffix, recoveredFrom + suffix);
      }
      return attempt();
    }
  };

  let initial: Database.Database;
  try {
    initial = openOnDisk();
  } catch (e) {
    if (!isStorageFailure(e)) throw e;
    toMemory(inspect(file, e, { sidecars: true }));
    initial = memoryFromFile(file, list, logger);
  }

  // A cache asked for in memory (tests) has no file to watch.
  const watched = storage.mode === 'disk' && file !== ':memory:';
  const opened = watched ? statSync(file) : null;
  const connection = new FailoverConnection(
    initial,
    {
      vanished: () => {
        const current = statSync(file, { throwIfNoEntry: false });
        const gone = !current || current.ino !== opened?.ino || current.dev !== opened.dev;
        if (!gone) onDiskUntil = now();
        return gone;
      },
      failOver: (reason) => {
        const gone = reason === VANISHED;
        if (!gone && !isStorageFailure(reason)) return null;
        const old = connection.current;
        toMemory(inspect(file, reason, { sidecars: true, expectFolder: true, vanished: gone }));
        let next: Database.Database;
        try {
          next = memoryCopy(old);
        } catch (e) {
          // Still on disk up to the last write that worked; this run goes on without it.
          logger?.error('Could not copy the cache into memory; this run goes on with an empty library', { error: String(e) });
          next = emptyMemory(list);
        }
        try {
          old.close();
        } catch {
          // The old connection only has to let go of its file.
        }
        const moved = storage;
        for (const listener of listeners) listener(moved);
        return next;
      },
    },
    watched,
  );

  let open = true;
  return {
    db: connection.handle,
    file,
    recoveredFrom,
    storage: () => storage,
    onStorageChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      if (!open) return;
      open = false;
      const db = connection.current;
      try {
        db.pragma('optimize');
      } catch (e) {
        // A disk that fills up or goes read-only must not keep the app from quitting.
        logger?.warn('Could not optimize the cache while closing', { error: String(e) });
      } finally {
        db.close();
      }
    },
  };
}

/**
 * A cache in memory from the start, for a run that must not touch the cache file (one written by
 * a newer app version); `fault` says why.
 */
export function openMemoryCache(options: { file: string; fault: StorageFault; now?: () => number }): CacheDatabase {
  const db = emptyMemory(migrations);
  const storage: CacheStorage = { mode: 'memory', since: (options.now ?? Date.now)(), ...options.fault };
  return {
    db,
    file: options.file,
    recoveredFrom: null,
    storage: () => storage,
    onStorageChange: () => () => {},
    close: () => {
      if (db.open) db.close();
    },
  };
}

export { LATEST_VERSION };
