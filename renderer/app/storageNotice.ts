import type { StorageState } from '../../shared/ipc/models';

/** Pure wording of the storage notice (unit-tested); the banner and Settings show it. */

type InMemory = Extract<StorageState, { mode: 'memory' }>;

/**
 * A dismissed notice stays dismissed for this window's life, until the problem changes: another
 * file or another cause is news again.
 */
export function storageNoticeKey(storage: InMemory): string {
  return `${storage.cause}|${storage.file}`;
}

export function storageNoticeTitle(storage: InMemory): string {
  return storage.cause === 'newer-version' ? 'The offline library is not available' : 'Changes are not being saved to disk';
}

/** The notice to show above every screen, or null: on disk, or dismissed in this window. */
export function visibleStorageNotice(storage: StorageState | null | undefined, dismissed: string | null): InMemory | null {
  if (!storage || storage.mode !== 'memory') return null;
  return storageNoticeKey(storage) === dismissed ? null : storage;
}
