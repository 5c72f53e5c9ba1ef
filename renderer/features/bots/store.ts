import { create } from 'zustand';
import type { RunningBotView, TrackedMeetingView } from '../../../shared/ipc/models';
import { keyOfTracked, meetingKey, type MeetingKey } from '../../app/meetingKey';

/**
 * The meetings whose bots the core follows on every server (fed by `bots:changed`, and by
 * `bots:tracked` when the window connects), what the person is doing to each, and each server's
 * list of running bots. Per-meeting records are keyed by `meetingKey` (server and meeting id).
 */

export type MeetingTask = 'stop' | 'dismiss' | 'open';

export interface RunningList {
  bots: RunningBotView[] | null;
  loading: boolean;
  error: string | null;
}

const EMPTY_RUNNING: RunningList = { bots: null, loading: false, error: null };

interface BotsStore {
  meetings: TrackedMeetingView[];
  /** Work in flight per meeting, so its buttons show progress. */
  busy: Record<string, MeetingTask>;
  /** The last failure per meeting, shown on its card until the next action. */
  errors: Record<string, string>;
  /** A request to bring one card into view; `seq` makes a repeated request for the same meeting new. */
  focus: (MeetingKey & { seq: number }) | null;
  /** Each server's own list of running bots, by server id. */
  running: Record<string, RunningList>;
  setMeetings(meetings: TrackedMeetingView[]): void;
  /** One server's followed meetings (`bots:refresh` of that server); the others' stay. */
  setServerMeetings(serverId: string, meetings: TrackedMeetingView[]): void;
  upsert(meeting: TrackedMeetingView): void;
  remove(key: MeetingKey): void;
  setBusy(key: MeetingKey, task: MeetingTask | null): void;
  setError(key: MeetingKey, message: string | null): void;
  requestFocus(key: MeetingKey): void;
  clearFocus(seq: number): void;
  setRunning(serverId: string, patch: Partial<RunningList>): void;
  /** Forgets the running lists of servers no longer connected. */
  keepRunning(serverIds: ReadonlySet<string>): void;
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const copy = { ...record };
  delete copy[key];
  return copy;
}

let focusSeq = 0;

export const runningOf = (running: Record<string, RunningList>, serverId: string): RunningList => running[serverId] ?? EMPTY_RUNNING;

export const useBotsStore = create<BotsStore>()((set) => ({
  meetings: [],
  busy: {},
  errors: {},
  focus: null,
  running: {},
  setMeetings: (meetings) => set({ meetings }),
  setServerMeetings: (serverId, meetings) =>
    set((s) => ({ meetings: [...meetings.filter((m) => m.serverId === serverId), ...s.meetings.filter((m) => m.serverId !== serverId)] })),
  upsert: (meeting) =>
    set((s) => {
      const key = keyOfTracked(meeting);
      const index = s.meetings.findIndex((m) => keyOfTracked(m) === key);
      if (index === -1) return { meetings: [meeting, ...s.meetings] };
      // A reply can arrive after the event that already carried a later status.
      if ((s.meetings[index]?.history.length ?? 0) > meeting.history.length) return {};
      const meetings = s.meetings.slice();
      meetings[index] = meeting;
      return { meetings };
    }),
  remove: ({ serverId, meetingId }) =>
    set((s) => ({ meetings: s.meetings.filter((m) => !(m.serverId === serverId && m.id === meetingId)) })),
  setBusy: ({ serverId, meetingId }, task) =>
    set((s) => {
      const key = meetingKey(serverId, meetingId);
      return { busy: task ? { ...s.busy, [key]: task } : without(s.busy, key) };
    }),
  setError: ({ serverId, meetingId }, message) =>
    set((s) => {
      const key = meetingKey(serverId, meetingId);
      return { errors: message ? { ...s.errors, [key]: message } : without(s.errors, key) };
    }),
  requestFocus: (key) => set({ focus: { serverId: key.serverId, meetingId: key.meetingId, seq: ++focusSeq } }),
  clearFocus: (seq) => set((s) => (s.focus?.seq === seq ? { focus: null } : {})),
  setRunning: (serverId, patch) => set((s) => ({ running: { ...s.running, [serverId]: { ...runningOf(s.running, serverId), ...patch } } })),
  keepRunning: (serverIds) =>
    set((s) => {
      const kept = Object.entries(s.running).filter(([id]) => serverIds.has(id));
      return kept.length === Object.keys(s.running).length ? {} : { running: Object.fromEntries(kept) };
    }),
}));
