import { z } from 'zod';
import { ServerIdInput } from './servers';

/**
 * The library as a tool for AI clients (a local Model Context Protocol server, `electron/mcp/`):
 * which servers' meetings it may read, and the command an AI client starts it with.
 */

/** The most servers the person can share at once; the library's own server filter takes no more. */
export const MAX_EXPOSED_SERVERS = 32;

/**
 * Stored in settings.json under `mcp`, read by the app and by the MCP process (at start and on
 * every tool call). Nothing is shared until the person ticks a server: a server added later is
 * not shared either until ticked.
 */
export const McpSettingsSchema = z.object({
  exposedServers: z.array(z.string()).max(MAX_EXPOSED_SERVERS).default([]),
});
export type McpSettings = z.infer<typeof McpSettingsSchema>;

/** How an AI client starts the server: a program and its arguments (no shell in between). */
export const McpLaunchSchema = z.object({ command: z.string(), args: z.array(z.string()) });
export type McpLaunch = z.infer<typeof McpLaunchSchema>;

export const McpServerChoiceSchema = z.object({
  serverId: z.string(),
  label: z.string(),
  /** Meetings of this server on this computer. */
  meetings: z.number(),
  exposed: z.boolean(),
});

export const McpViewSchema = z.object({
  servers: z.array(McpServerChoiceSchema),
  /** Null where this build cannot start it (the reason says why). */
  launch: McpLaunchSchema.nullable(),
  /** The launch as one line for a terminal, quoted for this OS. */
  commandLine: z.string().nullable(),
  /** The `mcpServers` block of Claude Desktop's configuration (and most MCP clients'). */
  clientConfig: z.string().nullable(),
  unavailable: z.string().nullable(),
});
export type McpView = z.infer<typeof McpViewSchema>;

/**
 * The library over HTTP on this computer (`electron/mcp/http.ts`, run by the app itself while it
 * is open), for AI clients that connect by URL. Off until the person turns it on; the token is a
 * capability for this computer's library only, kept in the app's private files, never a Vexa key.
 */
export const McpHttpViewSchema = z.object({
  enabled: z.boolean(),
  /** `on`: listening at `url`; `failed`: turned on but could not start (`problem` says why). */
  state: z.enum(['off', 'on', 'failed']),
  url: z.string().nullable(),
  port: z.number().nullable(),
  /** The port it tries first; another is used when that one is taken (the card says so). */
  defaultPort: z.number(),
  /** The bearer token AI clients send; shown so that the person can paste it into their client. */
  token: z.string().nullable(),
  /** An `mcpServers` entry with the URL and the token, for clients that connect by URL. */
  clientConfig: z.string().nullable(),
  problem: z.string().nullable(),
});
export type McpHttpView = z.infer<typeof McpHttpViewSchema>;

const Empty = z.undefined().or(z.null()).or(z.object({}).strict());

export const mcpChannels = {
  /** What Settings → AI tools shows: the servers to choose from and the command to paste. */
  'mcp:get': { input: Empty, output: McpViewSchema },
  /** The servers whose meetings AI tools may read (replaces the list); an AI client sees the change at its next call. */
  'mcp:setExposed': {
    input: z.object({ serverIds: z.array(ServerIdInput).max(MAX_EXPOSED_SERVERS) }).strict(),
    output: McpViewSchema,
  },
  /** Whether the library is also served over HTTP on this computer, where, and with which token. */
  'mcp:http:get': { input: Empty, output: McpHttpViewSchema },
  /** Turns the HTTP server on (at least one server must be shared) or off (it stops at once). */
  'mcp:http:set': { input: z.object({ enabled: z.boolean() }).strict(), output: McpHttpViewSchema },
  /** A new token; the old one is refused from the next request on. */
  'mcp:http:newToken': { input: Empty, output: McpHttpViewSchema },
} as const;
