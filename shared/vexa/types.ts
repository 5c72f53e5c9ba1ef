/**
 * Normalised Vexa domain types. Every server generation (G1 v0.9, G2 v0.10, G3 v0.12) is parsed
 * into these shapes by `normalise*` in this folder; the rest of the app never sees wire shapes.
 * Times are epoch milliseconds (UTC) or null; relative segment times stay in seconds.
 */

export const PLATFORMS = ['google_meet', 'teams', 'zoom', 'jitsi'] as const;
export type Platform = (typeof PLATFORMS)[number];
/** What a server may put in a `platform` field: G3 planned meetings say `unknown`, G2 adds `browser_session`. */
export type ServerPlatform = Platform | (string & {});

export const MEETING_STATUSES = [
  'requested',
  'joining',
  'awaiting_admission',
  'active',
  'needs_help',
  'stopping',
  'completed',
  'failed',
  'idle',
  'scheduled',
  'deleted',
  'unknown',
] as const;
/**
 * The union of every generation's vocabulary. G2/api.v1 `needs_human_help` is folded into
 * `needs_help` (the G3 spelling); `unknown` stands for a value no known server sends, so that a
 * newer server does not break the meeting list.
 */
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export interface StatusTransition {
  from: MeetingStatus | null;
  to: MeetingStatus;
  at: number | null;
  /** G1: user|bot_callback|validation_error|unknown; G3: creation|bot_callback|user_stop|scheduler_timeout|runtime_destroy. */
  source: string | null;
  reason: string | null;
  completionReason: string | null;
  failureStage: string | null;
}

export interface Meeting {
  id: number;
  platform: ServerPlatform;
  /** Null for G3 planned meetings and for G1/G2 meetings whose transcript was deleted. */
  nativeMeetingId: string | null;
  status: MeetingStatus;
  startTime: number | null;
  endTime: number | null;
  createdAt: number | null;
  updatedAt: number | null;
  name: string | null;
  notes: string | null;
  participants: string[];
  languages: string[];
  completionReason: string | null;
  failureStage: string | null;
  /** Empty when the server left them out (G3 lists drop them; fetch the meeting by id). */
  statusTransitions: StatusTransition[];
  meetingUrl: string | null;
  botContainerId: string | null;
  /** G3: the row is seen through a share or a workspace, not owned. */
  shared: boolean;
  /** The transcript was deleted (G1/G2 `data.redacted`, G3 `data.artifact_deletion`). */
  transcriptDeleted: boolean;
  data: Record<string, unknown>;
}

export interface TranscriptSegment {
  /** Stable merge key: `segment_id` when the server sends one, else the absolute start in ms, else the relative start. */
  key: string;
  segmentId?: string;
  speaker: string | null;
  text: string;
  /** Seconds from the session start. */
  start: number;
  end: number;
  absoluteStart: number | null;
  absoluteEnd: number | null;
  language: string | null;
  /** False for a live draft that may still change. */
  completed: boolean;
  /** G3: glow-bound|provisional-cluster-id|caption|merged|chat. */
  source?: string;
}

export interface Transcript {
  meeting: Meeting;
  segments: TranscriptSegment[];
}

export interface BotStatusEntry {
  meetingId: number | null;
  platform: ServerPlatform;
  nativeMeetingId: string | null;
  status: MeetingStatus;
  containerId: string | null;
  /** When the bot (or its container) was created. */
  createdAt: number | null;
  startTime: number | null;
  meetingUrl: string | null;
}

export type ShareLink =
  | { kind: 'public-url'; url: string; shareId: string; expiresAt: number | null }
  | { kind: 'capability-token'; token: string; id: string; mode: string | null; expiresAt: number | null };

export interface AuthMe {
  userId: string | null;
  email: string | null;
  /** Null when the server does not report scopes. */
  scopes: string[] | null;
  maxConcurrent: number | null;
}

export interface ChatMessage {
  sender: string;
  text: string;
  timestamp: number | null;
  isFromBot: boolean;
}

export interface StopResult {
  /** The server started stopping a bot. */
  accepted: boolean;
  /** There was nothing left to stop: the bot had already left or the meeting had ended. */
  alreadyFinished?: boolean;
  message: string;
}

export interface MeetingPage {
  meetings: Meeting[];
  hasMore: boolean;
}

export interface LaunchBotRequest {
  platform: Platform;
  nativeMeetingId?: string;
  meetingUrl?: string;
  passcode?: string;
  botName?: string;
  /** ISO code; leave out for automatic detection. */
  language?: string;
  task?: 'transcribe' | 'translate';
  transcriptionTier?: 'realtime' | 'deferred';
  recordingEnabled?: boolean;
  transcribeEnabled?: boolean;
  /** Timeouts in ms. Sent to G2/G3 only (G1 has no such field). */
  automaticLeave?: Partial<Record<'max_bot_time' | 'max_wait_for_admission' | 'max_time_left_alone' | 'no_one_joined_timeout', number>>;
}

export interface MeetingPatch {
  name?: string;
  notes?: string;
  participants?: string[];
  languages?: string[];
}

/**
 * A user's API token as the admin API lists it. The secret itself is never part of it: G1/G2 list
 * it on the user record, and only its masked form (`vxa_bot_…x7Qa`) is kept; G3 never lists it.
 */
export interface AdminToken {
  id: string;
  userId: string | null;
  /** G2/G3; null on G1, whose keys have no scopes (and can do everything). */
  scopes: string[] | null;
  name: string | null;
  /** G3 leaves it out of a freshly minted token. */
  createdAt: number | null;
  lastUsedAt: number | null;
  expiresAt: number | null;
  /** The scope prefix and last four characters; null where the server does not list the value (G3). */
  maskedValue: string | null;
}

/** A token just created: the only time its value is ever shown. Never store or log `value`. */
export interface MintedToken extends AdminToken {
  value: string;
}

export interface AdminUser {
  id: string;
  email: string | null;
  name: string | null;
  maxConcurrentBots: number | null;
  /** G3 does not report it. */
  createdAt: number | null;
  data: Record<string, unknown>;
  /** Null when the answer had none (lists; G3's user record, whose tokens live on their own route). */
  tokens: AdminToken[] | null;
}

/** One page of `GET /admin/users?skip&limit`; the server gives no total, so `hasMore` is a full page. */
export interface AdminUserPage {
  users: AdminUser[];
  skip: number;
  limit: number;
  hasMore: boolean;
}
