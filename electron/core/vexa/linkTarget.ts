import type { Meeting, ServerPlatform } from '../../../shared/vexa/types';
import type { CallOptions, VexaClient } from './client';

/**
 * The meeting a `{platform}/{native_meeting_id}` route reaches: every generation takes the caller's
 * newest row with that link, `ORDER BY created_at DESC`, first row (Vexa v0.9
 * transcription-collector `api/endpoints.py` `update_meeting_data`, `delete_meeting`,
 * `get_transcript_by_native_id`; the same queries in v0.10 meeting-api `collector/endpoints.py`;
 * v0.12 `_resolve_owned_native`). A G1/G2 meeting whose transcript was deleted has lost its native
 * id and is no longer reached. Equal creation times (not seen in practice) fall back to the higher
 * row id, the later insert.
 */
export function newestOnLink(meetings: readonly Meeting[], platform: string, nativeId: string): Meeting | null {
  let newest: Meeting | null = null;
  for (const m of meetings) {
    if (m.platform !== platform || m.nativeMeetingId !== nativeId) continue;
    if (!newest || (m.createdAt ?? 0) > (newest.createdAt ?? 0) || ((m.createdAt ?? 0) === (newest.createdAt ?? 0) && m.id > newest.id))
      newest = m;
  }
  return newest;
}

/**
 * Asks the server which meeting its link routes reach right now, from its own meeting list (G1
 * answers every meeting at once; G2/G3 are read page by page, filtered by platform). Null when no
 * meeting carries that link any more.
 */
export async function meetingOnLink(
  client: VexaClient,
  platform: ServerPlatform,
  nativeId: string,
  o: CallOptions = {},
): Promise<Meeting | null> {
  const { meetings } = await client.listAllMeetings({ platform }, o);
  return newestOnLink(meetings, platform, nativeId);
}
