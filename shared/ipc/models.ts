import { z } from 'zod';
import { MEETING_STATUSES } from '../vexa/types';
import { DesktopSettingsSchema } from './desktop';
import { CapabilitiesSchema, GenerationSchema, KeyStorageSchema, ServerConnectionViewSchema } from './serverViews';
import { DEFAULT_UPDATE_SETTINGS, UpdateSettingsSchema } from './updates';
import { ShortcutSettingsSchema } from './shortcutSettings';
import { DEFAULT_WATCH_WORD_SETTINGS, WatchWordSettingsSchema } from '../watchWords/settings';

/** View models the core pushes to the renderer. None of them may carry an API key. */

export {
  BotSlotsSchema,
  CapabilitiesSchema,
  GenerationSchema,
  KeyStorageSchema,
  LaunchTargetSchema,
  ServerColourSchema,
  ServerConnectionViewSchema,
  ServerStatusSchema,
  type BotSlotsView,
  type CapabilitiesView,
  type Generation,
  type KeyStorage,
  type LaunchTargetView,
  type ServerColour,
  type ServerConnectionView,
  type ServerStatus,
} from './serverViews';

export const ServerViewSchema = z.object({
  id: z.string(),
  url: z.string(),
  label: z.string(),
  generation: GenerationSchema,
  capabilities: CapabilitiesSchema,
  demo: z.boolean(),
  /** Plain http to a loopback or private address: allowed, but the UI warns. */
  insecure: z.boolean(),
  checkedAt: z.number(),
  userEmail: z.string().nullable(),
  warnings: z.array(z.string()),
});
export type ServerView = z.infer<typeof ServerViewSchema>;

export const ConnectionViewSchema = z.object({
  status: z.enum(['none', 'connecting', 'connected', 'error']),
  server: ServerViewSchema.nullable(),
  /** A masked label such as "vxa_tx_…9f2c"; never the key. */
  key: z.object({ label: z.string(), storage: KeyStorageSchema }).nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /**
   * The server the app was connected to when it last closed, whose key it no longer has (kept for
   * that session only, or the keychain would not give it back). A key typed now goes to this
   * server only, until the person chooses another server.
   */
  keyNeeded: z.object({ id: z.string(), url: z.string(), label: z.string() }).nullable(),
});
export type ConnectionView = z.infer<typeof ConnectionViewSchema>;

export const ThemeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof ThemeSchema>;

export const TaskSchema = z.enum(['transcribe', 'translate']);

/** Remembered choices of the launch form. `language` is an ISO code or `auto`. */
export const LaunchDefaultsSchema = z.object({
  botName: z.string(),
  language: z.string(),
  task: TaskSchema,
});
export type LaunchDefaults = z.infer<typeof LaunchDefaultsSchema>;

export const AiToolSchema = z.enum(['chatgpt', 'perplexity', 'claude']);
export type AiToolId = z.infer<typeof AiToolSchema>;

export const SettingsSchema = z.object({
  theme: ThemeSchema,
  /** Prompt templates for "Open in …"; `{url}` is the share link. */
  aiPrompts: z.record(AiToolSchema, z.string()),
  launch: LaunchDefaultsSchema,
  /** Alerts still show in the app and the tray, but raise no OS notification. */
  doNotDisturb: z.boolean(),
  /**
   * Desktop app on Windows and Linux: closing the window keeps the app running in the tray, so
   * lobby alerts keep coming. Off: closing the window quits. macOS keeps its own convention.
   */
  closeToTray: z.boolean(),
  desktop: DesktopSettingsSchema,
  /** Absent from a settings file written before updates existed: the defaults then. */
  updates: UpdateSettingsSchema.default(DEFAULT_UPDATE_SETTINGS),
  shortcuts: ShortcutSettingsSchema,
  /** Words and phrases that raise an alert when said in a live meeting (shared/watchWords). */
  watchWords: WatchWordSettingsSchema.default(DEFAULT_WATCH_WORD_SETTINGS),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SecureStorageViewSchema = z.object({
  /** True when keys can be encrypted by the OS keychain. */
  available: z.boolean(),
  backend: z.string(),
  /** Why it is unavailable, in words for the user; null when available. */
  reason: z.string().nullable(),
});
export type SecureStorageView = z.infer<typeof SecureStorageViewSchema>;

/**
 * Why the app keeps its library in memory instead of on disk: the file or its folder is read-only,
 * the disk is full, the folder was removed while the app ran, the app may not write there, the file
 * belongs to another user account, it was written by a newer version of the app, or another error
 * of the disk.
 */
export const StorageCauseSchema = z.enum([
  'read-only',
  'disk-full',
  'removed',
  'permission-denied',
  'other-owner',
  'newer-version',
  'unavailable',
]);
export type StorageCause = z.infer<typeof StorageCauseSchema>;

export const StorageStateSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('disk') }),
  z.object({
    mode: z.literal('memory'),
    /** The file or folder that could not be written. */
    file: z.string(),
    cause: StorageCauseSchema,
    /** What happened and what to do, in words for the person. */
    message: z.string(),
    /**
     * Since when (ms) the library is kept in memory: changes made since are lost on quit. Null
     * when the library is still on disk and only the key or the settings could not be saved.
     */
    since: z.number().nullable(),
  }),
]);
export type StorageState = z.infer<typeof StorageStateSchema>;

