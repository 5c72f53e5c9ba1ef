import type { MeetingRef } from '../../../shared/ipc/models';
import type { Library } from '../cache';

export interface MeetingNameSources {
  library: Pick<Library, 'localId' | 'meeting'>;
  /** The current server's id (for a ref that names none), or null. */
  activeServerId(): string | null;
  /** The name of a meeting this server's bots follow, or null. */
  followed(serverId: string, meetingId: number): string | null;
}

/**
 * The name a meeting goes by on this computer, looked up from its ids: the library row (with the
 * person's own edits), else a meeting the bots of its server follow. The window's requests
 * carry ids only, since a server may name a meeting with any number of characters.
 */
export async function knownMeetingName(ref: MeetingRef, s: MeetingNameSources): Promise<string | null> {
  const active = s.activeServerId();
  const serverId = ref.serverId ?? active;
  if (serverId === null) return null;
  const localId = await s.library.localId(serverId, ref.meetingId);
  const row = localId === null ? null : await s.library.meeting(localId);
  if (row?.name?.trim()) return row.name;
  return s.followed(serverId, ref.meetingId);
}
