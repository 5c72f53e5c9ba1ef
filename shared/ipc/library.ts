import { z } from 'zod';
import { MeetingStatusSchema } from './models';
import { OnServerInput, ServerIdInput } from './servers';

/** View models of the offline library (electron/core/cache/types.ts), checked at the IPC boundary. */

const EditableFieldSchema = z.enum(['name', 'notes', 'participants', 'languages']);

export const LibraryMeetingSchema = z.object({
  id: z.number(),
  serverId: z.string(),
  /** The server's name as the list of servers gives it (`shared/serverLabel.ts`), "(removed)" after it for a removed server: never empty. */
  serverLabel: z.string(),
  remoteId: z.number(),
  platform: z.string(),
  nativeMeetingId: z.string().nullable(),
  status: MeetingStatusSchema,
  planned: z.boolean(),
  startTime: z.number().nullable(),
  endTime: z.number().nullable(),
  createdAt: z.number().nullable(),
  updatedAt: z.number().nullable(),
  name: z.string().nullable(),
  notes: z.string().nullable(),
  participants: z.array(z.string()),
  languages: z.array(z.string()),
  completionReason: z.string().nullable(),
  failureStage: z.string().nullable(),
  meetingUrl: z.string().nullable(),
  shared: z.boolean(),
  transcriptDeleted: z.boolean(),
  transcript: z.enum(['none', 'partial', 'complete', 'unavailable']),
  segmentCount: z.number(),
  lastSyncedAt: z.number().nullable(),
  statusSeenAt: z.number().nullable(),
  transcriptSyncedAt: z.number().nullable(),
  localFields: z.array(EditableFieldSchema),
  conflictFields: z.array(EditableFieldSchema),
  /** How much the server captured, in plain words (why a transcript is empty: `stt_fault`, `segments_captured`). */
  captureNote: z.string().nullable().optional(),
});
export type LibraryMeetingView = z.infer<typeof LibraryMeetingSchema>;

export const SegmentViewSchema = z.object({
  key: z.string(),
  speaker: z.string().nullable(),
  /** The server's label where a speaker correction shows another name in `speaker`. */
  originalSpeaker: z.string().nullable().optional(),
  text: z.string(),
  start: z.number(),
  end: z.number(),
  absoluteStart: z.number().nullable(),
  absoluteEnd: z.number().nullable(),
  language: z.string().nullable(),
  confirmed: z.boolean(),
  source: z.string().nullable(),
  segmentId: z.string().nullable(),
});

export const TimelineSchema = z.object({
  origin: z.enum(['server', 'app', 'none']),
  entries: z.array(
    z.object({
      from: MeetingStatusSchema.nullable(),
      to: MeetingStatusSchema,
      at: z.number().nullable(),
      durationMs: z.number().nullable(),
      source: z.string().nullable(),
      reason: z.string().nullable(),
      completionReason: z.string().nullable(),
      failureStage: z.string().nullable(),
    }),
  ),
});

const PatchSchema = z
  .object({
    name: z.string().max(500).optional(),
    notes: z.string().max(20_000).optional(),
    participants: z.array(z.string().max(200)).max(500).optional(),
    languages: z.array(z.string().max(16)).max(50).optional(),
  })
  .strict();