export const AppStateSchema = z.object({
  version: z.string(),
  os: z.enum(['darwin', 'win32', 'linux', 'other']),
  transport: z.enum(['electron', 'web']),
  paths: z.object({ data: z.string(), logs: z.string(), keys: z.string() }),
  /** The current server (`currentServerId`), as a window that knows one server at a time shows it. */
  connection: ConnectionViewSchema,
  settings: SettingsSchema,
  secureStorage: SecureStorageViewSchema,
  /** Why the local library could not be opened (a cache from a newer app version), or null. */
  cacheNotice: z.string().nullable(),
  /** Where the library is kept: on disk, or in memory for this run (with the file and the cause). */
  storage: StorageStateSchema,
  /** Every server the app knows, in the person's order (`position`). */
  servers: z.array(ServerConnectionViewSchema),
  /**
   * The server Settings, Admin, Account and Webhooks act on and Launch offers first; `connection`
   * describes it. Null when no server is connected or waiting for its key.
   */
  currentServerId: z.string().nullable(),
});
export type AppState = z.infer<typeof AppStateSchema>;

export const ProbeViewSchema = z.object({
  url: z.string(),
  generation: GenerationSchema,
  capabilities: CapabilitiesSchema,
  userEmail: z.string().nullable(),
  insecure: z.boolean(),
  warnings: z.array(z.string()),
});
export type ProbeView = z.infer<typeof ProbeViewSchema>;

export const MeetingStatusSchema = z.enum(MEETING_STATUSES);

/**
 * A meeting whose bot the app follows, with the time spent in each status. `id` is the server's
 * meeting id: two servers may both have meeting 7, so a meeting is (serverId, id).
 */
export const TrackedMeetingSchema = z.object({
  serverId: z.string(),
  id: z.number(),
  platform: z.string(),
  nativeId: z.string(),
  name: z.string(),
  meetingUrl: z.string().nullable(),
  status: MeetingStatusSchema,
  since: z.number(),
  history: z.array(z.object({ status: MeetingStatusSchema, at: z.number() })),
  completionReason: z.string().nullable(),
  failureStage: z.string().nullable(),
  outcome: z.string().nullable(),
  /** What the server reports is wrong while the meeting runs (no audio, transcription down), with what to do. */
  health: z
    .object({
      problem: z.enum(['no_audio', 'transcription_down']),
      title: z.string(),
      advice: z.string(),
      detail: z.string().nullable(),
      at: z.number(),
    })
    .nullable()
    .optional(),
  /** While the bot needs a person (G2): the server's reason and whether it offers the bot's screen (opened by `meetings:openHelp`). */
  help: z.object({ reason: z.string().nullable(), screen: z.string().nullable(), at: z.number().nullable() }).nullable().optional(),
});
export type TrackedMeetingView = z.infer<typeof TrackedMeetingSchema>;

export const RunningBotSchema = z.object({
  serverId: z.string(),
  meetingId: z.number().nullable(),
  platform: z.string(),
  nativeMeetingId: z.string().nullable(),
  status: MeetingStatusSchema,
  createdAt: z.number().nullable(),
  meetingUrl: z.string().nullable(),
});
export type RunningBotView = z.infer<typeof RunningBotSchema>;

