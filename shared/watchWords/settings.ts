import { z } from 'zod';
import { MAX_WATCH_WORD_LENGTH, MAX_WATCH_WORDS } from './match';

/** Settings → Watch words, kept in settings.json under `settings.watchWords`. */
export const WatchWordSettingsSchema = z.object({
  /** Off: nothing is matched or alerted; the words are kept. */
  enabled: z.boolean(),
  words: z.array(z.string().min(1).max(MAX_WATCH_WORD_LENGTH)).max(MAX_WATCH_WORDS),
});
export type WatchWordSettings = z.infer<typeof WatchWordSettingsSchema>;

/** On, with nothing watched: a person adds their own words (Settings offers suggestions). */
export const DEFAULT_WATCH_WORD_SETTINGS: WatchWordSettings = { enabled: true, words: [] };
