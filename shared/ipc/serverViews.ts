import { z } from 'zod';

/**
 * What the window is told about each server. The base of the IPC view models: `models.ts`
 * re-exports the generation, capabilities and key-storage schemas from here.
 */

export const GenerationSchema = z.enum(['g1', 'g2', 'g3']);
export type Generation = z.infer<typeof GenerationSchema>;

export const CapabilitiesSchema = z.object({
  authMe: z.boolean(),
  botConfigUpdate: z.boolean(),
  publicShareLinks: z.boolean(),
  shareTokens: z.boolean(),
  meetingEdit: z.boolean(),
  pagedMeetings: z.boolean(),
  meetingById: z.boolean(),
  transcriptsById: z.boolean(),
  botsList: z.boolean(),
  chat: z.boolean(),
  plannedMeetings: z.boolean(),
  calendars: z.boolean(),
  recordings: z.boolean(),
  participants: z.boolean(),
});
export type CapabilitiesView = z.infer<typeof CapabilitiesSchema>;

export const KeyStorageSchema = z.enum(['keychain', 'session', 'plaintext']);
export type KeyStorage = z.infer<typeof KeyStorageSchema>;

/** Named colours, so the window draws each with enough contrast in both themes. */
export const ServerColourSchema = z.enum(['blue', 'green', 'orange', 'purple', 'red', 'teal', 'pink', 'grey']);
export type ServerColour = z.infer<typeof ServerColourSchema>;

/**
 * - `connected`: its key is held and its live connection and sync run.
 * - `connecting`: its key is being checked (added just now, or restored without a cached record).
 * - `key_needed`: it holds no key: the key is missing (kept for the last session only, a keychain
 *   that would not open; `error.code` `key_missing`) or the server refused it at a check (`key_refused`:
 *   the connection ended and the stored key was forgotten, the admin key and webhook secret stay);
 *   `servers:reenterKey` sends a key to this server only.
 * - `error`: its key is held and the app keeps trying, but the last check of the server failed
 *   (unreachable, a server error); `error` says why. It returns to `connected` by itself.
 * - `disconnected`: the person disconnected it; its key is forgotten, its meetings stay readable.
 * - `removed`: removed with its meetings kept on this computer; they are labelled with its name.
 */
export const ServerStatusSchema = z.enum(['connected', 'connecting', 'key_needed', 'error', 'disconnected', 'removed']);
export type ServerStatus = z.infer<typeof ServerStatusSchema>;

/** How many bots this server can still take for this key's user. */
export const BotSlotsSchema = z.object({
  serverId: z.string(),
  /** Bots of this server the app sees in flight (requested to stopping), sent from here or elsewhere. */
  running: z.number().int().nonnegative(),
  /** The server's limit for this user, or null when it does not say. */
  limit: z.number().int().nonnegative().nullable(),
  /** `limit - running` (never below 0), or null when the limit is unknown. */
  free: z.number().int().nonnegative().nullable(),
  /**
   * Where the limit comes from: the server's account info (`/auth/me`, G2/G3), the sentence of
   * a launch it refused for the limit (any generation), or nowhere (G1 until it refuses one).
   */
  source: z.enum(['server', 'refusal', 'unknown']),
});
export type BotSlotsView = z.infer<typeof BotSlotsSchema>;

export const ServerConnectionViewSchema = z.object({
  id: z.string(),
  url: z.string(),
  /** The person's own label, else `hostLabel`. */
  label: z.string(),
  /** What the app calls the server without a label of the person's ("Vexa Cloud", the host). */
  hostLabel: z.string(),
  colour: ServerColourSchema.nullable(),
  /** Order in the list (0 first); the list comes sorted by it. */
  position: z.number().int().nonnegative(),
  /** Null only while a server restored without a cached record is first checked. */
  generation: GenerationSchema.nullable(),
  capabilities: CapabilitiesSchema.nullable(),
  demo: z.boolean(),
  insecure: z.boolean(),
  status: ServerStatusSchema,
  /** A masked label such as "vxa_tx_…9f2c" and where the key is kept; never the key. Null without a key. */
  key: z.object({ label: z.string(), storage: KeyStorageSchema }).nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** Null unless the server is connected (or connected with `error`). */
  slots: BotSlotsSchema.nullable(),
  checkedAt: z.number().nullable(),
  userEmail: z.string().nullable(),
  warnings: z.array(z.string()),
});
export type ServerConnectionView = z.infer<typeof ServerConnectionViewSchema>;

/**
 * Where Launch sends a bot for a link unless the person picks another server: the server last
 * used for the link's domain, else for its platform, else the current server, else the first
 * connected one. Only connected servers are offered.
 */
export const LaunchTargetSchema = z.object({
  serverId: z.string().nullable(),
  why: z.enum(['link-domain', 'platform', 'current', 'first', 'none']),
  /** The link's platform and host (`acme.zoom.us`) as the choice saw them; null when the text is not a meeting link. */
  platform: z.string().nullable(),
  domain: z.string().nullable(),
  /** Why this server, in words for the person ("Used last for links on acme.zoom.us"). */
  message: z.string(),
});
export type LaunchTargetView = z.infer<typeof LaunchTargetSchema>;