export const OutboxEditSchema = z.object({
  id: z.number(),
  meetingId: z.number(),
  serverId: z.string(),
  fields: z.object({
    name: z.string().optional(),
    notes: z.string().optional(),
    participants: z.array(z.string()).optional(),
    languages: z.array(z.string()).optional(),
  }),
  state: z.enum(['pending', 'sending', 'failed', 'conflict', 'done', 'local']),
  attempts: z.number(),
  lastError: z.string().nullable(),
  serverValues: z
    .object({
      name: z.string().optional(),
      notes: z.string().optional(),
      participants: z.array(z.string()).optional(),
      languages: z.array(z.string()).optional(),
    })
    .nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

const SnippetSchema = z.array(z.object({ text: z.string(), match: z.boolean() }));

export const SearchResultSchema = z.object({
  terms: z.array(z.string()),
  prefix: z.boolean(),
  ranked: z.boolean(),
  segments: z.array(
    z.object({
      meetingId: z.number(),
      serverId: z.string(),
      serverLabel: z.string(),
      meetingName: z.string().nullable(),
      platform: z.string(),
      nativeMeetingId: z.string().nullable(),
      remoteId: z.number(),
      meetingTime: z.number().nullable(),
      segmentKey: z.string(),
      start: z.number(),
      absoluteStart: z.number().nullable(),
      speaker: z.string().nullable(),
      snippet: SnippetSchema,
      speakerMatch: SnippetSchema.nullable(),
    }),
  ),
  meetings: z.array(
    z.object({
      meetingId: z.number(),
      serverId: z.string(),
      serverLabel: z.string(),
      platform: z.string(),
      nativeMeetingId: z.string().nullable(),
      remoteId: z.number(),
      meetingTime: z.number().nullable(),
      name: SnippetSchema,
      notes: SnippetSchema.nullable(),
      participant: SnippetSchema.nullable(),
    }),
  ),
  hasMore: z.boolean(),
});
export type SearchResultView = z.infer<typeof SearchResultSchema>;

const ProgressSchema = z.object({ running: z.boolean(), done: z.number(), total: z.number(), failed: z.number() });

export const SyncStateSchema = z.object({
  serverId: z.string(),
  phase: z.enum(['idle', 'syncing', 'offline', 'error']),
  lastSyncedAt: z.number().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  retryAt: z.number().nullable(),
  transcripts: ProgressSchema,
});
export type SyncStateView = z.infer<typeof SyncStateSchema>;

export const CacheStatsSchema = z.object({
  file: z.string(),
  bytes: z.number(),
  meetings: z.number(),
  plannedMeetings: z.number(),
  transcripts: z.number(),
  segments: z.number(),
  pendingEdits: z.number(),
  servers: z.array(
    z.object({ serverId: z.string(), label: z.string(), demo: z.boolean(), meetings: z.number(), lastSyncedAt: z.number().nullable() }),
  ),
});

export const MeetingDetailSchema = z.object({
  meeting: LibraryMeetingSchema,
  segments: z.array(SegmentViewSchema),
  /** Only a window of the transcript came (`library:open`'s `around`): how many segments come before and after it; `library:segments` reads them all. */
  window: z.object({ before: z.number().int().nonnegative(), after: z.number().int().nonnegative() }).optional(),
  timeline: TimelineSchema,
  edits: z.array(OutboxEditSchema),
});
export type MeetingDetailView = z.infer<typeof MeetingDetailSchema>;

const Id = z.object({ id: z.number().int() }).strict();

/** The most servers one filter names (the library keeps the first ones of a longer list from inside the core). */
export const MAX_SERVER_FILTER = 32;
const ServerId = z.string().max(2048);
/**
 * Which servers' meetings: `serverId` one, `serverIds` any of several (both: the meetings in both);
 * `demo` keeps the demo's meetings apart (`exclude`) or alone (`only`); by default they are listed.
 */
const serverFilter = {
  serverId: ServerId.optional(),
  serverIds: z.array(ServerId).max(MAX_SERVER_FILTER).optional(),
  demo: z.enum(['include', 'exclude', 'only']).optional(),
};

export const libraryChannels = {
  'library:list': {
    input: z
      .object({
        ...serverFilter,
        platform: z.string().max(32).optional(),
        status: MeetingStatusSchema.optional(),
        from: z.number().optional(),
        to: z.number().optional(),
        planned: z.enum(['exclude', 'only', 'include']).optional(),
        limit: z.number().int().min(1).max(5000).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict()
      .default({}),
    output: z.array(LibraryMeetingSchema),
  },
  /** The cached meeting at once; its details and transcript are refreshed in the background (`library:changed`). */
  'library:open': {
    input: z
      .object({
        id: z.number().int(),
        /** Open a long transcript on this segment (a search hit): the segments around it come first. */
        around: z.string().max(1000).optional(),
      })
      .strict(),
    output: MeetingDetailSchema,
  },
  /** Every cached segment of a meeting (after `library:open` answered a window of them). */
  'library:segments': { input: Id, output: z.object({ segments: z.array(SegmentViewSchema) }) },
  'library:search': {
    input: z
      .object({
        query: z.string().max(1000),
        filters: z
          .object({
            ...serverFilter,
            platform: z.string().max(32).optional(),
            status: MeetingStatusSchema.optional(),
            speaker: z.string().max(200).optional(),
            from: z.number().optional(),
            to: z.number().optional(),
          })
          .strict()
          .optional(),
        limit: z.number().int().min(1).max(200).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
    output: SearchResultSchema,
  },
  'library:edit': { input: z.object({ id: z.number().int(), patch: PatchSchema }).strict(), output: OutboxEditSchema },
  'library:resolveEdit': {
    input: z.object({ editId: z.number().int(), choice: z.enum(['keep-mine', 'use-server']) }).strict(),
    output: OutboxEditSchema.nullable(),
  },
  'library:delete': {
    input: z.object({ id: z.number().int(), where: z.enum(['local', 'server']) }).strict(),
    /** Null when done as asked; else the meeting left this computer only, and `message` says why the server keeps it. */
    output: z
      .object({ serverKept: z.literal(true), message: z.string() })
      .strict()
      .nullable(),
  },
  /**
   * Reads one server's meetings again, or every connected server's when `serverId` is left out;
   * returns that server's sync state (the current server's), or null when it is not connected.
   */
  'library:sync': {
    input: z.object({ serverId: ServerIdInput.optional(), full: z.boolean().optional() }).strict().default({}),
    output: SyncStateSchema.nullable(),
  },
  /** Stops transcript downloads of one server, or of every server when left out. */
  'library:cancelTranscripts': { input: OnServerInput, output: z.null() },
  /** One server's sync state (the current server's when left out), or null when it is not connected. */
  'library:syncState': { input: OnServerInput, output: SyncStateSchema.nullable() },
  'cache:stats': { input: z.undefined().or(z.null()).or(z.object({}).strict()), output: CacheStatsSchema },
  'cache:clear': { input: z.undefined().or(z.null()).or(z.object({}).strict()), output: CacheStatsSchema },
} as const;

export const libraryEvents = {
  /** Meetings or transcripts changed in the cache (local ids; null: reload the list). */
  'library:changed': z.object({ serverId: z.string().nullable(), meetingIds: z.array(z.number()).nullable() }),
  'library:sync': SyncStateSchema,
} as const;
