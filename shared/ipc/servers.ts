import { z } from 'zod';
import { ConnectionViewSchema } from './models';
import { BotSlotsSchema, LaunchTargetSchema, ServerColourSchema, ServerConnectionViewSchema } from './serverViews';

/**
 * Several servers at once: the list the window shows, and the channels that add, name, order,
 * disconnect and remove them. A server's id is its normalised address (`https://host[:port]`), or
 * `demo` for the built-in simulator; every meeting, bot, live transcript and alert carries it.
 *
 * "The current server" is the one Settings, Admin, Account and Webhooks act on and Launch offers
 * first; every channel that acts on a server takes an optional `serverId` and falls back to it.
 */

const ApiKeyInput = z.string().min(1).max(512);
const ServerUrlInput = z.string().min(1).max(2048);
const KeyStorageInput = z.enum(['auto', 'session', 'plaintext']).default('auto');

/** A server's id as the core hands it out (`ServerConnectionView.id`). */
export const ServerIdInput = z.string().min(1).max(2048);

/**
 * Input of a channel that reads or acts on one server: that server, or the current one when
 * `serverId` is left out (a channel's comment says where "every server" is meant instead).
 */
export const OnServerInput = z
  .undefined()
  .or(z.null())
  .or(z.object({ serverId: ServerIdInput.optional() }).strict());

export const serverChannels = {
  /** Every server the app knows, in the person's order. */
  'servers:list': { input: z.undefined().or(z.null()).or(z.object({}).strict()), output: z.array(ServerConnectionViewSchema) },
  /**
   * Checks the address and key, stores the key (the secret store's account is the server id), and
   * connects, beside the servers already connected. A server the app knew (disconnected or
   * removed) comes back with its meetings. `makeCurrent` also makes it the current server.
   */
  'servers:add': {
    input: z
      .object({
        url: ServerUrlInput,
        apiKey: ApiKeyInput,
        keyStorage: KeyStorageInput,
        label: z.string().max(60).optional(),
        colour: ServerColourSchema.optional(),
        makeCurrent: z.boolean().default(false),
      })
      .strict(),
    output: ServerConnectionViewSchema,
  },
  /** A short label of the person's and a colour; null (or an empty label) goes back to none. */
  'servers:update': {
    input: z
      .object({
        serverId: ServerIdInput,
        label: z.string().max(60).nullable().optional(),
        colour: ServerColourSchema.nullable().optional(),
      })
      .strict(),
    output: ServerConnectionViewSchema,
  },
  /** The servers named come first, in this order; the others keep theirs after them. */
  'servers:reorder': {
    input: z.object({ ids: z.array(ServerIdInput).min(1).max(200) }).strict(),
    output: z.array(ServerConnectionViewSchema),
  },
  /**
   * Forgets the server's key (and its admin key and webhook secret) and stops its live
   * connection and sync; the server stays in the list and its meetings stay readable.
   * Reconnecting is `servers:reenterKey`. Disconnecting the demo ends it and its meetings.
   */
  'servers:disconnect': { input: z.object({ serverId: ServerIdInput }).strict(), output: ServerConnectionViewSchema },
  /**
   * Disconnects and removes the server. `keepMeetings`: its meetings stay on this computer,
   * labelled with the server's name (status `removed`); otherwise they go, with their transcripts,
   * edits and search entries, in one step. Returns the servers left.
   */
  'servers:remove': {
    input: z.object({ serverId: ServerIdInput, keepMeetings: z.boolean() }).strict(),
    output: z.array(ServerConnectionViewSchema),
  },
  /** A key for this server, sent to this server's address and nowhere else. */
  'servers:reenterKey': {
    input: z.object({ serverId: ServerIdInput, apiKey: ApiKeyInput, keyStorage: KeyStorageInput }).strict(),
    output: ServerConnectionViewSchema,
  },
  /** Detects the generation and capabilities again (the current server when left out). */
  'servers:recheck': { input: OnServerInput, output: ServerConnectionViewSchema },
  /** The server Settings, Admin, Account and Webhooks act on; any server but a removed one. */
  'servers:setCurrent': { input: z.object({ serverId: ServerIdInput }).strict(), output: ConnectionViewSchema },
  /** Free bot slots of one server, or of every connected server when `serverId` is left out. */
  'bots:slots': { input: OnServerInput, output: z.array(BotSlotsSchema) },
  /** The server Launch offers for this link, and why. */
  'bots:launchTarget': { input: z.object({ link: z.string().max(10_000) }).strict(), output: LaunchTargetSchema },
  /** Ends the demo: its simulator stops and its meetings leave this computer. */
  'demo:stop': { input: z.undefined().or(z.null()).or(z.object({}).strict()), output: z.null() },
} as const;
