import type { Meeting, MeetingPatch, MeetingStatus } from '../../../shared/vexa/types';

/** The fields a person can edit on a meeting (`PATCH /meetings/{platform}/{native_id}` on G1/G2). */
export const EDITABLE_FIELDS = ['name', 'notes', 'participants', 'languages'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];
export type EditableValues = Required<MeetingPatch>;

/** How much of a meeting's transcript the cache holds. */
export type TranscriptState = 'none' | 'partial' | 'complete' | 'unavailable';

/** What the library keeps of the server's meeting, as the server gave it (edits aside). */
type MeetingFields = Pick<
  Meeting,
  | 'nativeMeetingId'
  | 'status'
  | 'startTime'
  | 'endTime'
  | 'createdAt'
  | 'updatedAt'
  | 'name'
  | 'notes'
  | 'participants'
  | 'languages'
  | 'completionReason'
  | 'failureStage'
  | 'meetingUrl'
  | 'shared'
  | 'transcriptDeleted'
>;

export interface LibraryMeeting extends MeetingFields {
  /** Local id: stable within this cache, unique across servers. */
  id: number;
  serverId: string;
  /** The server's name as the person knows it (`shared/serverLabel.ts`: their label, else the app's, else the host). */
  serverLabel: string;
  /** The server's row id (`meeting.id`). */
  remoteId: number;
  platform: string;
  /** G3 planned meeting (idle/scheduled): shown apart from meetings that happened. */
  planned: boolean;
  transcript: TranscriptState;
  segmentCount: number;
  /** When the meeting row was last read from the server. */
  lastSyncedAt: number | null;
  /** When the server last confirmed the shown status (a list or meeting read, a status frame or poll). */
  statusSeenAt: number | null;
  transcriptSyncedAt: number | null;
  /** Fields whose shown value is the user's edit, not (yet) the server's. */
  localFields: EditableField[];
  /** Fields with an edit the server changed too; the user's value is shown until they choose. */
  conflictFields: EditableField[];
  /** What the server said about how much it captured (G3 `stt_fault`, `segments_captured`), in plain words. */
  captureNote?: string | null;
}

/**
 * Meetings of the demo's simulator stay apart from real ones: `exclude` leaves them out, `only`
 * keeps nothing else, `include` (default) lists them with the others.
 */
export type DemoFilter = 'include' | 'exclude' | 'only';

/** Which servers' meetings: every filter set narrows the list (a meeting must pass all of them). */
export interface ServerFilter {
  serverId?: string;
  /** Any of these servers (at most `MAX_SERVER_FILTER`); an empty list is no filter. */
  serverIds?: readonly string[];
  demo?: DemoFilter;
}

export interface LibraryFilter extends ServerFilter {
  platform?: string;
  status?: MeetingStatus;
  /** Meeting time (start, else creation) from, inclusive, epoch ms. */
  from?: number;
  /** Meeting time to, exclusive, epoch ms. */
  to?: number;
  /** Planned meetings are listed apart: `exclude` (default), `only`, `include`. */
  planned?: 'exclude' | 'only' | 'include';
  limit?: number;
  offset?: number;
}

export interface SegmentView {
  key: string;
  /** The name shown: the server's label with the person's corrections (speakerFixes.ts). */
  speaker: string | null;
  /** The server's label, where a correction shows another name. */
  originalSpeaker?: string | null;
  text: string;
  start: number;
  end: number;
  absoluteStart: number | null;
  absoluteEnd: number | null;
  language: string | null;
  confirmed: boolean;
  source: string | null;
  /** The server's `segment_id` (G2+), null where the server sent none. */
  segmentId: string | null;
}

export interface TranscriptView {
  meeting: LibraryMeeting;
  segments: SegmentView[];
}

export interface TimelineEntry {
  from: MeetingStatus | null;
  to: MeetingStatus;
  at: number | null;
  /** Until the next entry (or the meeting's end for the last one); null when unknown. */
  durationMs: number | null;
  source: string | null;
  reason: string | null;
  completionReason: string | null;
  failureStage: string | null;
}

