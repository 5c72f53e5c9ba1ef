import { create } from 'zustand';
import type { RunningBotView, TrackedMeetingView } from '../../../shared/ipc/models';

/**
 * The meetings whose bots the core follows (fed by `bots:changed`, and by `bots:tracked` when the
 * window connects), what the person is doing to each, and the server's list of running bots.
 */

export type MeetingTask = 'stop' | 'dismiss' | 'open';

export interface RunningList {
  bots: RunningBotView[] | null;
  loading: boolean;
  error: string | null;
}

interface BotsStore {
  meetings: TrackedMeetingView[];
  /** Work in flight per meeting, so its buttons show progress. */
  busy: Record<number, MeetingTask>;
  /** The last failure per meeting, shown on its card until the next action. */
  errors: Record<number, string>;
  /** A request to bring one card into view; `seq` makes a repeated request for the same meeting new. */
  focus: { meetingId: number; seq: number } | null;
  running: RunningList;
  setMeetings(meetings: TrackedMeetingView[]): void;
  upsert(meeting: TrackedMeetingView): void;
  remove(meetingId: number): void;
  setBusy(meetingId: number, task: MeetingTask | null): void;
  setError(meetingId: number, message: string | null): void;
  requestFocus(meetingId: number): void;
  clearFocus(seq: number): void;
  setRunning(patch: Partial<RunningList>): void;
}

function without<T>(record: Record<number, T>, key: number): Record<number, T> {
  if (!(key in record)) return record;
  const copy = { ...record };
  delete copy[key];
  return copy;
}

let focusSeq = 0;

export const useBotsStore = create<BotsStore>()((set) => ({
  meetings: [],
  busy: {},
  errors: {},
  focus: null,
  running: { bots: null, loading: false, error: null },
  setMeetings: (meetings) => set({ meetings }),
  upsert: (meeting) =>
    set((s) => {
      const index = s.meetings.findIndex((m) => m.id === meeting.id);
      if (index === -1) return { meetings: [meeting, ...s.meetings] };
      // A reply can arrive after the event that already carried a later status.
      if ((s.meetings[index]?.history.length ?? 0) > meeting.history.length) return {};
      const meetings = s.meetings.slice();
      meetings[index] = meeting;
      return { meetings };
    }),
  remove: (meetingId) => set((s) => ({ meetings: s.meetings.filter((m) => m.id !== meetingId) })),
  setBusy: (meetingId, task) => set((s) => ({ busy: task ? { ...s.busy, [meetingId]: task } : without(s.busy, meetingId) })),
  setError: (meetingId, message) =>
    set((s) => ({ errors: message ? { ...s.errors, [meetingId]: message } : without(s.errors, meetingId) })),
  requestFocus: (meetingId) => set({ focus: { meetingId, seq: ++focusSeq } }),
  clearFocus: (seq) => set((s) => (s.focus?.seq === seq ? { focus: null } : {})),
  setRunning: (patch) => set((s) => ({ running: { ...s.running, ...patch } })),
}));
