import { SortedChunks } from './sortedChunks';

interface SpeakerTexts {
  /**
   * Trimmed text → how many held segments carry it. Entries that drop to 0 stay: V8 keeps deleted
   * Map entries in their hash chain until the next rehash, so deleting and re-adding one key over
   * and over (a segment retracted and re-bound, a confirmed text corrected back and forth) makes
   * every lookup of it walk a growing chain.
   */
  counts: Map<string, number>;
  /** Distinct texts with a count above 0. */
  distinct: number;
  /** Text length → how many distinct texts have it; bounds the prefixes worth looking up. */
  lengths: Map<number, number>;
  /** Distinct texts in code-unit order, so "some text starts with p" is one lower-bound lookup. */
  sorted: SortedChunks<string>;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The held (keyed) texts of each speaker, for the reference pipeline's stale-draft rule
 * (`recomputeTranscripts` in @vexaai/transcript-rendering): a pending draft is hidden when its
 * text equals, starts with, or is a prefix of any held text of the same speaker. The library
 * scans every held text of the speaker for every draft on every update; this answers the same
 * question in O(distinct lengths + log n) per draft.
 */
export class StaleDraftIndex {
  private readonly speakers = new Map<string, SpeakerTexts>();

  add(speaker: string, text: string): void {
    let s = this.speakers.get(speaker);
    if (!s) {
      s = { counts: new Map(), distinct: 0, lengths: new Map(), sorted: new SortedChunks(byCodeUnit) };
      this.speakers.set(speaker, s);
    }
    const n = s.counts.get(text) ?? 0;
    s.counts.set(text, n + 1);
    if (n === 0) {
      s.distinct++;
      s.lengths.set(text.length, (s.lengths.get(text.length) ?? 0) + 1);
      s.sorted.insert(text);
    }
  }

  remove(speaker: string, text: string): void {
    const s = this.speakers.get(speaker);
    const n = s?.counts.get(text);
    if (!s || !n) return;
    s.counts.set(text, n - 1);
    if (n > 1) return;
    s.distinct--;
    const l = s.lengths.get(text.length) ?? 1;
    if (l > 1) s.lengths.set(text.length, l - 1);
    else s.lengths.delete(text.length);
    s.sorted.remove(text);
  }

  isStale(speaker: string, draft: string): boolean {
    const s = this.speakers.get(speaker);
    if (!s || s.distinct === 0) return false;
    if (s.counts.get(draft)) return true;
    for (const length of s.lengths.keys()) {
      if (length < draft.length && s.counts.get(draft.slice(0, length))) return true;
    }
    const after = s.sorted.lowerBound(draft);
    return after !== undefined && after.startsWith(draft);
  }

  clear(): void {
    this.speakers.clear();
  }
}