export interface Timeline {
  /** `server`: the server's status_transition trail; `app`: statuses this app saw itself. */
  origin: 'server' | 'app' | 'none';
  entries: TimelineEntry[];
}

/** A piece of a snippet; `match` pieces are the words that matched. Plain text, never HTML. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchFilters extends ServerFilter {
  platform?: string;
  status?: MeetingStatus;
  speaker?: string;
  from?: number;
  to?: number;
}

export interface SearchPage {
  /** At most 200; default 50. */
  limit?: number;
  offset?: number;
}

export interface SegmentHit {
  meetingId: number;
  serverId: string;
  serverLabel: string;
  meetingName: string | null;
  platform: string;
  /** With the platform, names a meeting that has no name (the same title as the list's). */
  nativeMeetingId: string | null;
  remoteId: number;
  meetingTime: number | null;
  segmentKey: string;
  /** Seconds from the session start, to scroll the transcript to. */
  start: number;
  absoluteStart: number | null;
  speaker: string | null;
  snippet: SnippetPart[];
  /** The speaker's name with matched words marked, when the speaker matched. */
  speakerMatch: SnippetPart[] | null;
}

export interface MeetingHit {
  meetingId: number;
  serverId: string;
  serverLabel: string;
  platform: string;
  nativeMeetingId: string | null;
  remoteId: number;
  meetingTime: number | null;
  name: SnippetPart[];
  notes: SnippetPart[] | null;
  /** Someone searched for who took part in the meeting, with the matched words marked. */
  participant: SnippetPart[] | null;
}

export interface SearchResult {
  /** The words to highlight when the transcript opens (lower case, diacritics kept). */
  terms: string[];
  /** The last term is a prefix (as-you-type). */
  prefix: boolean;
  /**
   * False when the query matched too many segments to rank (the first letters of a word, a word
   * said everywhere): hits then come in index order; typing more narrows and ranks them.
   */
  ranked: boolean;
  segments: SegmentHit[];
  meetings: MeetingHit[];
  hasMore: boolean;
}

export interface AppendResult {
  inserted: number;
  updated: number;
  unchanged: number;
}

export type OutboxState = 'pending' | 'sending' | 'failed' | 'conflict' | 'done' | 'local';

export interface OutboxEdit {
  id: number;
  meetingId: number;
  serverId: string;
  fields: MeetingPatch;
  state: OutboxState;
  attempts: number;
  lastError: string | null;
  /** In a conflict: the server's values of the edited fields. */
  serverValues: MeetingPatch | null;
  createdAt: number;
  updatedAt: number;
}

export interface CacheStats {
  file: string;
  /** Database plus its WAL, in bytes. */
  bytes: number;
  meetings: number;
  plannedMeetings: number;
  transcripts: number;
  segments: number;
  pendingEdits: number;
  /** Every server the app knows, with how many of its meetings this computer holds. */
  servers: Array<LibraryServer & { lastSyncedAt: number | null }>;
}

/** A server as the library names it, with its meetings on this computer (planned ones included). */
export interface LibraryServer {
  serverId: string;
  label: string;
  demo: boolean;
  meetings: number;
}

/** What `removeServerMeetings` took off this computer. */
export interface RemovedMeetings {
  /** Meetings the person could see (tombstones of local deletes are removed too, uncounted). */
  meetings: number;
  segments: number;
  /** Edits in the outbox, sent or not. */
  edits: number;
  statusEntries: number;
}

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'error';

export interface SyncState {
  serverId: string;
  phase: SyncPhase;
  /** Last complete pass over the meeting list. */
  lastSyncedAt: number | null;
  error: { code: string; message: string } | null;
  /** When the next automatic attempt runs after a failure. */
  retryAt: number | null;
  transcripts: TranscriptProgress;
}

export interface TranscriptProgress {
  running: boolean;
  done: number;
  total: number;
  failed: number;
}

/** What the library tells the app; the lead maps these to IPC events. */
export interface LibraryEvents {
  syncState?(state: SyncState): void;
  progress?(p: TranscriptProgress & { serverId: string }): void;
  /** Meetings or transcripts changed; `meetingIds` when known (local ids). */
  changed?(change: { serverId: string | null; meetingIds: number[] | null }): void;
}
