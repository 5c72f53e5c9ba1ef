import { create } from 'zustand';
import type { MeetingKey } from '../../app/meetingKey';

/** A line a watch word's alert (or a hit in the list) asked to show; `seq` makes a repeat a new request. */
export type LineTarget = MeetingKey & { lineKey: string; seq: number };

/** Watch words in the window: which line the live view should bring into view and mark. */
interface WatchWordsStore {
  target: LineTarget | null;
  showLine(line: MeetingKey & { lineKey: string }): void;
  /** The view brought the line into view: a later visit to the meeting starts as usual. */
  done(seq: number): void;
}

export const useWatchWordsStore = create<WatchWordsStore>()((set) => ({
  target: null,
  showLine: (line) => set((s) => ({ target: { ...line, seq: (s.target?.seq ?? 0) + 1 } })),
  done: (seq) => set((s) => (s.target?.seq === seq ? { target: null } : {})),
}));
