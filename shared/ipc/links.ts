import { z } from 'zod';

/**
 * `vexa://` links (shared/deepLink.ts) as the window receives them: the core reads and checks a
 * link, keeps what it asks for until the main window takes it, and says so with `links:waiting`.
 * Taking (not pushing) is what keeps a link that arrives while the window is still loading, or
 * while its connection to the core is down, from being lost; a taken link is gone, so two windows
 * never both act on it.
 */
export const LinkRequestSchema = z.discriminatedUnion('kind', [
  /** Launch with this meeting link filled in; nothing is sent until the person sends it. */
  z.object({ kind: z.literal('join'), link: z.string() }),
  /** Open this meeting of the library: `meetingId` is the library's id, `remoteId` the server's. */
  z.object({ kind: z.literal('meeting'), serverId: z.string(), meetingId: z.number(), remoteId: z.number() }),
  /** The link was refused; `message` says why, in words the person can act on. */
  z.object({ kind: z.literal('refused'), message: z.string() }),
]);
export type LinkRequest = z.infer<typeof LinkRequestSchema>;

export const linkChannels = {
  /** The links that arrived since the last take, oldest first; they are handed out once. */
  'links:take': { input: z.undefined().or(z.null()).or(z.object({}).strict()), output: z.array(LinkRequestSchema) },
} as const;

export const linkEvents = {
  /** A link arrived: the main window takes it with `links:take`. */
  'links:waiting': z.object({ count: z.number() }),
} as const;
