import type { Meeting, MeetingPatch, ServerPlatform } from '../../../shared/vexa/types';
import type { CallOptions, VexaClient } from '../vexa/client';
import { meetingOnLink } from '../vexa/linkTarget';

/**
 * A recurring link (a weekly Meet room, a standing Teams call) carries several meetings, and every
 * server generation resolves `{platform}/{native_id}` to the newest of them. A meeting is acted on
 * by its row id where the server has such a route; by its link only while it is the newest there;
 * otherwise the change stays on this computer and the person is told why.
 */
export const LINK_MESSAGES = {
  editNotLatest:
    'This server only changes the latest meeting on this link, and a newer meeting now uses the same link. The change is kept on this computer.',
  editReachedOther:
    'This server only changes the latest meeting on this link, and a newer meeting started on it meanwhile: the server put the change on that meeting (check its name and notes). For this meeting the change is kept on this computer.',
  deleteNotLatest:
    'Removed from this computer only. This server only changes the latest meeting on this link, and a newer meeting now uses the same link, so this meeting’s transcript stays on the server.',
  otherTranscript:
    'The server answered with the transcript of another meeting on this link, so it was not stored for this one. This server cannot give the transcript of an older meeting on a recurring link.',
} as const;

export interface LinkedMeeting {
  remote_id: number;
  platform: string;
  native_id: string;
}

export type LinkEditOutcome =
  | { kind: 'sent'; updated: Meeting }
  /** Nothing went to the server, or it changed another meeting (`updated`): the edit stays here. */
  | { kind: 'local'; reason: string; updated?: Meeting };

/**
 * The newest meeting on each link, asked once per replay: sending several edits in a row does not
 * list the meetings again for every one.
 */
export class LinkTargets {
  private readonly known = new Map<string, Promise<Meeting | null>>();

  constructor(private readonly client: VexaClient) {}

  newest(platform: ServerPlatform, nativeId: string, o: CallOptions = {}): Promise<Meeting | null> {
    const key = `${platform}\n${nativeId}`;
    let found = this.known.get(key);
    if (!found) {
      found = meetingOnLink(this.client, platform, nativeId, o);
      // A failed look-up is not remembered: the next edit asks again.
      found.catch(() => this.known.delete(key));
      this.known.set(key, found);
    }
    return found;
  }

  /** The server answered for another meeting: that one is the newest on the link now. */
  learn(meeting: Meeting): void {
    if (meeting.nativeMeetingId !== null) this.known.set(`${meeting.platform}\n${meeting.nativeMeetingId}`, Promise.resolve(meeting));
  }
}

/**
 * Sends an edit through the link route (G1/G2 `PATCH /meetings/{platform}/{native_id}`) only when
 * the server says this meeting is the newest on its link, and counts it sent only when the server
 * answers for this meeting. Throws what the client throws (the caller keeps the edit queued).
 */
export async function sendEditByLink(
  client: VexaClient,
  targets: LinkTargets,
  meeting: LinkedMeeting,
  fields: MeetingPatch,
  o: CallOptions = {},
): Promise<LinkEditOutcome> {
  const newest = await targets.newest(meeting.platform, meeting.native_id, o);
  // No meeting on the link at all: the server answers 404 and the edit is refused with its words.
  if (newest && newest.id !== meeting.remote_id) return { kind: 'local', reason: LINK_MESSAGES.editNotLatest };
  const updated = await client.updateMeeting(meeting.platform, meeting.native_id, fields, o);
  if (updated.id !== meeting.remote_id) {
    targets.learn(updated);
    return { kind: 'local', reason: LINK_MESSAGES.editReachedOther, updated };
  }
  return { kind: 'sent', updated };
}
