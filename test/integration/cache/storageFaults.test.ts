import Database from 'better-sqlite3';
import { chmodSync, chownSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCache, type CacheStorage } from '../../../electron/core/cache/database';
import { Library } from '../../../electron/core/cache/library';
import { LATEST_VERSION } from '../../../electron/core/cache/migrations';
import {
  fillDisk,
  mountUnavailable,
  OTHER_UID,
  otherOwnerUnavailable,
  permissionsUnavailable,
  removeWhileOpenUnavailable,
  runUnprivileged,
  smallDisk,
  tempDir,
} from '../../support/storageFaults';
import { addServer, meeting, segment } from './helpers';

const CHILD = join(import.meta.dirname, 'storageChild.ts');
const SERVER = 'https://disk.example';

interface ChildResult {
  startup?: CacheStorage;
  after?: CacheStorage;
  version?: number;
  names?: string[];
  closed?: boolean;
  error?: string;
}

/** `it`, or a skip whose title says why this machine cannot make the fault. */
const itWhere = (unavailable: string | null) => (title: string, fn: () => Promise<void> | void) =>
  unavailable ? it.skip(`${title} [skipped here: ${unavailable}]`, fn) : it(title, fn, 30_000);

/** A cache on disk holding one meeting, closed as the app leaves it. */
async function seed(file: string, name = 'Kept on disk'): Promise<void> {
  const cache = openCache({ file });
  addServer(cache.db, SERVER);
  await new Library({ db: cache.db, file }).ensureMeeting(SERVER, meeting(1, { name }));
  cache.close();
}

/** What is on disk, read without writing anything. */
function namesOnDisk(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT name FROM meetings ORDER BY remote_id').pluck().all() as string[];
  } finally {
    db.close();
  }
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const undo of cleanups.splice(0).reverse()) undo();
});

describe('a cache that cannot be written at start-up works from memory and says why', () => {
  itWhere(permissionsUnavailable)('a read-only cache file: the library is still shown, new meetings are kept in memory', async () => {
    const dir = tempDir('vexa-ro-file-');
    const file = join(dir, 'cache.sqlite');
    await seed(file);
    chmodSync(file, 0o444);
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));

    const r = await runUnprivileged<ChildResult>(CHILD, [file]);
    expect(r.error).toBeUndefined();
    expect(r.startup).toMatchObject({ mode: 'memory', path: file, cause: 'read-only' });
    expect(r.names).toEqual(['Kept on disk', 'Written by the child']);
    expect(r.closed).toBe(true);
    expect(namesOnDisk(file)).toEqual(['Kept on disk']);
  });

  itWhere(permissionsUnavailable)('a read-only data folder (0555) with a cache in it', async () => {
    const dir = tempDir('vexa-ro-dir-');
    const file = join(dir, 'cache.sqlite');
    await seed(file);
    chmodSync(dir, 0o555);
    cleanups.push(() => {
      chmodSync(dir, 0o755);
      rmSync(dir, { recursive: true, force: true });
    });

    const r = await runUnprivileged<ChildResult>(CHILD, [file]);
    expect(r.error).toBeUndefined();
    expect(r.startup).toMatchObject({ mode: 'memory', path: dir, cause: 'read-only' });
    expect(r.names).toEqual(['Kept on disk', 'Written by the child']);
  });

  itWhere(permissionsUnavailable)('a read-only data folder (0555) on the first start: an empty library of the current schema', async () => {
    const dir = tempDir('vexa-ro-new-');
    chmodSync(dir, 0o555);
    cleanups.push(() => {
      chmodSync(dir, 0o755);
      rmSync(dir, { recursive: true, force: true });
    });

    const r = await runUnprivileged<ChildResult>(CHILD, [join(dir, 'cache.sqlite')]);
    expect(r.error).toBeUndefined();
    expect(r.startup).toMatchObject({ mode: 'memory', path: dir, cause: 'read-only' });
    expect(r.version).toBe(LATEST_VERSION);
    expect(r.names).toEqual(['Written by the child']);
  });

  itWhere(otherOwnerUnavailable)('a cache file of another user that this one may read (left by a run as root)', async () => {
    const dir = tempDir('vexa-owner-');
    const file = join(dir, 'cache.sqlite');
    await seed(file);
    chownSync(file, OTHER_UID, OTHER_UID);
    chmodSync(file, 0o644);
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));

    const r = await runUnprivileged<ChildResult>(CHILD, [file]);
    expect(r.error).toBeUndefined();
    expect(r.startup).toMatchObject({ mode: 'memory', path: file, cause: 'other-owner' });
    expect(r.names).toEqual(['Kept on disk', 'Written by the child']);
  });

  itWhere(otherOwnerUnavailable)('a cache file of another user that this one may not even read', async () => {
    const dir = tempDir('vexa-owner-');
    const file = join(dir, 'cache.sqlite');
    await seed(file);
    chownSync(file, OTHER_UID, OTHER_UID);
    chmodSync(file, 0o600);
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));

    const r = await runUnprivileged<ChildResult>(CHILD, [file]);
    expect(r.error).toBeUndefined();
    expect(r.startup).toMatchObject({ mode: 'memory', path: file, cause: 'other-owner' });
    expect(r.names).toEqual(['Written by the child']);
  });

  itWhere(mountUnavailable)('a full disk', async () => {
    const disk = smallDisk(512);
    cleanups.push(disk.unmount);
    const file = join(disk.dir, 'cache.sqlite');
    await seed(file);
    fillDisk(disk.dir);

    const cache = openCache({ file });
    cleanups.push(() => cache.close());
    expect(cache.storage()).toMatchObject({ mode: 'memory', path: file, cause: 'disk-full' });
    await new Library({ db: cache.db, file }).ensureMeeting(SERVER, meeting(2, { name: 'Kept in memory' }));
    expect(cache.db.prepare('SELECT name FROM meetings ORDER BY remote_id').pluck().all()).toEqual(['Kept on disk', 'Kept in memory']);
  });

  itWhere(mountUnavailable)('a disk mounted read-only', async () => {
    // Room for the seeded cache and well over the nearly-full mark: the cause must be the mount, not the space.
    const disk = smallDisk(1024);
    cleanups.push(disk.unmount);
    const file = join(disk.dir, 'cache.sqlite');
    await seed(file);
    disk.readOnly();

    const cache = openCache({ file });
    cleanups.push(() => cache.close());
    expect(cache.storage()).toMatchObject({ mode: 'memory', cause: 'read-only' });
    expect(cache.db.prepare('SELECT name FROM meetings').pluck().all()).toEqual(['Kept on disk']);
  });
});

