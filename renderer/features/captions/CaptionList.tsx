import { useVirtualizer } from '@tanstack/react-virtual';
import { Fragment, memo, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, type Ref } from 'react';
import type { CaptionView } from '../../../shared/ipc/models';
import { icon } from '../../app/theme/icons';
import type { CaptionTurn } from './captionIndex';
import { captionTime, gapText, speakerName, type TimeFormat } from './describe';
import { captionText, highlightParts, type MarkRange } from './search';
import type { Timeline } from './timeline';
import { SpeakerName, type SpeakerContext } from '../speakers/SpeakerName';

export interface CaptionListHandle {
  /** Brings a row into view (search results); pauses auto-follow. */
  scrollToRow(row: number): void;
  /** Resumes auto-follow at the newest caption and moves focus to the list. */
  jumpToLive(): void;
}

export interface CaptionListProps {
  label: string;
  timeline: Timeline;
  following: boolean;
  onFollowingChange(following: boolean): void;
  timeFormat: TimeFormat;
  origin: number | null;
  marks: ReadonlyMap<string, MarkRange[]> | null;
  currentMatch: number;
  /** The line the recording is playing (highlighted), in a finished meeting with a recording. */
  playing?: string | null;
  /** A line marked for the person (the one a watch word's alert opened). */
  marked?: string | null;
  /** Lines can be clicked (or Enter) to play the recording from there. */
  onLineActivate?: (key: string) => void;
  /** The person scrolled the list themselves (wheel, touch, keys, the scrollbar). */
  onUserScroll?: () => void;
  /**
   * The row the list first shows (a search hit), about centred: drawn there in its first frame
   * instead of at the top and scrolled after. `scrollToRow` centres it exactly once rows are measured.
   */
  initialRow?: number | null;
  /** Corrected speaker names, and the speaker menu where the meeting is known (features/speakers). */
  speakers?: SpeakerContext | null;
  ref?: Ref<CaptionListHandle>;
}

/** Rows are this tall until measured (a turn of one or two lines). */
const ESTIMATED_ROW_PX = 72;
const PADDING_START_PX = 8;
/** The list's height before it is laid out, to centre `initialRow` in its first frame. */
const FIRST_VIEWPORT_PX = 600;

/** Within this many pixels of the bottom the list counts as following the newest caption. */
const AT_END_PX = 32;
/** Scroll events this soon after a wheel, key or touch are the person's, not the list's own. */
const INTENT_MS = 700;

const Segment = memo(function Segment({
  seg,
  ranges,
  current,
  playing,
  playable,
  marked,
}: {
  seg: CaptionView;
  ranges: MarkRange[] | undefined;
  current: number;
  playing: boolean;
  playable: boolean;
  marked: boolean;
}) {
  const text = captionText(seg);
  const parts = highlightParts(text, ranges, current);
  return (
    <span
      className="caption-seg"
      data-key={seg.key}
      data-draft={seg.draft ? 'true' : 'false'}
      data-playing={playing || undefined}
      data-marked={marked || undefined}
      data-playable={playable || undefined}
      aria-current={playing || undefined}
      {...(playable ? { role: 'button', tabIndex: 0, title: 'Play the recording from here' } : {})}
    >
      {parts.length === 1 && parts[0]!.mark === 'none'
        ? text
        : parts.map((part, i) =>
            part.mark === 'none' ? (
              part.text
            ) : (
              <mark key={i} data-current={part.mark === 'current' || undefined}>
                {part.text}
              </mark>
            ),
          )}
    </span>
  );
});

// Drawn, not an emoji: a system without a colour-emoji font showed an empty box in its place.
const ChatIcon = icon(<path d="M7.9 20A9 9 0 1 0 4 16.1L2 22Z" />);

/** Chat lines are told apart by a word, not by colour alone. */
function ChatTag() {
  return (
    <span className="caption-chat-tag" data-testid="caption-chat">
      <ChatIcon size={12} />
      in chat
    </span>
  );
}

