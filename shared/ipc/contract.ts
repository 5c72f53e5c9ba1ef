import { z } from 'zod';
import { adminChannels } from './admin';
import { captionDelayChannels, captionDelayEvents } from './captionDelay';
import { desktopChannels } from './desktop';
import { libraryChannels, libraryEvents } from './library';
import { linkChannels, linkEvents } from './links';
import { mcpChannels } from './mcp';
import { meetingInfoChannels } from './meetingInfo';
import { OnServerInput, ServerIdInput, serverChannels } from './servers';
import { planningChannels, planningEvents } from './planning';
import { updateChannels, updateEvents } from './updates';
import { shortcutChannels, shortcutEvents } from './shortcuts';
import { recordingChannels } from './recordings';
import { WatchWordSettingsSchema } from '../watchWords/settings';
import { watchWordChannels } from './watchWords';
import { speakerChannels, speakerEvents } from './speakers';
import {
  AiToolSchema,
  AppStateSchema,
  ExportFormatSchema,
  ExportOptionsSchema,
  MeetingRefSchema,
  SaveOutcomeSchema,
  ShareLinkSchema,
  LiveDeltaSchema,
  LiveEarlierSchema,
  LiveSnapshotSchema,
  LiveStateSchema,
  RunningBotSchema,
  TaskSchema,
  TrackedMeetingSchema,
  ConnectionViewSchema,
  GenerationSchema,
  OverlayModeSchema,
  ProbeViewSchema,
  SettingsSchema,
  ThemeSchema,
} from './models';

/**
 * The IPC contract: the only way the renderer reaches the core. Request channels are
 * `domain:verb`; each has an input and an output schema. Inputs are validated at the
 * boundary by both transports; outputs are validated in tests so no channel can leak a field
 * the contract does not name (an API key above all).
 */

const Empty = z.undefined().or(z.null()).or(z.object({}).strict());

// A pasted key is trimmed by the core; the bound keeps a runaway paste from reaching the network.
const ApiKeyInput = z.string().min(1).max(512);
const ServerUrlInput = z.string().min(1).max(2048);

/** A meeting the app follows: the server's meeting id on a server (the current one when left out). */
const FollowedMeeting = z.object({ serverId: ServerIdInput.optional(), meetingId: z.number().int() }).strict();

