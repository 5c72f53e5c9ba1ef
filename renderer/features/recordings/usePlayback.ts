import { useCallback, useMemo, useState } from 'react';
import type { CaptionView } from '../../../shared/ipc/models';
import { playFrom } from './actions';
import { audioTimeOf, lineAtTime, recordingOffset, type TimedLine } from './lineAtTime';
import { useRecordingsStore } from './store';

/**
 * What the transcript needs of the player: the line being heard (highlighted, and scrolled to
 * while the person has not scrolled away themselves), and a way for a line to play from its moment.
 */
export function usePlayback(meetingId: number, segments: readonly CaptionView[]) {
  const lines = useMemo<TimedLine[]>(
    () => segments.map((s) => ({ key: s.key, start: s.start, end: s.end })).sort((a, b) => a.start - b.start),
    [segments],
  );
  const playable = useRecordingsStore(
    (s) => s.meetingId === meetingId && (s.list?.recordings.some((r) => r.media.some((m) => m.type === 'audio')) ?? false),
  );
  const offset = useRecordingsStore((s) => recordingOffset(s.playing?.media.captureStartedAt ?? null, segments[0]));
  const playing = useRecordingsStore((s) => (s.playing?.meetingId === meetingId ? lineAtTime(lines, s.currentTime, offset) : null));
  const [follow, setFollow] = useState(true);

  const activate = useCallback(
    (key: string) => {
      const line = lines.find((l) => l.key === key);
      if (!line) return;
      setFollow(true);
      void playFrom(audioTimeOf(line, offset));
    },
    [lines, offset],
  );
  const stopFollowing = useCallback(() => setFollow(false), []);
  const resumeFollowing = useCallback(() => setFollow(true), []);

  return { playable, playing, follow, activate, stopFollowing, resumeFollowing };
}