const TurnContent = memo(function TurnContent({
  turn,
  timeFormat,
  origin,
  marks,
  current,
  playing,
  playable,
  marked,
  speakers,
}: {
  turn: CaptionTurn;
  timeFormat: TimeFormat;
  origin: number | null;
  marks: ReadonlyMap<string, MarkRange[]> | null;
  current: number;
  /** The playing line's key when it is in this turn (other turns do not re-render). */
  playing: string | null;
  playable: boolean;
  /** The marked line's key when it is in this turn. */
  marked: string | null;
  speakers: SpeakerContext | null;
}) {
  const when = captionTime(turn.absoluteStart, timeFormat, origin);
  return (
    <>
      <div className="caption-turn-head">
        {speakers ? (
          <SpeakerName context={speakers} first={turn.segments[0]} speaker={turn.speaker} when={when} />
        ) : (
          <span className="caption-speaker">{speakerName(turn.speaker)}</span>
        )}
        {turn.segments[0]?.source === 'chat' ? <ChatTag /> : null}
        <time className="caption-time" dateTime={new Date(turn.absoluteStart).toISOString()}>
          {when}
        </time>
        {turn.draft ? <span className="sr-only">, still being transcribed</span> : null}
      </div>
      <p className="caption-text">
        {turn.segments.map((seg, i) => {
          const ranges = marks?.get(seg.key);
          return (
            <Fragment key={seg.key}>
              {i > 0 ? ' ' : null}
              <Segment
                seg={seg}
                ranges={ranges}
                current={ranges ? current : -1}
                playing={playing === seg.key}
                playable={playable}
                marked={marked === seg.key}
              />
            </Fragment>
          );
        })}
      </p>
    </>
  );
});

/** The scroll offset that shows `row` about centred while every row has its estimated height. */
export function initialOffsetFor(row: number | null, viewport: number): number {
  if (row === null || row <= 0) return 0;
  return Math.max(0, Math.round(PADDING_START_PX + row * ESTIMATED_ROW_PX + ESTIMATED_ROW_PX / 2 - viewport / 2));
}

/**
 * The captions of one meeting as a virtualized list: only the turns in view are in the DOM and
 * each is measured after render (turns wrap to any height). While following, the list stays at
 * the newest caption; a scroll up by the person pauses that, and reaching the bottom resumes it.
 */
