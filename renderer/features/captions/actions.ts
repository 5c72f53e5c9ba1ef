import { api } from '../../platform/api';
import { useCaptionsStore } from './store';

/** Caption intents: load a meeting's live transcript and keep it current. */

const inFlight = new Map<number, Promise<void>>();

/** Asks the core for the whole live transcript of a meeting; deltas arriving meanwhile are replayed on top. */
export function openCaptions(meetingId: number): Promise<void> {
  const running = inFlight.get(meetingId);
  if (running) return running;
  const store = useCaptionsStore.getState();
  store.begin(meetingId);
  const work = api
    .invoke('live:open', { meetingId })
    .then((result) => {
      if (result.ok) useCaptionsStore.getState().applySnapshot(result.value);
      else useCaptionsStore.getState().fail(meetingId, result.message);
    })
    .finally(() => inFlight.delete(meetingId));
  inFlight.set(meetingId, work);
  return work;
}

/** Loads a meeting's captions unless they are already here (or on their way). */
export function ensureCaptions(meetingId: number): void {
  const entry = useCaptionsStore.getState().meetings[meetingId];
  if (!entry || entry.status === 'error') void openCaptions(meetingId);
}

/**
 * Reloads every meeting shown. After the core's live socket or the window's own link comes
 * back, the snapshot carries what deltas cannot: gap markers and the count of unreadable frames.
 */
export function refreshCaptions(): void {
  for (const id of Object.keys(useCaptionsStore.getState().meetings)) void openCaptions(Number(id));
}
