import { useDeferredValue, useEffect, useEffectEvent, useMemo, useState } from 'react';
import type { CaptionIndex } from './captionIndex';
import { findMatches, marksByKey, type MarkRange, type SearchMatch } from './search';

export interface CaptionSearch {
  open: boolean;
  query: string;
  matches: readonly SearchMatch[];
  marks: ReadonlyMap<string, MarkRange[]> | null;
  /** Index of the current match, -1 when there is none. */
  current: number;
  show(): void;
  hide(): void;
  setQuery(query: string): void;
  next(): void;
  previous(): void;
}

/**
 * Where a new query lands: in a running meeting the most recent match is the one that matters
 * (and it stays on the newest as captions arrive); a finished transcript is read from the top.
 */
export type SearchStart = 'latest' | 'first';

/** The match a query shows before the person moves: pure, so it is unit-tested. */
export function startingMatch(count: number, start: SearchStart): number {
  if (count === 0) return -1;
  return start === 'first' ? 0 : count - 1;
}

/**
 * Find in the meeting's captions. A new query starts where `start` says and stays there until
 * the person moves with Enter and Shift+Enter (wrapping). The view scrolls only for a new query
 * or a move.
 */
export function useCaptionSearch(
  index: CaptionIndex | undefined,
  revision: number,
  reveal: (match: SearchMatch) => void,
  start: SearchStart = 'latest',
): CaptionSearch {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState<{ query: string; index: number } | null>(null);
  const deferred = useDeferredValue(query);

  // `revision` stands for the index's content: the index is updated in place.
  const matches = useMemo(() => (open && index ? findMatches(index.segments, deferred) : []), [open, index, deferred, revision]); // eslint-disable-line react-hooks/exhaustive-deps
  const marks = useMemo(() => (matches.length ? marksByKey(matches) : null), [matches]);

  const current =
    matches.length === 0
      ? -1
      : cursor?.query === deferred
        ? Math.min(cursor.index, matches.length - 1)
        : startingMatch(matches.length, start);
  const target = matches[current];
  // Scrolls when the query or the chosen match changes, not when new captions add matches.
  const pinned = cursor?.query === deferred ? cursor.index : start;
  const targetId = target ? `${deferred}\u0000${pinned}` : null;

  const onTarget = useEffectEvent(() => {
    if (target) reveal(target);
  });
  useEffect(() => {
    if (open && targetId) onTarget();
  }, [open, targetId]);

  const move = (step: number) => {
    if (matches.length === 0) return;
    setCursor({ query: deferred, index: (current + step + matches.length) % matches.length });
  };

  return {
    open,
    query,
    matches,
    marks: open ? marks : null,
    current,
    show: () => setOpen(true),
    hide: () => {
      setOpen(false);
      setCursor(null);
    },
    setQuery: (q) => {
      setQuery(q);
      setCursor(null);
    },
    next: () => move(1),
    previous: () => move(-1),
  };
}
