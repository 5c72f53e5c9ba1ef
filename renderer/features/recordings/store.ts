import { create } from 'zustand';
import type { RecordingListView, RecordingMediaView } from '../../../shared/ipc/recordings';

export interface NowPlaying {
  /** The library meeting. */
  meetingId: number;
  recordingId: number;
  media: RecordingMediaView;
  src: string;
}

interface RecordingsState {
  meetingId: number | null;
  list: RecordingListView | null;
  loading: boolean;
  error: string | null;
  playing: NowPlaying | null;
  /** Seconds into the recording, as the player last said. */
  currentTime: number;
  /** A line asked the player to play from a moment (`seq` repeats a click on the same line). */
  seek: { seconds: number; seq: number } | null;
}

export const useRecordingsStore = create<RecordingsState>(() => ({
  meetingId: null,
  list: null,
  loading: false,
  error: null,
  playing: null,
  currentTime: 0,
  seek: null,
}));
