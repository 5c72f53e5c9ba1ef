import type { LibraryMeetingView, MeetingDetailView } from '../../../shared/ipc/library';
import type { CaptionView } from '../../../shared/ipc/models';
import { captionText, type MarkRange } from '../captions/search';

/**
 * The search words marked in a transcript the way the cache's FTS5 index matched them: whole
 * words (letters, digits and marks, as its unicode61 tokenizer splits them), compared without
 * case or diacritics (`remove_diacritics 2`), the last word as a prefix while it is being typed.
 */

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * `foldWord` for a word or a whole line; plain ASCII has no marks to strip, so it is only
 * lowercased (most lines of a meeting: normalizing every word of 20,000 lines costs a third of a second).
 */
function fold(text: string): string {
  return ASCII.test(text) ? text.toLowerCase() : foldWord(text);
}

export function termRanges(text: string, terms: readonly string[], prefix: boolean): Array<{ start: number; end: number }> {
  if (terms.length === 0) return [];
  const folded = terms.map(foldWord).filter((t) => t !== '');
  const exact = new Set(folded);
  const last = prefix ? folded[folded.length - 1] : undefined;
  const ranges: Array<{ start: number; end: number }> = [];
  const ascii = ASCII.test(text);
  for (const m of text.matchAll(WORD)) {
    const word = ascii ? m[0].toLowerCase() : foldWord(m[0]);
    if (exact.has(word) || (last !== undefined && word.startsWith(last))) ranges.push({ start: m.index, end: m.index + m[0].length });
  }
  return ranges;
}

export interface TermMarks {
  marks: Map<string, MarkRange[]>;
  /** The index of the first mark of each segment (to make the opened segment's marks "current"). */
  firstOfKey: Map<string, number>;
  total: number;
}

/** Marks for every segment, numbered in reading order (CaptionList shows the current one apart). */
export function termMarks(segments: readonly CaptionView[], terms: readonly string[], prefix: boolean): TermMarks {
  const marks = new Map<string, MarkRange[]>();
  const firstOfKey = new Map<string, number>();
  let index = 0;
  if (terms.length === 0) return { marks, firstOfKey, total: 0 };
  const folded = terms.map(foldWord).filter((t) => t !== '');
  for (const seg of segments) {
    const text = captionText(seg);
    // A word that matches folds to a piece of the folded line: one fold per line rules out most
    // lines of a 20,000-line meeting before the word-by-word pass, which folds every word.
    const line = fold(text);
    if (!folded.some((t) => line.includes(t))) continue;
    const ranges = termRanges(text, terms, prefix);
    if (ranges.length === 0) continue;
    firstOfKey.set(seg.key, index);
    marks.set(
      seg.key,
      ranges.map((r) => ({ ...r, index: index++ })),
    );
  }
  return { marks, firstOfKey, total: index };
}

/**
 * Cached segments as caption lines, so the live view's list, turns and colours draw them. A
 * segment without a wall-clock start is placed by its offset from the meeting's start.
 */
export function segmentsToCaptions(
  segments: MeetingDetailView['segments'],
  meeting: Pick<LibraryMeetingView, 'startTime' | 'createdAt'>,
): CaptionView[] {
  const base = meeting.startTime ?? meeting.createdAt ?? 0;
  return segments.map((s) => {
    const absoluteStart = s.absoluteStart ?? base + s.start * 1000;
    return {
      key: s.key,
      // The server's label: the list shows the corrected name itself (features/speakers).
      speaker: s.originalSpeaker !== undefined ? s.originalSpeaker : s.speaker,
      text: s.text,
      start: s.start,
      end: s.end,
      absoluteStart,
      absoluteEnd: s.absoluteEnd ?? Math.max(absoluteStart, base + s.end * 1000),
      language: s.language,
      completed: s.confirmed,
      draft: !s.confirmed,
      ...(s.source ? { source: s.source } : {}),
    };
  });
}