export const channels = {
  'app:getState': { input: Empty, output: AppStateSchema },
  'app:reportError': {
    input: z.object({ message: z.string().max(4000), stack: z.string().max(20000).optional() }).strict(),
    output: z.null(),
  },
  'settings:update': {
    input: z
      .object({
        theme: ThemeSchema.optional(),
        launch: z
          .object({ botName: z.string().max(1000), language: z.string().max(16), task: TaskSchema })
          .strict()
          .optional(),
        doNotDisturb: z.boolean().optional(),
        closeToTray: z.boolean().optional(),
        aiPrompts: z.partialRecord(AiToolSchema, z.string().max(2000)).optional(),
        watchWords: WatchWordSettingsSchema.strict().optional(),
      })
      .strict(),
    output: SettingsSchema,
  },
  /**
   * Tests an address and key without keeping either. While the current server waits for its key,
   * only that server's address is accepted, unless `namedServer` says the form names its server
   * itself (Add a server, or the key of a listed server): the key then goes to that address only.
   */
  'connection:probe': {
    input: z.object({ url: ServerUrlInput, apiKey: ApiKeyInput, namedServer: z.boolean().optional() }).strict(),
    output: ProbeViewSchema,
  },
  /**
   * The channels of one server at a time (`connection:*`) act on the current server. This one adds
   * (or reconnects) the server and makes it current; servers already connected stay connected,
   * and the demo ends. While the current server waits for its key (`keyNeeded`), only that
   * server's address is accepted.
   */
  'connection:connect': {
    input: z
      .object({
        url: ServerUrlInput,
        apiKey: ApiKeyInput,
        /**
         * `auto` stores the key in the OS keychain and fails with `secure_storage_unavailable`
         * when there is none; the user then picks `session` or, after a warning, `plaintext`.
         */
        keyStorage: z.enum(['auto', 'session', 'plaintext']).default('auto'),
      })
      .strict(),
    output: ConnectionViewSchema,
  },
  /**
   * The key of the server named in `keyNeeded`: the core sends it there and nowhere else.
   * (`connection:disconnect` forgets that server, so another one can be entered.)
   */
  'connection:reenterKey': {
    input: z.object({ apiKey: ApiKeyInput, keyStorage: z.enum(['auto', 'session', 'plaintext']).default('auto') }).strict(),
    output: ConnectionViewSchema,
  },
  'connection:recheck': { input: Empty, output: ConnectionViewSchema },
  /**
   * `servers:disconnect` for the current server (the demo ends); the first connected server in the
   * person's order becomes current, or none.
   */
  'connection:disconnect': { input: Empty, output: ConnectionViewSchema },
  /** Starts the demo beside any connected servers and makes it current; its meetings are under the server id `demo`. */
  'demo:start': {
    input: z.object({ profile: GenerationSchema.optional() }).strict().optional(),
    output: ConnectionViewSchema,
  },
  /**
   * Sends a bot from `serverId`, or from the server `bots:launchTarget` offers for the link when
   * left out. The server is then remembered for the link's platform and domain.
   */
  'bots:launch': {
    // Lengths are checked by the core with a sentence for the user, so the bounds here only stop runaway input.
    input: z
      .object({
        serverId: ServerIdInput.optional(),
        link: z.string().max(10_000),
        botName: z.string().max(1000).optional(),
        language: z.string().max(16).optional(),
        task: TaskSchema.optional(),
        passcode: z.string().max(100).optional(),
      })
      .strict(),
    output: TrackedMeetingSchema,
  },
  'bots:stop': { input: FollowedMeeting, output: TrackedMeetingSchema },
  /** Change the language or task of a running bot (G1/G2; G3 has no such route). */
  'bots:config': {
    input: z
      .object({
        serverId: ServerIdInput.optional(),
        meetingId: z.number().int(),
        language: z.string().max(16).optional(),
        task: TaskSchema.optional(),
      })
      .strict(),
    output: z.null(),
  },
  'bots:dismiss': { input: FollowedMeeting, output: z.null() },
  /** The followed meetings of one server, or of every server when `serverId` is left out. */
  'bots:tracked': { input: OnServerInput, output: z.array(TrackedMeetingSchema) },
  /** The bots one server says are running (the current server when left out). */
  'bots:running': { input: OnServerInput, output: z.array(RunningBotSchema) },
  /** Reads statuses again from one server, or from every connected server when left out; returns what `bots:tracked` would. */
  'bots:refresh': { input: OnServerInput, output: z.array(TrackedMeetingSchema) },
  /** The clipboard's text when it holds a meeting link (offered when the window gains focus). */
  'clipboard:meetingLink': { input: Empty, output: z.object({ text: z.string().nullable() }) },
  /** Puts text the window shows (a share link, a token) on the clipboard; the window itself has no clipboard access. */
  'clipboard:writeText': { input: z.object({ text: z.string().max(100_000) }).strict(), output: z.null() },
  'meetings:openLink': { input: FollowedMeeting, output: z.null() },
  /** Opens, in the browser, the screen a server offers of a bot that needs help (G2 `vnc_url`), on that server only, never with a key. */
  'meetings:openHelp': { input: FollowedMeeting, output: z.null() },
  /** One server's live connection (the current server when left out). */
  'live:state': { input: OnServerInput, output: LiveStateSchema },
  /**
   * Skip the reconnect wait (the user clicked "Reconnect now"): one server, or every server whose
   * live connection is down when left out. Returns that server's state (the current one's).
   */
  'live:reconnectNow': { input: OnServerInput, output: LiveStateSchema },
  /**
   * The live transcript of a followed meeting (its `newest` lines when asked, the rest through
   * `live:earlier`); `live:segments` deltas follow.
   */
  'live:open': {
    input: z
      .object({ serverId: ServerIdInput.optional(), meetingId: z.number().int(), newest: z.number().int().min(1).max(100_000).optional() })
      .strict(),
    output: LiveSnapshotSchema,
  },
  /** The displayed lines of a followed meeting before a line (what `live:open` left out), as the core holds them now. */
  'live:earlier': {
    input: z
      .object({
        serverId: ServerIdInput.optional(),
        meetingId: z.number().int(),
        before: z.object({ absoluteStart: z.number(), key: z.string().max(1000) }).strict(),
      })
      .strict(),
    output: LiveEarlierSchema,
  },
  /**
   * The window painted the `live:segments` it was last sent from this server: the core pushes what
   * gathered since at once (until then changes merge into one next push).
   */
  'live:painted': { input: z.object({ serverId: ServerIdInput }).strict(), output: z.null() },
  /** Shows the last caption lines of one live meeting in a compact always-on-top overlay. */
  'overlay:open': { input: FollowedMeeting, output: z.object({ mode: OverlayModeSchema }) },
  'overlay:close': { input: Empty, output: z.null() },
  /**
   * The overlay window's page asks for a size (its text size changed). The desktop app sizes the
   * window itself: a frameless transparent window cannot be resized by dragging on Windows and Linux.
   */
  'overlay:resize': {
    input: z.object({ width: z.number().int().min(100).max(4000), height: z.number().int().min(60).max(3000) }).strict(),
    output: z.null(),
  },
  'export:preview': {
    input: z.object({ ref: MeetingRefSchema, format: ExportFormatSchema, options: ExportOptionsSchema.default({}) }).strict(),
    /** `partial`: the server was out of reach and only the lines on this computer are shown. */
    output: z.object({ text: z.string(), partial: z.boolean() }),
  },
  'export:speakers': { input: z.object({ ref: MeetingRefSchema }).strict(), output: z.array(z.string()) },
  'export:save': {
    input: z.object({ ref: MeetingRefSchema, format: ExportFormatSchema, options: ExportOptionsSchema.default({}) }).strict(),
    output: SaveOutcomeSchema,
  },
  'export:copy': {
    input: z.object({ ref: MeetingRefSchema, as: z.enum(['text', 'markdown']), options: ExportOptionsSchema.default({}) }).strict(),
    output: z.object({ partial: z.boolean() }),
  },
  'share:create': {
    input: z.object({ ref: MeetingRefSchema, ttlSeconds: z.number().int().min(60).max(86_400).default(3600) }).strict(),
    output: ShareLinkSchema,
  },
  /**
   * Opens ChatGPT, Perplexity or Claude on the transcript: `link`, the prompt with a share link in
   * the tool's URL; `prompt`, that prompt on the clipboard (too long for a URL); `clipboard`, the
   * transcript on the clipboard and a paste prompt.
   */
  'handoff:open': {
    input: z.object({ ref: MeetingRefSchema, tool: AiToolSchema }).strict(),
    /** `partial`: the clipboard holds only the lines on this computer (the server was out of reach). */
    output: z.object({ mode: z.enum(['link', 'prompt', 'clipboard']), url: z.string(), partial: z.boolean() }),
  },
  ...serverChannels,
  ...libraryChannels,
  ...adminChannels,
  ...linkChannels,
  ...desktopChannels,
  ...updateChannels,
  ...shortcutChannels,
  ...planningChannels,
  ...recordingChannels,
  ...meetingInfoChannels,
  ...mcpChannels,
  ...captionDelayChannels,
  ...watchWordChannels,
  ...speakerChannels,
  'shell:openFolder': { input: z.object({ which: z.enum(['data', 'logs']) }).strict(), output: z.null() },
} as const;

