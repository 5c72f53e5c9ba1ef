import type { SnippetPart } from './types';

/**
 * Participants are kept as a JSON list on the meeting row, not in the name index, so they are
 * matched here: a name matches when every searched word starts one of its words (the last one
 * only as a prefix while typing), ignoring case and accents like the full-text index's
 * `unicode61 remove_diacritics` tokenizer.
 */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function wordsOf(name: string): Array<{ start: number; end: number; folded: string }> {
  const words: Array<{ start: number; end: number; folded: string }> = [];
  for (const m of name.matchAll(/[\p{L}\p{N}]+/gu)) {
    words.push({ start: m.index, end: m.index + m[0].length, folded: fold(m[0]) });
  }
  return words;
}

/** The name with its matched words marked, or null when the words do not all match it. */
export function matchParticipant(name: string, terms: readonly string[], prefix: boolean): SnippetPart[] | null {
  if (terms.length === 0) return null;
  const words = wordsOf(name);
  const hit = new Set<number>();
  for (const [i, raw] of terms.entries()) {
    const term = fold(raw);
    const asPrefix = prefix && i === terms.length - 1;
    const found = words.findIndex((w) => (asPrefix ? w.folded.startsWith(term) : w.folded === term));
    if (found < 0) return null;
    hit.add(found);
  }
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const [i, w] of words.entries()) {
    if (!hit.has(i)) continue;
    if (w.start > at) parts.push({ text: name.slice(at, w.start), match: false });
    parts.push({ text: name.slice(w.start, w.end), match: true });
    at = w.end;
  }
  if (at < name.length) parts.push({ text: name.slice(at), match: false });
  return parts;
}

/** The first participant of a meeting that matches, marked; null when none does. */
export function matchParticipants(participants: readonly string[], terms: readonly string[], prefix: boolean): SnippetPart[] | null {
  for (const name of participants) {
    const parts = matchParticipant(name, terms, prefix);
    if (parts) return parts;
  }
  return null;
}
