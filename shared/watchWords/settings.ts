import { z } from 'zod';
import type { WatchWordSettings } from './defaults';
import { MAX_WATCH_WORD_LENGTH, MAX_WATCH_WORDS } from './match';

export { DEFAULT_WATCH_WORD_SETTINGS, type WatchWordSettings } from './defaults';

/** Settings → Watch words, kept in settings.json under `settings.watchWords`. */
export const WatchWordSettingsSchema = z.object({
  enabled: z.boolean(),
  words: z.array(z.string().min(1).max(MAX_WATCH_WORD_LENGTH)).max(MAX_WATCH_WORDS),
}) satisfies z.ZodType<WatchWordSettings>;
