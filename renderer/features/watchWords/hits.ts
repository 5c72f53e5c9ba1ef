import type { CaptionView } from '../../../shared/ipc/models';
import { compileWatchList, matchWatchWords, type WatchList } from '../../../shared/watchWords/match';
import type { WatchWordSettings } from '../../../shared/watchWords/defaults';

/** One confirmed line that says watched words. */
export interface LineHit {
  key: string;
  words: string[];
  speaker: string | null;
  text: string;
  start: number;
  absoluteStart: number;
}

/**
 * The watch-word lines of a transcript, in its order, derived from the lines themselves: the
 * transcript is already kept line by line (live, then in the cache), so the hits of a live meeting
 * and of its page afterwards are the same and follow an edited line or a changed word list.
 * Drafts never count. Each line object's answer is remembered per list: a line the core replaces
 * is a new object, so a transcript of thousands of lines re-matches only what changed.
 */
export function createHitFinder(): (segments: readonly CaptionView[], settings: WatchWordSettings) => LineHit[] {
  let compiled: { words: readonly string[]; list: WatchList; seen: WeakMap<CaptionView, string[]> } | null = null;
  return (segments, settings) => {
    if (!settings.enabled || settings.words.length === 0) return [];
    if (compiled?.words !== settings.words)
      compiled = { words: settings.words, list: compileWatchList(settings.words), seen: new WeakMap() };
    const { list, seen } = compiled;
    const hits: LineHit[] = [];
    for (const s of segments) {
      if (s.draft) continue;
      let words = seen.get(s);
      if (!words) {
        words = matchWatchWords(s.text, list);
        seen.set(s, words);
      }
      if (words.length) hits.push({ key: s.key, words, speaker: s.speaker, text: s.text, start: s.start, absoluteStart: s.absoluteStart });
    }
    return hits;
  };
}
