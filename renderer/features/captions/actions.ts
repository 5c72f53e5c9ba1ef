import { meetingKey, parseMeetingKey, type MeetingKey } from '../../app/meetingKey';
import { api } from '../../platform/api';
import { useCaptionsStore } from './store';

/** Caption intents: load a meeting's live transcript from its server and keep it current. */

const inFlight = new Map<string, Promise<void>>();

/** Asks the core for the whole live transcript of a meeting; deltas arriving meanwhile are replayed on top. */
export function openCaptions(meeting: MeetingKey): Promise<void> {
  const key = meetingKey(meeting.serverId, meeting.meetingId);
  const running = inFlight.get(key);
  if (running) return running;
  const store = useCaptionsStore.getState();
  store.begin(meeting);
  const work = api
    .invoke('live:open', { serverId: meeting.serverId, meetingId: meeting.meetingId })
    .then((result) => {
      if (result.ok) useCaptionsStore.getState().applySnapshot(result.value);
      else useCaptionsStore.getState().fail(meeting, result.message);
    })
    .finally(() => inFlight.delete(key));
  inFlight.set(key, work);
  return work;
}

/** Loads a meeting's captions unless they are already here (or on their way). */
export function ensureCaptions(meeting: MeetingKey): void {
  const entry = useCaptionsStore.getState().meetings[meetingKey(meeting.serverId, meeting.meetingId)];
  if (!entry || entry.status === 'error') void openCaptions(meeting);
}

/**
 * Reloads every meeting shown (of one server, when named). After a live socket or the window's
 * own link comes back, the snapshot carries what deltas cannot: gap markers and the count of
 * unreadable frames.
 */
export function refreshCaptions(serverId?: string): void {
  for (const key of Object.keys(useCaptionsStore.getState().meetings)) {
    const meeting = parseMeetingKey(key);
    if (meeting && (serverId === undefined || meeting.serverId === serverId)) void openCaptions(meeting);
  }
}