describe('a cache that stops being writable while the app runs moves to memory without losing a write', () => {
  itWhere(mountUnavailable)('the disk fills up in the middle of a transcript: every batch is kept, none twice', async () => {
    const disk = smallDisk(384);
    cleanups.push(disk.unmount);
    const file = join(disk.dir, 'cache.sqlite');
    const cache = openCache({ file });
    cleanups.push(() => cache.close());
    const changes: CacheStorage[] = [];
    cache.onStorageChange((s) => changes.push(s));
    addServer(cache.db, SERVER);
    const library = new Library({ db: cache.db, file });
    const id = await library.ensureMeeting(SERVER, meeting(1));
    expect(cache.storage()).toEqual({ mode: 'disk' });

    const words = 'the quarterly numbers look better than the forecast we made in spring '.repeat(6);
    for (let batch = 0; batch < 40; batch++) {
      const segs = Array.from({ length: 10 }, (_, i) => segment(`b${batch}s${i}`, `${batch}.${i} ${words}`, { start: batch * 10 + i }));
      await library.appendSegments(id, segs);
    }

    expect(cache.storage()).toMatchObject({ mode: 'memory', path: file, cause: 'disk-full' });
    expect(changes).toHaveLength(1);
    expect(cache.db.prepare('SELECT count(*) FROM segments').pluck().get()).toBe(400);
    expect(cache.db.prepare("SELECT count(*) FROM segments_fts WHERE segments_fts MATCH 'forecast'").pluck().get()).toBe(400);
  });

  itWhere(removeWhileOpenUnavailable)(
    'the data folder is deleted: the next write notices, keeps everything and does not recreate it',
    async () => {
      const dir = tempDir('vexa-gone-');
      const file = join(dir, 'cache.sqlite');
      const cache = openCache({ file });
      cleanups.push(() => cache.close());
      addServer(cache.db, SERVER);
      const library = new Library({ db: cache.db, file });
      await library.ensureMeeting(SERVER, meeting(1, { name: 'Before' }));

      rmSync(dir, { recursive: true, force: true });
      await library.ensureMeeting(SERVER, meeting(2, { name: 'After' }));

      expect(cache.storage()).toMatchObject({ mode: 'memory', path: dir, cause: 'removed' });
      expect(cache.db.prepare('SELECT name FROM meetings ORDER BY remote_id').pluck().all()).toEqual(['Before', 'After']);
      await library.ensureMeeting(SERVER, meeting(3, { name: 'Later' }));
      expect(cache.db.prepare('SELECT count(*) FROM meetings').pluck().get()).toBe(3);
      expect(existsSync(dir)).toBe(false);
    },
  );
});
