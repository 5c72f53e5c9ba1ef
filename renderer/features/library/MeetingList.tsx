import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import type { LibraryMeetingView } from '../../../shared/ipc/library';
import { MeetingRow } from './MeetingRow';

/**
 * Focuses a row's open button once the virtualizer has rendered it, unless the person is already
 * typing in a field: Ctrl/⌘+K from another screen focuses the search box while the list is still
 * appearing, and a row restored a frame later must not take the focus from it.
 */
function focusRow(list: HTMLElement | null, index: number, tries = 4): void {
  if (isTypingField(document.activeElement)) return;
  const button = list?.querySelector<HTMLButtonElement>(`.meeting-open[data-row="${index}"]`);
  if (button) button.focus();
  else if (tries > 0) requestAnimationFrame(() => focusRow(list, index, tries - 1));
}

function isTypingField(element: Element | null): boolean {
  return (
    element instanceof HTMLInputElement ||
    element instanceof HTMLTextAreaElement ||
    (element instanceof HTMLElement && element.isContentEditable)
  );
}

/**
 * Libraries can hold thousands of meetings, so only the rows in view are in the DOM. Rows wrap
 * long names, so each one is measured after render; aria-setsize/posinset keep the list's real
 * length audible. Arrow keys, Home and End move between rows; coming back from a meeting restores
 * the scroll position and focus.
 */
export function MeetingList({
  meetings,
  connectedServerId,
  initialOffset,
  focusId,
  onOpen,
  onScrollOffset,
}: {
  meetings: LibraryMeetingView[];
  connectedServerId: string | null;
  initialOffset: number;
  /** The meeting to focus when the list appears (the one last opened). */
  focusId: number | null;
  onOpen(meeting: LibraryMeetingView, index: number): void;
  onScrollOffset(offset: number): void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // No React Compiler here, so the virtualizer's unmemoizable functions are fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: meetings.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 62,
    overscan: 8,
    initialOffset,
    getItemKey: (index) => meetings[index]?.id ?? index,
  });

  const open = useCallback((meeting: LibraryMeetingView) => onOpen(meeting, meetings.indexOf(meeting)), [meetings, onOpen]);

  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || focusId === null) return;
    restored.current = true;
    const index = meetings.findIndex((m) => m.id === focusId);
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    focusRow(scrollRef.current, index);
  }, [focusId, meetings, virtualizer]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const target = event.target as HTMLElement;
    if (!target.classList.contains('meeting-open')) return;
    const index = Number(target.dataset.row);
    const next =
      event.key === 'ArrowDown'
        ? index + 1
        : event.key === 'ArrowUp'
          ? index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? meetings.length - 1
              : event.key === 'PageDown'
                ? index + 8
                : event.key === 'PageUp'
                  ? index - 8
                  : null;
    if (next === null) return;
    event.preventDefault();
    const clamped = Math.max(0, Math.min(meetings.length - 1, next));
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
    focusRow(scrollRef.current, clamped);
  };

  return (
    <div ref={scrollRef} className="meeting-scroll" onScroll={(e) => onScrollOffset(e.currentTarget.scrollTop)}>
      <ul className="meeting-list" aria-label="Meetings" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
        {virtualizer.getVirtualItems().map((item) => {
          const meeting = meetings[item.index];
          if (!meeting) return null;
          return (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              className="meeting-row"
              aria-setsize={meetings.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <MeetingRow meeting={meeting} index={item.index} connectedServerId={connectedServerId} onOpen={open} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
