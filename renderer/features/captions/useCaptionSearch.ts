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
 * Find in the meeting's captions. A new query starts at the most recent match (in a live
 * meeting that is the one that matters); Enter and Shift+Enter move on and back, wrapping.
 * Matches follow the captions as they arrive; the view scrolls only when the person moves.
 */
export function useCaptionSearch(index: CaptionIndex | undefined, revision: number, reveal: (match: SearchMatch) => void): CaptionSearch {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState<{ query: string; index: number } | null>(null);
  const deferred = useDeferredValue(query);

  // `revision` stands for the index's content: the index is updated in place.
  const matches = useMemo(() => (open && index ? findMatches(index.segments, deferred) : []), [open, index, deferred, revision]); // eslint-disable-line react-hooks/exhaustive-deps
  const marks = useMemo(() => (matches.length ? marksByKey(matches) : null), [matches]);

  const current = matches.length === 0 ? -1 : cursor?.query === deferred ? Math.min(cursor.index, matches.length - 1) : matches.length - 1;
  const target = matches[current];
  const targetId = target ? `${deferred}\u0000${current}` : null;

  // The first reveal of a query pins its match, so captions arriving later do not move it.
  const onTarget = useEffectEvent(() => {
    if (!target) return;
    reveal(target);
    if (cursor?.query !== deferred) setCursor({ query: deferred, index: current });
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
