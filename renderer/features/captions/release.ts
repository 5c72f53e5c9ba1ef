import { sameMeeting, type MeetingKey } from '../../app/meetingKey';
import type { MeetingStatusView } from '../bots/describe';
import { useLiveStore } from '../live/store';
import { useCaptionsStore } from './store';

/**
 * A finished meeting open in the library is read from the cache; the window's live copy of it (a
 * four-hour meeting is tens of thousands of lines) is then a second copy nobody looks at. It is
 * dropped unless the caption overlay, which shows beside every screen, still shows it. The Live
 * screen is not on screen while the library is and loads it again from the core
 * (`ensureCaptions`) when it next shows the meeting.
 */
export function shouldReleaseLiveCopy(meeting: MeetingKey & { status: MeetingStatusView }, overlay: MeetingKey | null): boolean {
  if (meeting.status !== 'completed' && meeting.status !== 'failed') return false;
  return !sameMeeting(meeting, overlay);
}

/** The library opened this meeting (`remoteId` is the server's id, as the live captions key it). */
export function releaseLiveCopy(meeting: { serverId: string; remoteId: number; status: MeetingStatusView }): void {
  const key = { serverId: meeting.serverId, meetingId: meeting.remoteId };
  if (shouldReleaseLiveCopy({ ...key, status: meeting.status }, useLiveStore.getState().overlay)) useCaptionsStore.getState().release(key);
}
