import { z } from 'zod';
import { ServerIdInput } from './servers';

/** One line of a live meeting that said watched words, and what became of its alert. */
export const WatchHitSchema = z.object({
  lineKey: z.string(),
  words: z.array(z.string()),
  speaker: z.string().nullable(),
  text: z.string(),
  /** The line's start, epoch ms. */
  at: z.number(),
  /**
   * `alerted`: a notification went out; `quiet`: Do Not Disturb held it back; `history`: it was
   * said before the app followed the meeting; `waiting`: held a few seconds so alerts do not pile up.
   */
  state: z.enum(['alerted', 'quiet', 'history', 'waiting']),
});
export type WatchHitView = z.infer<typeof WatchHitSchema>;

export const watchWordChannels = {
  /** The watch-word lines of a followed meeting as the core alerted them (held in memory for this run). */
  'watchWords:hits': {
    input: z.object({ serverId: ServerIdInput.optional(), meetingId: z.number().int() }).strict(),
    output: z.array(WatchHitSchema),
  },
} as const;
