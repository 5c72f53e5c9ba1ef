/**
 * Settings → Watch words as plain values, without the schema: the window's first screen imports
 * these, and the schema library stays out of its first paint (test/integration/renderer).
 */
export interface WatchWordSettings {
  /** Off: nothing is matched or alerted; the words are kept. */
  enabled: boolean;
  words: string[];
}

/** On, with nothing watched: a person adds their own words (Settings offers suggestions). */
export const DEFAULT_WATCH_WORD_SETTINGS: WatchWordSettings = { enabled: true, words: [] };
