import { z } from 'zod';
import { MAX_SPEAKER_NAME } from '../transcript/speakerNames';

/**
 * Speaker corrections (shared/transcript/speakerNames.ts): rename a speaker label in one meeting
 * or on the whole server, merge a label into another, split a label from a line on; each can be
 * taken back. Meeting ids are the server's (`remoteId`), as in the live view.
 */

export const SpeakerFixSchema = z.object({
  id: z.number().int(),
  serverId: z.string(),
  meetingId: z.number().int().nullable(),
  kind: z.enum(['rename', 'merge', 'split']),
  label: z.string(),
  name: z.string(),
  fromAbsolute: z.number().nullable(),
  fromStart: z.number().nullable(),
  createdAt: z.number(),
});

/**
 * Where corrections go: `server` the corrected names reach the server as the meetings'
 * participants (G1/G2); `queued` they will when the server is connected; `local` this server
 * cannot store them (G3) and they stay on this computer. `message` says it in a sentence.
 */
export const SpeakerSyncSchema = z.object({
  state: z.enum(['server', 'queued', 'local']),
  message: z.string(),
});
export type SpeakerSyncView = z.infer<typeof SpeakerSyncSchema>;

export const SpeakerFixesViewSchema = z.object({
  serverId: z.string(),
  fixes: z.array(SpeakerFixSchema),
  sync: SpeakerSyncSchema,
});
export type SpeakerFixesView = z.infer<typeof SpeakerFixesViewSchema>;

const Label = z.string().min(1).max(1000);
const Name = z
  .string()
  .min(1)
  .max(MAX_SPEAKER_NAME * 4);

export const SpeakerFixInput = z.discriminatedUnion('kind', [
  z
    .object({
      serverId: z.string().min(1).max(200),
      meetingId: z.number().int().nullable(),
      kind: z.literal('rename'),
      label: Label,
      name: Name,
    })
    .strict(),
  z
    .object({
      serverId: z.string().min(1).max(200),
      meetingId: z.number().int().nullable(),
      kind: z.literal('merge'),
      label: Label,
      name: Label,
    })
    .strict(),
  z
    .object({
      serverId: z.string().min(1).max(200),
      meetingId: z.number().int(),
      kind: z.literal('split'),
      label: Label,
      name: Name,
      fromAbsolute: z.number().nullable(),
      fromStart: z.number().nullable(),
    })
    .strict(),
]);

export const SpeakerChangeSchema = z.object({
  fix: SpeakerFixSchema.nullable(),
  /** Library meetings whose participants were corrected with it. */
  meetings: z.number().int(),
  sync: SpeakerSyncSchema,
});
export type SpeakerChangeView = z.infer<typeof SpeakerChangeSchema>;

export const speakerChannels = {
  /** One server's speaker corrections and where they go. */
  'speakers:list': { input: z.object({ serverId: z.string().min(1).max(200) }).strict(), output: SpeakerFixesViewSchema },
  /** Adds a correction; the meetings it touches get their participants corrected (sent where the server allows). */
  'speakers:fix': { input: SpeakerFixInput, output: SpeakerChangeSchema },
  /** Takes a correction back: the server's labels show again. */
  'speakers:restore': { input: z.object({ id: z.number().int() }).strict(), output: SpeakerChangeSchema },
} as const;

export const speakerEvents = {
  /** A server's speaker corrections changed: views re-read them (`speakers:list`). */
  'speakers:changed': z.object({ serverId: z.string() }),
} as const;
