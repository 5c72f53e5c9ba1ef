import type { SimClock } from './clock';
import type { MeetingStore } from './meetings';
import type { MeetingRecord, MeetingStatus, SimProfile, SimScenario } from './types';
import type { UserStore } from './users';

/** Where frames go: the sockets subscribed to a meeting, or (G3) every socket of a user. */
export interface Publisher {
  toMeeting(meetingId: number, frame: unknown): void;
  toUser(userId: number, frame: unknown): void;
}

/** Posts the owner's webhook on a meeting's status change (webhooks.ts). */
export interface WebhookSink {
  onTransition(m: MeetingRecord, from: MeetingStatus, to: MeetingStatus): void;
}

/** Drives bots through their scenario; implemented by scenarios.ts. */
export interface Lifecycle {
  start(meetingId: number): void;
  admit(meetingId: number): 'admitted' | 'pending' | 'ignored';
  /** Stop requested by the user (DELETE /bots). */
  stop(meetingId: number): void;
  /** Cancels timers of a meeting that is being removed. */
  forget(meetingId: number): void;
}

export interface SimContext {
  readonly profile: SimProfile;
  readonly clock: SimClock;
  readonly users: UserStore;
  readonly meetings: MeetingStore;
  readonly publisher: Publisher;
  readonly lifecycle: Lifecycle;
  readonly webhooks: WebhookSink;
  readonly defaultScenario: SimScenario;
  readonly adminKey: string | null;
  /** G2 takes a webhook on this computer or a private network, which the real one refuses (tests' receivers live there). */
  readonly allowPrivateWebhooks: boolean;
  /** Generated lines after the planning script in the `long` scenario. */
  readonly longLines: number;
  /** Spoken lines of the planning script in `normal` (null: all of them); short meetings for timing tests. */
  readonly scriptLines: number | null;
  /**
   * Simulated milliseconds every transcript change is published late (an overloaded transcription
   * pipeline): frames carry the time they go out, segments the time the words were said.
   */
  readonly captionDelay: { ms: number };
  log(message: string): void;
}
