import type { CaptionView } from '../../../shared/ipc/models';

/** One occurrence of the search text in a caption line (offsets into `captionText`). */
export interface SearchMatch {
  key: string;
  segmentIndex: number;
  start: number;
  end: number;
}

export interface MarkRange {
  start: number;
  end: number;
  /** Position in the whole list of matches, so the current one can be told apart. */
  index: number;
}

export interface TextPart {
  text: string;
  mark: 'none' | 'match' | 'current';
}

/** Past this many matches the count reads "1000+"; the search itself stays quick. */
export const MAX_MATCHES = 1000;

/** The text a caption line shows (and that search runs over). */
export const captionText = (segment: Pick<CaptionView, 'text'>): string => segment.text.trim();

/** A case-insensitive literal pattern (the query is never treated as a regular expression). */
export function searchPattern(query: string): RegExp | null {
  const q = query.trim();
  if (!q) return null;
  return new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
}

export function findMatches(segments: readonly CaptionView[], query: string, limit = MAX_MATCHES): SearchMatch[] {
  const pattern = searchPattern(query);
  if (!pattern) return [];
  const matches: SearchMatch[] = [];
  for (let i = 0; i < segments.length && matches.length < limit; i++) {
    const seg = segments[i]!;
    const text = captionText(seg);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m && matches.length < limit; m = pattern.exec(text)) {
      matches.push({ key: seg.key, segmentIndex: i, start: m.index, end: m.index + m[0].length });
    }
  }
  return matches;
}

/** The matches grouped by caption line, for the rows that draw them. */
export function marksByKey(matches: readonly SearchMatch[]): Map<string, MarkRange[]> {
  const byKey = new Map<string, MarkRange[]>();
  matches.forEach((m, index) => {
    const list = byKey.get(m.key);
    const range = { start: m.start, end: m.end, index };
    if (list) list.push(range);
    else byKey.set(m.key, [range]);
  });
  return byKey;
}

/** Splits a line into plain and marked parts; the caller renders each part as text. */
export function highlightParts(text: string, ranges: readonly MarkRange[] | undefined, current: number): TextPart[] {
  if (!ranges || ranges.length === 0) return [{ text, mark: 'none' }];
  const parts: TextPart[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start < at || r.end > text.length) continue;
    if (r.start > at) parts.push({ text: text.slice(at, r.start), mark: 'none' });
    parts.push({ text: text.slice(r.start, r.end), mark: r.index === current ? 'current' : 'match' });
    at = r.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: 'none' });
  return parts;
}

/** "3 of 12", "No matches", "1 of 1000+". */
export function matchCountText(total: number, current: number, limit = MAX_MATCHES): string {
  if (total === 0) return 'No matches';
  return `${current + 1} of ${total >= limit ? `${limit}+` : total}`;
}
