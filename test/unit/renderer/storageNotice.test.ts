import { describe, expect, it } from 'vitest';
import { storageNoticeKey, storageNoticeTitle, visibleStorageNotice } from '../../../renderer/app/storageNotice';
import { editChip, latestEditFor, markUnkept } from '../../../renderer/features/meeting/describe';
import type { StorageState } from '../../../shared/ipc/models';
import { edit, online } from './support/edits';

const readOnly: StorageState = {
  mode: 'memory',
  file: '/data/cache.sqlite',
  cause: 'read-only',
  message: 'Vexa Companion cannot save to disk: the file /data/cache.sqlite is read-only.',
  since: 1_000,
};

describe('the storage banner', () => {
  it('shows while the library is in memory, and not while it is on disk', () => {
    expect(visibleStorageNotice(readOnly, null)).toBe(readOnly);
    expect(visibleStorageNotice({ mode: 'disk' }, null)).toBeNull();
    expect(visibleStorageNotice(undefined, null)).toBeNull();
  });

  it('stays dismissed for the same problem, and comes back for a new one', () => {
    const dismissed = storageNoticeKey(readOnly as Extract<StorageState, { mode: 'memory' }>);
    expect(visibleStorageNotice(readOnly, dismissed)).toBeNull();
    expect(visibleStorageNotice({ ...readOnly, since: 5_000 }, dismissed)).toBeNull();
    const full = { ...readOnly, cause: 'disk-full' as const };
    expect(visibleStorageNotice(full, dismissed)).toBe(full);
    const keys = { ...readOnly, file: '/data/keys.json' };
    expect(visibleStorageNotice(keys, dismissed)).toBe(keys);
  });

  it('is titled for what it means', () => {
    expect(storageNoticeTitle(readOnly as Extract<StorageState, { mode: 'memory' }>)).toBe('Changes are not being saved to disk');
    expect(storageNoticeTitle({ ...readOnly, cause: 'newer-version' } as Extract<StorageState, { mode: 'memory' }>)).toBe(
      'The offline library is not available',
    );
  });
});

describe('an edit made while the library is in memory', () => {
  const chipFor = (e: ReturnType<typeof edit>, since: number | null) =>
    markUnkept(editChip('name', latestEditFor('name', [e]), false, online), e, since);

  it('kept only here says it is lost on quit', () => {
    const chip = chipFor(edit({ state: 'local', updatedAt: 2_000 }), 1_000);
    expect(chip).toMatchObject({ kind: 'local', label: 'Kept until you quit', tone: 'warn' });
    expect(chip?.detail).toMatch(/lost when you quit/);
  });

  it('still on its way to the server says it is lost if the app quits first', () => {
    expect(chipFor(edit({ state: 'pending', updatedAt: 2_000 }), 1_000)?.detail).toMatch(/Lost if you quit before it reaches the server/);
    const waiting = markUnkept(
      editChip('name', edit({ state: 'pending', updatedAt: 2_000 }), false, { offline: true, otherServer: false }),
      edit({ updatedAt: 2_000 }),
      1_000,
    );
    expect(waiting?.detail).not.toMatch(/Kept on this computer/);
  });

  it('that the server took, or made before the disk failed, reads as before', () => {
    expect(chipFor(edit({ state: 'done', updatedAt: 2_000 }), 1_000)).toMatchObject({ label: 'Saved', detail: null });
    expect(chipFor(edit({ state: 'local', updatedAt: 500 }), 1_000)?.label).toBe('Kept on this computer');
    expect(chipFor(edit({ state: 'local', updatedAt: 2_000 }), null)?.label).toBe('Kept on this computer');
  });
});
