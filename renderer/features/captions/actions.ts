import { meetingKey, parseMeetingKey, type MeetingKey } from '../../app/meetingKey';
import { api } from '../../platform/api';
import type { CaptionPosition } from './captionIndex';
import { useCaptionsStore } from './store';

/** Caption intents: load a meeting's live transcript from its server and keep it current. */

/**
 * Lines asked for first: more than the tallest window shows (a turn holds a few lines), so the
 * first paint of a long meeting carries a small answer; the earlier lines follow once it is painted.
 */
export const FIRST_LINES = 240;

const inFlight = new Map<string, Promise<void>>();

/**
 * Runs `fn` once the frame being prepared now has been painted, or after a quarter of a second
 * where no frame comes (a hidden window paints none).
 */
function afterPaint(fn: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    fn();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 250);
}

/**
 * The lines a snapshot of the newest ones left out, asked for once those are painted. Should that
 * fail, the whole transcript is asked for again: no line may stay missing.
 */
function loadEarlier(meeting: MeetingKey, before: CaptionPosition): Promise<void> {
  return new Promise<void>((resolve) => afterPaint(resolve))
    .then(() => api.invoke('live:earlier', { serverId: meeting.serverId, meetingId: meeting.meetingId, before }))
    .then(async (result) => {
      if (result.ok) {
        useCaptionsStore.getState().applyEarlier(result.value, before);
        return;
      }
      const whole = await api.invoke('live:open', { serverId: meeting.serverId, meetingId: meeting.meetingId });
      if (whole.ok) useCaptionsStore.getState().applySnapshot(whole.value);
      else useCaptionsStore.getState().fail(meeting, whole.message);
    });
}

/**
 * Asks the core for a meeting's live transcript, its newest lines first and the earlier ones once
 * those are painted; deltas arriving meanwhile are replayed on top.
 */
export function openCaptions(meeting: MeetingKey): Promise<void> {
  const key = meetingKey(meeting.serverId, meeting.meetingId);
  const running = inFlight.get(key);
  if (running) return running;
  const store = useCaptionsStore.getState();
  store.begin(meeting);
  const work = api
    .invoke('live:open', { serverId: meeting.serverId, meetingId: meeting.meetingId, newest: FIRST_LINES })
    .then((result) => {
      if (!result.ok) {
        useCaptionsStore.getState().fail(meeting, result.message);
        return;
      }
      useCaptionsStore.getState().applySnapshot(result.value);
      const first = result.value.segments[0];
      if ((result.value.earlier ?? 0) > 0 && first) return loadEarlier(meeting, { absoluteStart: first.absoluteStart, key: first.key });
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
