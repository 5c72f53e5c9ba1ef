import { z } from 'zod';

/**
 * Updates of the installed app: the person's two choices (in settings.json under `updates`), what
 * the updater is doing, and the channels of the Updates card.
 */

/** The longest feed address accepted; a release feed URL is far shorter. */
export const FEED_URL_MAX = 2048;

export const UpdateSettingsSchema = z.object({
  /** Off: the app never looks for, downloads or installs an update. */
  enabled: z.boolean().default(true),
  /** A generic feed (a folder holding latest.yml, latest-mac.yml, latest-linux.yml); null: the feed built into the app. */
  feedUrl: z.string().max(FEED_URL_MAX).nullable().default(null),
});
export type UpdateSettings = z.infer<typeof UpdateSettingsSchema>;
export const DEFAULT_UPDATE_SETTINGS: UpdateSettings = { enabled: true, feedUrl: null };

export const UpdateProgressSchema = z.object({
  percent: z.number().min(0).max(100),
  transferred: z.number().min(0),
  total: z.number().min(0),
});
export type UpdateProgress = z.infer<typeof UpdateProgressSchema>;

/** A newer version the feed offers; `notes` are plain text (never HTML) or null when the release has none. */
export const UpdateOfferSchema = z.object({ version: z.string(), notes: z.string().nullable() });
export type UpdateOffer = z.infer<typeof UpdateOfferSchema>;

/**
 * Why nothing is checked: a development build (`app.isPackaged` false), the person turned updates
 * off, or this kind of installation cannot update itself (the browser-served app, a Snap, an
 * unpacked folder).
 */
export const UpdatesOffReasonSchema = z.enum(['development', 'turned-off', 'unsupported']);
export type UpdatesOffReason = z.infer<typeof UpdatesOffReasonSchema>;

export const UpdatePhaseSchema = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('disabled'), reason: UpdatesOffReasonSchema, message: z.string() }),
  z.object({ phase: z.literal('idle') }),
  z.object({ phase: z.literal('checking') }),
  /** Found; the download starts in the background right away. */
  z.object({ phase: z.literal('available'), offer: UpdateOfferSchema }),
  z.object({ phase: z.literal('downloading'), offer: UpdateOfferSchema, progress: UpdateProgressSchema.nullable() }),
  /** Downloaded and verified: installs when the app quits, or at once with "Restart now". */
  z.object({ phase: z.literal('ready'), offer: UpdateOfferSchema }),
  /** The running version is untouched; `message` says what happened and what to do. */
  z.object({ phase: z.literal('error'), message: z.string(), offer: UpdateOfferSchema.nullable() }),
]);
export type UpdatePhase = z.infer<typeof UpdatePhaseSchema>;

export const UpdateCheckResultSchema = z.enum(['up-to-date', 'update-found', 'failed']);
export type UpdateCheckResult = z.infer<typeof UpdateCheckResultSchema>;

export const UpdatesViewSchema = z.object({
  currentVersion: z.string(),
  settings: UpdateSettingsSchema,
  /** The feed in use: the person's, or the one built into the app (null when the app has none to name). */
  feed: z.string().nullable(),
  state: UpdatePhaseSchema,
  /** A downloaded update installs when the app quits; false: only "Restart now" installs it (an AppImage, or updates off). */
  installsAtQuit: z.boolean(),
  /** The last check that finished (ms since the epoch) and what it found. */
  lastCheck: z.object({ at: z.number(), result: UpdateCheckResultSchema }).nullable(),
});
export type UpdatesView = z.infer<typeof UpdatesViewSchema>;

export const RestartOutcomeSchema = z.discriminatedUnion('outcome', [
  /** The app quits now and the update installs. */
  z.object({ outcome: z.literal('restarting') }),
  /** Meetings are live: nothing happened; ask the person, then send `confirmLive: true`. */
  z.object({ outcome: z.literal('confirm'), liveMeetings: z.array(z.string()) }),
]);
export type RestartOutcome = z.infer<typeof RestartOutcomeSchema>;

const Empty = z.undefined().or(z.null()).or(z.object({}).strict());

export const updateChannels = {
  'updates:get': { input: Empty, output: UpdatesViewSchema },
  /** Looks for an update now (a newer one is downloaded in the background). */
  'updates:check': { input: Empty, output: UpdatesViewSchema },
  /** Turns updates on or off, or sets the feed (null: the feed built into the app). Saved in settings.json. */
  'updates:configure': {
    input: z.object({ enabled: z.boolean().optional(), feedUrl: z.string().max(FEED_URL_MAX).nullable().optional() }).strict(),
    output: UpdatesViewSchema,
  },
  /**
   * Quits and installs the downloaded update. While a bot is in a meeting (or on its way in) the
   * app does nothing until the person confirms with `confirmLive: true`.
   */
  'updates:restart': {
    input: z.object({ confirmLive: z.boolean().default(false) }).strict(),
    output: RestartOutcomeSchema,
  },
} as const;

export const updateEvents = {
  /** What the updater is doing, whenever it changes (download progress included). */
  'updates:state': UpdatesViewSchema,
} as const;
