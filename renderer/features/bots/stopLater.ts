import { create } from 'zustand';
import type { TrackedMeetingView } from '../../../shared/ipc/models';
import { keyOfTracked } from '../../app/meetingKey';
import { announce } from '../announcer/store';
import { stopMeeting } from './actions';

/**
 * Stopping a bot ends the transcript for good, so one click starts a short countdown the person
 * can undo instead of stopping at once. The server is asked only when the countdown ends.
 */
export const STOP_UNDO_MS = 5_000;

type Stoppable = Pick<TrackedMeetingView, 'serverId' | 'id' | 'name'>;

interface PendingStops {
  /** When each meeting's bot will be stopped, by meeting key. */
  at: Record<string, number>;
}

export const usePendingStops = create<PendingStops>()(() => ({ at: {} }));

const timers = new Map<string, ReturnType<typeof setTimeout>>();

function clear(key: string): void {
  const timer = timers.get(key);
  if (timer !== undefined) clearTimeout(timer);
  timers.delete(key);
  usePendingStops.setState((s) => {
    const at = { ...s.at };
    delete at[key];
    return { at };
  });
}

/** Starts the countdown; the bot is stopped when it ends unless `undoStop` came first. */
export function requestStop(meeting: Stoppable, now = Date.now()): void {
  const key = keyOfTracked(meeting);
  if (timers.has(key)) return;
  timers.set(
    key,
    setTimeout(() => {
      clear(key);
      void stopMeeting(meeting);
    }, STOP_UNDO_MS),
  );
  usePendingStops.setState((s) => ({ at: { ...s.at, [key]: now + STOP_UNDO_MS } }));
  announce(`The bot in ${meeting.name} stops in ${STOP_UNDO_MS / 1000} seconds. Choose Undo to keep it.`);
}

/** Skips the rest of the countdown. */
export function stopNow(meeting: Stoppable): void {
  clear(keyOfTracked(meeting));
  void stopMeeting(meeting);
}

export function undoStop(meeting: Stoppable): void {
  clear(keyOfTracked(meeting));
  announce(`The bot in ${meeting.name} keeps transcribing.`);
}
