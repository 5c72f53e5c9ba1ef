import { z } from 'zod';
import { MeetingRefSchema } from './models';

/**
 * What a meeting's server says beyond its transcript. Who took part in a meeting of the library, as its server listed it (shared/vexa/participants.ts):
 * read from the server when it can be reached and kept on this computer for reading offline.
 */
export const ParticipantRowSchema = z.object({
  name: z.string(),
  email: z.string().nullable(),
  /** `invite`: on the calendar invitation (asked, not necessarily present); `speaker`: heard in the transcript. */
  source: z.enum(['invite', 'speaker']),
  responseStatus: z.string().nullable(),
  segmentCount: z.number().nullable(),
  speakingSeconds: z.number().nullable(),
  firstSeen: z.number().nullable(),
  lastSeen: z.number().nullable(),
});
export type ParticipantRowView = z.infer<typeof ParticipantRowSchema>;

export const ParticipantsViewSchema = z.object({
  /**
   * - `fresh`: just read from the server; `cached`: this computer's copy (the server could not be
   *   asked, `message` says why); `unavailable`: the server cannot list participants (`message`);
   *   `none`: not read yet and the server cannot be reached now.
   */
  state: z.enum(['fresh', 'cached', 'unavailable', 'none']),
  message: z.string().nullable(),
  rows: z.array(ParticipantRowSchema),
  sources: z.array(z.enum(['invite', 'speaker'])),
  /** False where the server records nobody's presence (G3 `observed_roster: "not_recorded"`, G2 speakers only). */
  rosterRecorded: z.boolean(),
  fetchedAt: z.number().nullable(),
});
export type ParticipantsView = z.infer<typeof ParticipantsViewSchema>;

export const meetingInfoChannels = {
  /** The participants of a library meeting (`id`: the library's id): the server's list where it can be read, else the cached one. */
  'meetings:participants': { input: z.object({ id: z.number().int() }).strict(), output: ParticipantsViewSchema },
  /** Whether the transcript an export would read holds chat messages (the export offers to leave them out). */
  'export:hasChat': { input: z.object({ ref: MeetingRefSchema }).strict(), output: z.boolean() },
} as const;
