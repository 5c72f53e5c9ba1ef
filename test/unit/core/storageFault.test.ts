import { describe, expect, it } from 'vitest';
import { causeOf, isStorageFailure, type StorageFacts } from '../../../electron/core/storageFault';
import { describeFault, storageNotice } from '../../../electron/core/storageNotice';

const FILE = '/home/ada/.config/Vexa Companion/cache.sqlite';
const DIR = '/home/ada/.config/Vexa Companion';
const ME = 1000;

const mine = (path: string, over: Partial<StorageFacts['folder']> = {}) => ({
  path,
  exists: true,
  uid: ME,
  ownerWritable: true,
  worldWritable: false,
  ...over,
});

function facts(over: Partial<StorageFacts> = {}): StorageFacts {
  return {
    code: 'SQLITE_READONLY',
    files: [mine(FILE), mine(`${FILE}-wal`, { exists: false }), mine(`${FILE}-shm`, { exists: false })],
    folder: mine(DIR),
    folderMissing: false,
    vanished: false,
    readOnlyDisk: false,
    freeBytes: 10_000_000_000,
    uid: ME,
    ...over,
  };
}

describe('which file failed and why, from what the disk says', () => {
  it.each<[string, Partial<StorageFacts>, { cause: string; path: string; where: string }]>([
    ['SQLite says the disk is full', { code: 'SQLITE_FULL' }, { cause: 'disk-full', path: FILE, where: 'disk' }],
    ['a write ran out of space', { code: 'ENOSPC' }, { cause: 'disk-full', path: FILE, where: 'disk' }],
    [
      'an I/O error on a disk with no space left',
      { code: 'SQLITE_IOERR_SHMSIZE', freeBytes: 0 },
      { cause: 'disk-full', path: FILE, where: 'disk' },
    ],
    ['a read-only mount', { code: 'SQLITE_CANTOPEN', readOnlyDisk: true }, { cause: 'read-only', path: FILE, where: 'disk' }],
    ['the folder is gone', { code: 'ENOENT', folderMissing: true }, { cause: 'removed', path: DIR, where: 'folder' }],
    ['the file was deleted under the open database', { vanished: true }, { cause: 'removed', path: FILE, where: 'file' }],
    ['the file of another account', { files: [mine(FILE, { uid: 0 })] }, { cause: 'other-owner', path: FILE, where: 'file' }],
    [
      'a shared-memory file left by another account',
      { files: [mine(FILE), mine(`${FILE}-shm`, { uid: 0, ownerWritable: true })] },
      { cause: 'other-owner', path: `${FILE}-shm`, where: 'file' },
    ],
    ['the folder of another account', { folder: mine(DIR, { uid: 0 }) }, { cause: 'other-owner', path: DIR, where: 'folder' }],
    ['a read-only file (0444)', { files: [mine(FILE, { ownerWritable: false })] }, { cause: 'read-only', path: FILE, where: 'file' }],
    ['a read-only folder (0555)', { folder: mine(DIR, { ownerWritable: false }) }, { cause: 'read-only', path: DIR, where: 'folder' }],
    [
      'the first start in a read-only folder',
      { code: 'SQLITE_CANTOPEN', files: [mine(FILE, { exists: false })], folder: mine(DIR, { ownerWritable: false }) },
      { cause: 'read-only', path: DIR, where: 'folder' },
    ],
    [
      'refused with the bits all allowing it (an ACL, a sandbox)',
      { code: 'EACCES' },
      { cause: 'permission-denied', path: DIR, where: 'folder' },
    ],
    ['another error of the disk', { code: 'SQLITE_IOERR_WRITE' }, { cause: 'unavailable', path: FILE, where: 'file' }],
  ])('%s', (_name, over, expected) => {
    expect(causeOf(facts(over))).toMatchObject(expected);
  });

  it('a folder shared with everyone (like /tmp) is not "another account\'s"', () => {
    expect(causeOf(facts({ code: 'EACCES', folder: mine('/tmp', { uid: 0, worldWritable: true }) })).cause).toBe('permission-denied');
  });

  it('Windows has no owners: the read-only attribute still speaks', () => {
    expect(causeOf(facts({ uid: null, files: [mine(FILE, { uid: 0, ownerWritable: false })] }))).toMatchObject({ cause: 'read-only' });
  });

  it('only errors of the disk count; a broken query or a constraint is a bug to report, not a disk to blame', () => {
    for (const code of [
      'SQLITE_READONLY',
      'SQLITE_READONLY_DBMOVED',
      'SQLITE_FULL',
      'SQLITE_IOERR_WRITE',
      'SQLITE_CANTOPEN',
      'EACCES',
      'EROFS',
      'ENOSPC',
    ]) {
      expect(isStorageFailure(Object.assign(new Error(code), { code }))).toBe(true);
    }
    expect(isStorageFailure(new TypeError('Cannot open database because the directory does not exist'))).toBe(true);
    for (const code of ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR', 'SQLITE_BUSY', 'SQLITE_CORRUPT']) {
      expect(isStorageFailure(Object.assign(new Error(code), { code }))).toBe(false);
    }
    expect(isStorageFailure(new Error('no code'))).toBe(false);
  });
});

describe('the notice says what happened, to which file, and what to do', () => {
  it('names the file, the cause, the consequence and both ways out, in the words of the copy that runs', () => {
    const fault = { cause: 'read-only', path: FILE, where: 'file', code: 'SQLITE_READONLY' } as const;
    const desktop = storageNotice(['library'], fault, 'electron');
    expect(desktop).toContain(`the file ${FILE} is read-only`);
    expect(desktop).toContain('kept only until you quit');
    expect(desktop).toContain('Allow writing to that file again');
    expect(desktop).toContain('VEXA_COMPANION_DATA_DIR');
    expect(storageNotice(['library'], fault, 'web')).toContain('npm run web -- --data-dir');
  });

  it('says what each part that could not be saved means', () => {
    const fault = { cause: 'disk-full', path: FILE, where: 'disk', code: 'ENOSPC' } as const;
    const text = storageNotice(['library', 'key', 'settings'], fault, 'electron');
    expect(text).toContain('is full');
    expect(text).toContain('Free some space');
    expect(text).toContain('API key is kept for this session only');
    expect(text).toContain('will not remember which server');
  });

  it.each(['read-only', 'disk-full', 'removed', 'permission-denied', 'other-owner', 'newer-version', 'unavailable'] as const)(
    'has words for %s',
    (cause) => {
      const { problem, fix } = describeFault({ cause, path: FILE, where: 'file', code: 'X' });
      expect(problem).toContain(FILE);
      expect(fix.length).toBeGreaterThan(10);
    },
  );
});
