import type Database from 'better-sqlite3';

/**
 * The words of every cached transcript (`segment_terms`), so that the word being typed in the
 * search box can be looked up as the few whole words it may become.
 *
 * Why: FTS5 answers a prefix query (`"budg" *`) beyond its prefix indexes (2 and 3 letters) by
 * reading and merging the whole doclist of every word with that prefix before it returns a row:
 * a common word typed whole ("meeting", no space yet) reads hundreds of thousands of entries,
 * 0.3-0.8 s over a million segments. The same words asked for by name (`"meeting" OR
 * "meetings"`) are read lazily, newest first, and stop at the page shown: under a millisecond.
 *
 * The list is a superset of the index's words: each word is stored lowercased and also without
 * its diacritics (the index's `unicode61 remove_diacritics 2` folds "Café" to "cafe"), split
 * where unicode61 splits (anything but letters, digits and combining marks). A stored form the
 * index does not hold matches nothing; a word of the index missing here would be missed, so
 * words are never removed while their segments may still be indexed (a cleared library empties
 * the list).
 */
const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/u;
const MARKS = /\p{M}+/gu;
const NON_ASCII = /[^\u0000-\u007f]/;

/** Lowercase and without diacritics: the forms a word may take in the index. */
export function termForms(word: string): string[] {
  const lower = word.toLowerCase();
  if (!NON_ASCII.test(lower)) return [lower];
  const bare = lower.normalize('NFD').replace(MARKS, '').normalize('NFC');
  const composed = lower.normalize('NFC');
  return [...new Set([composed, bare].filter((w) => w !== ''))];
}

/** Beyond this many words a prefix is left to FTS5 (its prefix index or its own expansion). */
export const MAX_EXPANSION = 32;
/** Prefixes of 2 and 3 letters have their own FTS5 prefix index (`prefix='2 3'`). */
export const MIN_EXPANDED_PREFIX = 4;

export class TermStore {
  private known: Set<string> | null = null;
  private readonly add: Database.Statement<[string]>;
  private readonly range: Database.Statement<[string, string]>;

  constructor(private readonly db: Database.Database) {
    this.add = db.prepare('INSERT OR IGNORE INTO segment_terms (term) VALUES (?)');
    this.range = db
      .prepare<[string, string]>(`SELECT term FROM segment_terms WHERE term >= ? AND term < ? LIMIT ${MAX_EXPANSION + 1}`)
      .pluck();
  }

  /** Records the words of `texts` (call inside the transaction that indexes them). */
  record(texts: ReadonlyArray<string | null>): void {
    if (texts.length === 0) return;
    // Read once, on the first write of this run: most words of a transcript are known already.
    const known = (this.known ??= new Set(this.db.prepare('SELECT term FROM segment_terms').pluck().all() as string[]));
    // One split over the whole batch: a regex run per line costs more than the lookups.
    for (const word of new Set(texts.join(' ').split(SEPARATORS))) {
      // Shorter words are never listed: their prefixes are left to the FTS5 prefix index.
      if (word.length < MIN_EXPANDED_PREFIX || known.has(word)) continue;
      for (const form of termForms(word)) {
        if (known.has(form)) continue;
        known.add(form);
        this.add.run(form);
      }
      // The word as written, so that the next time it is seen costs one lookup.
      known.add(word);
    }
  }

  /** The library was emptied. */
  forget(): void {
    this.known = null;
  }

  /**
   * The whole words `prefix` may become, or null when they are too many to list (or the prefix
   * is short enough for the FTS5 prefix index).
   */
  expand(prefix: string): string[] | null {
    if ([...prefix].length < MIN_EXPANDED_PREFIX) return null;
    const found = new Set<string>();
    for (const form of termForms(prefix)) {
      const last = form.codePointAt(form.length - 1)!;
      const end = form.slice(0, -String.fromCodePoint(last).length) + String.fromCodePoint(last + 1);
      for (const term of this.range.all(form, end) as string[]) found.add(term);
      if (found.size > MAX_EXPANSION) return null;
    }
    return [...found];
  }
}
