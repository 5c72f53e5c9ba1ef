export type SimProfile = 'g1' | 'g2' | 'g3';

export type SimScenario =
  | 'normal'
  | 'lobby-wait'
  | 'lobby-timeout'
  | 'rejected'
  | 'join-failure'
  | 'crash'
  | 'silence'
  | 'long'
  | 'needs-help'
  | 'no-audio'
  | 'stt-fault';

export const SIM_SCENARIOS: readonly SimScenario[] = [
  'normal',
  'lobby-wait',
  'lobby-timeout',
  'rejected',
  'join-failure',
  'crash',
  'silence',
  'long',
  'needs-help',
  'no-audio',
  'stt-fault',
];

export const SIM_PROFILES: readonly SimProfile[] = ['g1', 'g2', 'g3'];

export type SimScope = 'bot' | 'tx' | 'browser';

export interface SimUserKey {
  key: string;
  scopes?: SimScope[];
  email?: string;
  maxConcurrent?: number;
}

export interface SimFault {
  status: number;
  body: string;
  contentType?: string;
  /** Number of matching requests to fail; the fault clears itself afterwards. */
  count?: number;
  /** Real milliseconds to hold the request before answering (a slow or hung upstream). */
  hangMs?: number;
  /** Only requests whose path starts with this prefix are affected. */
  paths?: string;
}

/** A final confirmed segment as the server holds it; absolute times are ISO 8601 with `Z`. */
export interface SimSegment {
  /** Stable id; G1 does not put it on the wire (G1 clients key by absolute start). */
  segment_id: string;
  speaker: string;
  text: string;
  start: number;
  end: number;
  language: string;
  absolute_start_time: string;
  absolute_end_time: string;
}

/** `needs_help` is G3's spelling; G2 (and api.v1) persist `needs_human_help`. */
export type MeetingStatus =
  | 'idle'
  | 'scheduled'
  | 'requested'
  | 'joining'
  | 'awaiting_admission'
  | 'active'
  | 'needs_help'
  | 'needs_human_help'
  | 'stopping'
  | 'completed'
  | 'failed';

export const TERMINAL: ReadonlySet<MeetingStatus> = new Set(['completed', 'failed']);
export const PLANNED: ReadonlySet<MeetingStatus> = new Set(['idle', 'scheduled']);

export interface TransitionRecord {
  from: MeetingStatus | null;
  to: MeetingStatus;
  at: number;
  source: string;
  reason?: string;
  completionReason?: string;
  failureStage?: string;
}

export interface SegmentRecord {
  segmentId: string;
  speaker: string;
  speakerKey: string;
  text: string;
  /** Seconds from the session start. */
  start: number;
  end: number;
  completed: boolean;
  source: string;
  language: string;
  createdAt: number;
  updatedAt: number;
}

export interface ChatRecord {
  sender: string;
  text: string;
  timestamp: number;
  isFromBot: boolean;
}

export interface MeetingRecord {
  id: number;
  userId: number;
  platform: string;
  nativeId: string | null;
  constructedUrl: string | null;
  status: MeetingStatus;
  botContainerId: string | null;
  startTime: number | null;
  endTime: number | null;
  completionReason: string | null;
  failureStage: string | null;
  createdAt: number;
  updatedAt: number;
  data: Record<string, unknown>;
  transitions: TransitionRecord[];
  scenario: SimScenario;
  sessionUid: string;
  botName: string | null;
  language: string | null;
  stopRequested: boolean;
  admitPending: boolean;
  segments: Map<string, SegmentRecord>;
  chat: ChatRecord[];
  /** Users who redeemed a G3 share token for this meeting. */
  viewers: Set<number>;
  /** G3: the calendar invitation's attendees, for meetings planned from a calendar (participants `source: "invite"`). */
  invitees?: SimInvitee[];
}

export interface SimInvitee {
  name: string | null;
  email: string;
  responseStatus: string | null;
}

export interface UserRecord {
  id: number;
  email: string;
  name: string | null;
  imageUrl: string | null;
  maxConcurrent: number;
  data: Record<string, unknown>;
  createdAt: number;
}

export interface TokenRecord {
  id: number;
  token: string;
  userId: number;
  scopes: SimScope[];
  name: string | null;
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
}
