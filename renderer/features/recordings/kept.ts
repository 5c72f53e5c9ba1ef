import type { RecordingListView } from '../../../shared/ipc/recordings';
import { formatBytes } from '../library/describe';

/** Bytes of this meeting's audio kept on this computer for offline listening (0 when none, or not known yet). */
export function keptBytesOf(list: Pick<RecordingListView, 'recordings'> | null): number {
  if (!list) return 0;
  return list.recordings.reduce((sum, r) => sum + r.media.reduce((n, m) => n + (m.kept?.bytes ?? 0), 0), 0);
}

/**
 * Deleting a meeting (from this computer or the server) removes the audio kept of it too
 * (core handlers `library:delete`): the dialog says so where there is some; null where there is none.
 */
export function keptAudioNote(bytes: number): string | null {
  return bytes > 0 ? `The audio kept on this computer for offline listening (${formatBytes(bytes)}) is deleted too.` : null;
}
