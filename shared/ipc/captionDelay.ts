import { z } from 'zod';
import { ServerIdInput } from './servers';

/**
 * How late a meeting's captions were: from the moment words were said (the line's start on the
 * server's clock, put on this computer's) to the moment their line first reached the app (its
 * first draft or, when none came, the confirmed line). Measured live, kept with the meeting.
 */
export const CaptionDelayViewSchema = z.object({
  medianMs: z.number(),
  p95Ms: z.number(),
  lines: z.number().int(),
  /** The server's usual median over its past meetings here; null until it has a few. */
  usualMs: z.number().nullable(),
  /** Far above normal (shared/captionDelay/stats.ts `isLate`). */
  late: z.boolean(),
  measuredAt: z.number(),
});
export type CaptionDelayView = z.infer<typeof CaptionDelayViewSchema>;

export const CaptionDelayEventSchema = CaptionDelayViewSchema.extend({ serverId: z.string(), meetingId: z.number() });
export type CaptionDelayEvent = z.infer<typeof CaptionDelayEventSchema>;

export const captionDelayChannels = {
  /** The figures of a followed meeting so far (a live view opened mid-meeting); null before its first line. */
  'live:captionDelay': {
    input: z.object({ serverId: ServerIdInput, meetingId: z.number().int() }).strict(),
    output: CaptionDelayViewSchema.nullable(),
  },
  /** The figures kept for a library meeting (`id`: the library's id); null when it was not followed live. */
  'meetings:captionDelay': { input: z.object({ id: z.number().int() }).strict(), output: CaptionDelayViewSchema.nullable() },
} as const;

export const captionDelayEvents = {
  /** A live meeting's caption delay changed; at most a couple of times a second per server. */
  'live:captionDelay': CaptionDelayEventSchema,
} as const;