export function CaptionList({
  label,
  timeline,
  following,
  onFollowingChange,
  timeFormat,
  origin,
  marks,
  currentMatch,
  playing = null,
  marked = null,
  onLineActivate,
  onUserScroll,
  initialRow = null,
  speakers = null,
  ref,
}: CaptionListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const followingRef = useRef(following);
  const intentUntil = useRef(0);
  const pointerHeld = useRef(false);
  followingRef.current = following;

  const getItemKey = useCallback((index: number) => timeline.at(index)?.key ?? index, [timeline]);
  // No React Compiler here, so the virtualizer's unmemoizable functions are fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: timeline.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: 4,
    paddingStart: PADDING_START_PX,
    // Read once, by the first render: rows above it are all estimated then.
    initialOffset: () => initialOffsetFor(initialRow, scrollRef.current?.clientHeight || FIRST_VIEWPORT_PX),
    paddingEnd: 12,
    getItemKey,
  });
  const total = virtualizer.getTotalSize();

  // Through the virtualizer, not scrollTop: it corrects the offset itself as rows are measured,
  // and a write it does not know about would be undone by its next correction. Rows measured
  // during a commit can grow the list before the DOM has its new height (the scroll is clamped
  // short of the end), so the next frames check and finish the job.
  const settle = useRef(0);
  const toEnd = useCallback(() => {
    virtualizer.scrollToOffset(virtualizer.getTotalSize(), { align: 'end' });
    cancelAnimationFrame(settle.current);
    let tries = 3;
    const check = () => {
      const el = scrollRef.current;
      if (!el || !followingRef.current || tries-- === 0) return;
      if (el.scrollHeight - el.scrollTop - el.clientHeight > 1) virtualizer.scrollToOffset(virtualizer.getTotalSize(), { align: 'end' });
      settle.current = requestAnimationFrame(check);
    };
    settle.current = requestAnimationFrame(check);
  }, [virtualizer]);

  // After every commit that changed the content or its measured size, while following.
  useLayoutEffect(() => {
    if (following) toEnd();
  }, [following, total, timeline, toEnd]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    // The viewport changed (a banner or the search bar came or went). The virtualizer clamps its
    // scrolls to the viewport it knows, which it learns in its own resize callback: follow a frame later.
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (followingRef.current) toEnd();
      });
    });
    observer.observe(el);
    const release = () => (pointerHeld.current = false);
    window.addEventListener('pointerup', release);
    window.addEventListener('pointercancel', release);
    return () => {
      cancelAnimationFrame(frame);
      cancelAnimationFrame(settle.current);
      observer.disconnect();
      window.removeEventListener('pointerup', release);
      window.removeEventListener('pointercancel', release);
    };
  }, [toEnd]);

  useImperativeHandle(
    ref,
    () => ({
      scrollToRow(row) {
        onFollowingChange(false);
        virtualizer.scrollToIndex(row, { align: 'center' });
      },
      jumpToLive() {
        onFollowingChange(true);
        toEnd();
        scrollRef.current?.focus({ preventScroll: true });
      },
    }),
    [onFollowingChange, toEnd, virtualizer],
  );

  const markIntent = () => {
    intentUntil.current = performance.now() + INTENT_MS;
  };
  const activateFrom = (target: EventTarget | null): boolean => {
    if (!onLineActivate || !(target instanceof Element)) return false;
    const key = target.closest<HTMLElement>('.caption-seg[data-playable]')?.dataset.key;
    if (!key) return false;
    onLineActivate(key);
    return true;
  };

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const atEnd = el.scrollHeight - el.scrollTop - el.clientHeight <= AT_END_PX;
    if (atEnd) {
      if (!followingRef.current) onFollowingChange(true);
    } else if (followingRef.current && (pointerHeld.current || performance.now() < intentUntil.current)) {
      onFollowingChange(false);
    }
  };

  return (
    <div
      ref={scrollRef}
      className="caption-scroll"
      role="region"
      aria-label={label}
      tabIndex={0}
      onScroll={onScroll}
      onWheel={(e) => {
        if (e.deltaY < 0) markIntent();
        onUserScroll?.();
      }}
      onTouchMove={() => {
        markIntent();
        onUserScroll?.();
      }}
      onPointerDown={(e) => {
        pointerHeld.current = true;
        markIntent();
        // The scrollbar is the list itself; a line is a child of it.
        if (e.target === e.currentTarget) onUserScroll?.();
      }}
      onKeyDown={(e) => {
        if ((e.key === 'Enter' || e.key === ' ') && activateFrom(e.target)) {
          e.preventDefault();
          return;
        }
        if (['ArrowUp', 'PageUp', 'Home', ' '].includes(e.key)) markIntent();
        if (['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' '].includes(e.key)) onUserScroll?.();
      }}
      onClick={(e) => {
        // A click that ends a text selection selects; it does not play.
        if (window.getSelection()?.isCollapsed === false) return;
        activateFrom(e.target);
      }}
    >
      <ol className="caption-list" style={{ height: total }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = timeline.at(item.index);
          if (!row) return null;
          const common = {
            ref: virtualizer.measureElement,
            'data-index': item.index,
            'aria-setsize': timeline.count,
            'aria-posinset': item.index + 1,
            style: { transform: `translateY(${item.start}px)` },
          };
          if (row.kind === 'gap') {
            return (
              <li key={item.key} {...common} className="caption-gap">
                <span>{gapText(row.gap)}</span>
              </li>
            );
          }
          return (
            <li
              key={item.key}
              {...common}
              className="caption-turn"
              data-colour={row.turn.colour}
              data-draft={row.turn.draft || undefined}
              data-source={row.turn.segments[0]?.source === 'chat' ? 'chat' : undefined}
            >
              <TurnContent
                turn={row.turn}
                timeFormat={timeFormat}
                origin={origin}
                marks={marks}
                current={currentMatch}
                playing={playing !== null && row.turn.segments.some((seg) => seg.key === playing) ? playing : null}
                playable={onLineActivate !== undefined}
                marked={marked !== null && row.turn.segments.some((seg) => seg.key === marked) ? marked : null}
                speakers={speakers}
              />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