/** One server's live connection; `serverId` is null only for the idle state of no server. */
export const LiveStateSchema = z.object({
  serverId: z.string().nullable(),
  status: z.enum(['idle', 'connecting', 'connected', 'reconnecting', 'offline', 'unauthorized']),
  retryAt: z.number().nullable(),
  attempt: z.number(),
  dropped: z.number(),
  message: z.string().nullable(),
});
export type LiveStateView = z.infer<typeof LiveStateSchema>;

/** One caption line (shared/transcript RenderedSegment). */
export const CaptionSchema = z.object({
  key: z.string(),
  segmentId: z.string().optional(),
  speaker: z.string().nullable(),
  text: z.string(),
  start: z.number(),
  end: z.number(),
  absoluteStart: z.number(),
  absoluteEnd: z.number(),
  language: z.string().nullable(),
  completed: z.boolean(),
  source: z.string().optional(),
  draft: z.boolean(),
});
export type CaptionView = z.infer<typeof CaptionSchema>;

export const GapSchema = z.object({ from: z.number(), to: z.number().nullable() });

export const LiveSnapshotSchema = z.object({
  serverId: z.string(),
  meetingId: z.number(),
  version: z.number(),
  segments: z.array(CaptionSchema),
  /** Displayed lines before `segments[0]` left out of this answer; `live:earlier` reads them. */
  earlier: z.number().int().nonnegative().optional(),
  gaps: z.array(GapSchema),
  rejectedFrames: z.number(),
});
export type LiveSnapshotView = z.infer<typeof LiveSnapshotSchema>;

export const LiveEarlierSchema = z.object({
  serverId: z.string(),
  meetingId: z.number(),
  version: z.number(),
  segments: z.array(CaptionSchema),
});
export type LiveEarlierView = z.infer<typeof LiveEarlierSchema>;

export const LiveDeltaSchema = z.object({
  serverId: z.string(),
  meetingId: z.number(),
  version: z.number(),
  upserted: z.array(CaptionSchema),
  removed: z.array(z.string()),
});
export type LiveDeltaView = z.infer<typeof LiveDeltaSchema>;

/** Where the caption overlay opened: its own always-on-top window (Electron) or a panel in the page (web). */
export const OverlayModeSchema = z.enum(['window', 'panel']);
export type OverlayMode = z.infer<typeof OverlayModeSchema>;

export const MeetingRefSchema = z
  .object({
    meetingId: z.number().int(),
    platform: z.string().max(32),
    nativeMeetingId: z.string().min(1).max(512),
    /** The server the meeting belongs to (a library meeting); absent means the connected one. */
    serverId: z.string().max(2048).optional(),
  })
  .strict();
/**
 * Which transcript: the server row id plus the platform and native id every generation needs.
 * Ids only: a name is whatever the server holds (of any length), so the core looks it up.
 */
export type MeetingRef = z.infer<typeof MeetingRefSchema>;

export const ExportFormatSchema = z.enum(['txt', 'md', 'srt', 'vtt', 'json', 'docx', 'pdf']);

export const ExportOptionsSchema = z
  .object({
    timestamps: z.enum(['relative', 'wall-clock']).optional(),
    timeZone: z.string().max(64).optional(),
    speakers: z.boolean().optional(),
    includeDrafts: z.boolean().optional(),
    includeChat: z.boolean().optional(),
    range: z.object({ from: z.number(), to: z.number() }).strict().optional(),
    speakerFilter: z.array(z.string().max(200)).max(100).optional(),
  })
  .strict();

export const SaveOutcomeSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('saved'), path: z.string(), fileName: z.string(), partial: z.boolean() }),
  z.object({ mode: z.literal('download'), fileName: z.string(), mimeType: z.string(), base64: z.string(), partial: z.boolean() }),
  z.object({ mode: z.literal('cancelled') }),
]);

export const ShareLinkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('public-url'), url: z.string(), shareId: z.string(), expiresAt: z.number().nullable() }),
  z.object({
    kind: z.literal('capability-token'),
    token: z.string(),
    id: z.string(),
    mode: z.string().nullable(),
    expiresAt: z.number().nullable(),
  }),
]);
