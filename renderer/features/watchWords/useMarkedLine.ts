import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';
import type { MeetingKey } from '../../app/meetingKey';
import { announce } from '../announcer/store';
import type { CaptionIndex } from '../captions/captionIndex';
import type { CaptionListHandle } from '../captions/CaptionList';
import { speakerName } from '../captions/describe';
import type { Timeline } from '../captions/timeline';
import { useWatchWordsStore } from './store';

/**
 * The line of a live meeting that a watch word's alert (or a hit in the list) asked for: brought
 * into view as soon as it is among the captions (the alert may come before the window has loaded
 * them), marked, and said to screen readers. Returns the marked line and a way to ask for another.
 */
export function useMarkedLine(
  meeting: MeetingKey,
  index: CaptionIndex | undefined,
  timeline: Timeline,
  list: RefObject<CaptionListHandle | null>,
): { marked: string | null; jump(lineKey: string): void } {
  const { serverId, meetingId } = meeting;
  const target = useWatchWordsStore((s) => (s.target?.serverId === serverId && s.target.meetingId === meetingId ? s.target : null));
  const [marked, setMarked] = useState<string | null>(null);

  useLayoutEffect(() => {
    if (!target || !index) return;
    const at = index.segments.findIndex((s) => s.key === target.lineKey);
    if (at < 0) return;
    const row = timeline.rowOfTurn(index.turnOfSegment(at));
    const line = index.segments[at]!;
    // After the frame that lays the list out: scrolling an unmeasured list lands short.
    const frame = requestAnimationFrame(() => {
      if (!list.current) return;
      setMarked(target.lineKey);
      list.current.scrollToRow(row);
      useWatchWordsStore.getState().done(target.seq);
      announce(`Showing the line: ${speakerName(line.speaker)}: ${line.text}`);
    });
    return () => cancelAnimationFrame(frame);
  }, [target, index, timeline, list]);

  const jump = useCallback(
    (lineKey: string) => useWatchWordsStore.getState().showLine({ serverId, meetingId, lineKey }),
    [serverId, meetingId],
  );
  return { marked, jump };
}
