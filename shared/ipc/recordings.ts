import { z } from 'zod';

/**
 * A meeting's recordings: listed from its server (or, offline, from the copies kept on this
 * computer), played through a media address the core serves (`/media/<ticket>`, never a URL with
 * a key), saved, deleted on the server, kept for offline listening within a size limit.
 */

export const KeptViewSchema = z.object({ bytes: z.number(), keptAt: z.number() });

export const RecordingMediaViewSchema = z.object({
  mediaId: z.number(),
  type: z.string(),
  format: z.string(),
  sizeBytes: z.number().nullable(),
  durationSeconds: z.number().nullable(),
  /** Wall-clock ms of the first sample, where the server says it (G3). */
  captureStartedAt: z.number().nullable(),
  kept: KeptViewSchema.nullable(),
});
export type RecordingMediaView = z.infer<typeof RecordingMediaViewSchema>;

export const RecordingViewSchema = z.object({
  recordingId: z.number(),
  status: z.string(),
  createdAt: z.number().nullable(),
  media: z.array(RecordingMediaViewSchema),
});
export type RecordingView = z.infer<typeof RecordingViewSchema>;

export const RecordingListViewSchema = z.object({
  /** False when the server cannot keep recordings at all; `reason` says so. */
  available: z.boolean(),
  /** `server`: the server's list; `offline`: the server could not be asked, these are the kept copies. */
  source: z.enum(['server', 'offline']),
  /** Why the list is empty or partial, in words a person can act on; null when there is nothing to say. */
  reason: z.string().nullable(),
  /** G3 deletes a recording only with a `bot`-scoped key once the meeting has ended. */
  canDelete: z.boolean(),
  /** Why deleting is not offered (a key without the `bot` scope, a meeting still running); null when it is, or nothing to say. */
  deleteNote: z.string().nullable().optional(),
  recordings: z.array(RecordingViewSchema),
});
export type RecordingListView = z.infer<typeof RecordingListViewSchema>;

export const RecordingCacheViewSchema = z.object({ usedBytes: z.number(), limitBytes: z.number(), count: z.number() });
export type RecordingCacheView = z.infer<typeof RecordingCacheViewSchema>;

const Meeting = z.object({ id: z.number().int() }).strict();
const Media = z.object({ id: z.number().int(), recordingId: z.number().int(), mediaId: z.number().int() }).strict();

export const recordingChannels = {
  /** The recordings of a library meeting (`id` is the library's). */
  'recordings:list': { input: Meeting, output: RecordingListViewSchema },
  /** The address an `<audio>` element plays: a path on the window's own origin, with no key in it. */
  'recordings:media': { input: Media, output: z.object({ path: z.string() }) },
  'recordings:delete': { input: z.object({ id: z.number().int(), recordingId: z.number().int() }).strict(), output: z.null() },
  /** Downloads the file into this computer's private data folder; `evicted` older kept recordings made room. */
  'recordings:keep': { input: Media, output: z.object({ bytes: z.number(), evicted: z.number() }) },
  'recordings:forget': { input: Media, output: z.null() },
  /**
   * The desktop app asks where to save and writes the file; the browser version answers `browser`
   * and the page downloads the media address itself (the browser's own download).
   */
  'recordings:save': {
    input: Media,
    output: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('saved'), path: z.string(), fileName: z.string() }),
      z.object({ mode: z.literal('browser'), fileName: z.string() }),
      z.object({ mode: z.literal('cancelled') }),
    ]),
  },
  'recordings:cache': { input: z.undefined().or(z.null()).or(z.object({}).strict()), output: RecordingCacheViewSchema },
  'recordings:setCacheLimit': {
    input: z.object({ limitMb: z.number().int().min(50).max(1_000_000) }).strict(),
    output: RecordingCacheViewSchema.extend({ evicted: z.number() }),
  },
} as const;