export const events = {
  /** The whole app state, pushed whenever any part of it changes. */
  'app:state': AppStateSchema,
  /** The followed meetings of every server, whenever any of them changes. */
  'bots:changed': z.array(TrackedMeetingSchema),
  /** One server's live connection changed (`serverId` says which). */
  'live:state': LiveStateSchema,
  /** What changed in a live transcript since the last push; the window answers `live:painted` once it shows it. */
  'live:segments': LiveDeltaSchema,
  /** Bring this meeting into view (a notification or a tray item was clicked). */
  /** With `lineKey` (a watch word's alert): the meeting's live captions open at that line, marked. */
  'ui:focusMeeting': z.object({ serverId: z.string(), meetingId: z.number(), lineKey: z.string().optional() }),
  /** Show a screen of the main window (the app menu's Settings…, sent by the desktop shell). */
  'ui:navigate': z.object({ screen: z.enum(['settings']) }),
  ...libraryEvents,
  ...linkEvents,
  ...updateEvents,
  ...shortcutEvents,
  ...planningEvents,
  ...captionDelayEvents,
  ...speakerEvents,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type EventName = keyof typeof events;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const channelNames = Object.keys(channels) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

// Half of a UTF-16 surrogate pair on its own: no keyboard or paste produces it, and it makes
// encodeURIComponent throw (a meeting id in a server path, a prompt in an AI tool's link).
const LONE_SURROGATE = /\p{Cs}/u;

/** The path of the first string (or object key) in `value` that is not well-formed text. */
function illFormedText(value: unknown, path: PropertyKey[] = []): PropertyKey[] | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = illFormedText(v, [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = LONE_SURROGATE.test(k) ? [...path, k] : illFormedText(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

export type InputIssue = { path: PropertyKey[]; message: string };

/**
 * What the boundary accepts on a channel: its schema, and text only where text is asked for.
 * Both transports judge input by this and nothing else.
 */
export function parseChannelInput<C extends ChannelName>(
  channel: C,
  raw: unknown,
): { success: true; data: ParsedInput<C> } | { success: false; issues: InputIssue[] } {
  const parsed = channels[channel].input.safeParse(raw);
  if (!parsed.success) return { success: false, issues: parsed.error.issues };
  const broken = illFormedText(parsed.data);
  if (broken) return { success: false, issues: [{ path: broken, message: 'Text with a broken character' }] };
  return { success: true, data: parsed.data as ParsedInput<C> };
}
