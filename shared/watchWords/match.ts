/**
 * Watch words: the words and phrases a person wants to be called back for when they are said in a
 * live meeting. Matching is on whole words and whole phrases, case-insensitive, ignoring accents
 * and punctuation: "Action-item!" in a caption matches the phrase "action item", "Zoë" matches
 * "zoe", but "item" does not match inside "items". Scripts written without spaces between words
 * (Chinese, Japanese, Thai) only match where the caption puts a space or a punctuation mark.
 */

/** At most this many words are watched, each at most this long (the Settings field says so). */
export const MAX_WATCH_WORDS = 50;
export const MAX_WATCH_WORD_LENGTH = 80;

/** Offered in Settings as one click each; none is watched until the person adds it. */
export const SUGGESTED_WATCH_WORDS = ['any questions', 'action item', 'deadline', 'follow up'] as const;

/**
 * Folds a text to what matching compares: accents off (NFKD, then combining marks dropped), lower
 * case, and every run of characters that are neither letters nor digits made one space, with a
 * space at each end so a phrase matches only at word boundaries.
 */
export function foldForMatch(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return folded ? ` ${folded} ` : '';
}

/** A word as the person typed it, cleaned for keeping: spaces collapsed, trimmed; null when it has no letter or digit. */
export function cleanWatchWord(word: string): string | null {
  const cleaned = word.replace(/\s+/g, ' ').trim().slice(0, MAX_WATCH_WORD_LENGTH);
  return foldForMatch(cleaned) ? cleaned : null;
}

/** Whether two words are the same watch word (so the list keeps one of them). */
export const sameWatchWord = (a: string, b: string): boolean => foldForMatch(a) === foldForMatch(b);

/** A compiled list: each word with its folded form, duplicates and empty words left out. */
export interface WatchList {
  readonly words: ReadonlyArray<{ word: string; folded: string }>;
}

export function compileWatchList(words: readonly string[]): WatchList {
  const seen = new Set<string>();
  const out: Array<{ word: string; folded: string }> = [];
  for (const word of words) {
    const folded = foldForMatch(word);
    if (!folded || seen.has(folded)) continue;
    seen.add(folded);
    out.push({ word: word.trim(), folded });
  }
  return { words: out };
}

/** The watched words a line says, in the list's order (each once). */
export function matchWatchWords(text: string, list: WatchList): string[] {
  if (list.words.length === 0) return [];
  const line = foldForMatch(text);
  if (!line) return [];
  return list.words.filter((w) => line.includes(w.folded)).map((w) => w.word);
}

/** The words named in an alert's title: “a”, “a” and “b”, “a”, “b” and 2 more. */
export function nameWords(words: readonly string[]): string {
  const q = (w: string) => `“${w}”`;
  if (words.length <= 1) return words.map(q).join('');
  if (words.length === 2) return `${q(words[0]!)} and ${q(words[1]!)}`;
  return `${q(words[0]!)}, ${q(words[1]!)} and ${words.length - 2} more`;
}
