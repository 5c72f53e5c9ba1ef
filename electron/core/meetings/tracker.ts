import { explainOutcome, STATUS_RANK as RANK, TERMINAL_STATUSES } from '../../../shared/meetings/outcome';
import { healthAdvice, type HealthReport, type HelpRequest } from '../../../shared/meetings/health';
import type { StatusUpdate } from '../../../shared/meetings/statusFrame';
import type { Meeting, MeetingStatus, StatusTransition } from '../../../shared/vexa/types';
import type { Clock } from '../ports';

export interface TrackedMeeting {
  id: number;
  platform: string;
  nativeId: string;
  name: string;
  meetingUrl: string | null;
  status: MeetingStatus;
  /** When the meeting entered its current status (epoch ms, this computer's clock). */
  since: number;
  history: Array<{ status: MeetingStatus; at: number }>;
  completionReason: string | null;
  failureStage: string | null;
  /** Plain words for a finished meeting; null while it runs. */
  outcome: string | null;
  /** The last in-band health problem the server reported while the meeting runs (shared/meetings/health.ts). */
  health?: TrackedHealth | null;
  /** While the bot needs a person: what the server said about it (G2), else null. */
  help?: HelpRequest | null;
}

export interface TrackedHealth {
  problem: HealthReport['problem'];
  title: string;
  advice: string;
  detail: string | null;
  at: number;
}

/** The tracker's part of the health memory (meetings/healthMemory.ts), bound to its server. */
export interface TrackerHealthMemory {
  recall(meetingId: number): TrackedHealth | null;
  remember(meetingId: number, health: TrackedHealth | null): void;
}

export interface TrackerEvents {
  /** A meeting's status changed (also called for the first status of a newly tracked meeting). */
  onStatus(meeting: TrackedMeeting, previous: MeetingStatus | null): void;
  onChange(): void;
}

/** The meetings whose bots this app follows, with the time spent in each status. */
export class MeetingTracker {
  private readonly meetings = new Map<number, TrackedMeeting>();

  constructor(
    private readonly clock: Clock,
    private readonly events: TrackerEvents,
    private readonly memory?: TrackerHealthMemory,
  ) {}

  list(): TrackedMeeting[] {
    return [...this.meetings.values()].sort((a, b) => (b.history[0]?.at ?? 0) - (a.history[0]?.at ?? 0));
  }

  get(id: number): TrackedMeeting | undefined {
    return this.meetings.get(id);
  }

  find(platform: string, nativeId: string): TrackedMeeting | undefined {
    return this.list().find((m) => m.platform === platform && m.nativeId === nativeId && !TERMINAL_STATUSES.has(m.status));
  }

  active(): TrackedMeeting[] {
    return this.list().filter((m) => !TERMINAL_STATUSES.has(m.status));
  }

  /** Starts following a meeting (a bot just launched, or found running at start-up). */
  track(meeting: Meeting, name?: string): TrackedMeeting {
    const existing = this.meetings.get(meeting.id);
    if (existing) {
      this.apply({ ...this.toUpdate(meeting) }, name);
      return existing;
    }
    const now = this.clock.now();
    const tracked: TrackedMeeting = {
      id: meeting.id,
      platform: meeting.platform,
      nativeId: meeting.nativeMeetingId ?? '',
      name: name ?? meeting.name ?? meeting.nativeMeetingId ?? `Meeting ${meeting.id}`,
      meetingUrl: meeting.meetingUrl,
      status: meeting.status,
      since: now,
      history: [{ status: meeting.status, at: now }],
      completionReason: meeting.completionReason,
      failureStage: meeting.failureStage,
      outcome: TERMINAL_STATUSES.has(meeting.status)
        ? explainOutcome(meeting.status, meeting.completionReason, meeting.failureStage)
        : null,
      // A problem reported before a restart shows again until lines or a new frame say otherwise.
      health: TERMINAL_STATUSES.has(meeting.status) ? null : (this.memory?.recall(meeting.id) ?? null),
    };
    this.meetings.set(meeting.id, tracked);
    this.events.onStatus(tracked, null);
    this.events.onChange();
    return tracked;
  }

  private toUpdate(m: Meeting): StatusUpdate {
    return {
      meetingId: m.id,
      platform: m.platform,
      nativeId: m.nativeMeetingId,
      status: m.status,
      at: null,
      completionReason: m.completionReason,
      failureStage: m.failureStage,
    };
  }

  /** Applies a status from any source; returns false when it was old news. */
  apply(update: StatusUpdate, name?: string): boolean {
    const m =
      update.meetingId !== null
        ? this.meetings.get(update.meetingId)
        : update.platform && update.nativeId
          ? this.find(update.platform, update.nativeId)
          : undefined;
    if (!m) return false;
    if (name) m.name = name;
    const moved = update.status !== m.status && !TERMINAL_STATUSES.has(m.status) && RANK[update.status] >= RANK[m.status];
    const details =
      (update.completionReason && update.completionReason !== m.completionReason) ||
      (update.failureStage && update.failureStage !== m.failureStage);
    const help = update.status === 'needs_help' && update.help && (moved || m.status === 'needs_help') ? update.help : null;
    if (!moved && !details && !help) return false;
    if (help) m.help = help;
    const previous = m.status;
    if (update.completionReason) m.completionReason = update.completionReason;
    if (update.failureStage) m.failureStage = update.failureStage;
    if (moved) {
      const now = this.clock.now();
      m.status = update.status;
      m.since = now;
      m.history.push({ status: update.status, at: now });
      if (update.status !== 'needs_help') m.help = null;
    }
    m.outcome = TERMINAL_STATUSES.has(m.status) ? explainOutcome(m.status, m.completionReason, m.failureStage) : null;
    // A finished meeting's outcome says what happened; a health problem was about the meeting running.
    if (TERMINAL_STATUSES.has(m.status) && m.health) {
      m.health = null;
      this.memory?.remember(m.id, null);
    }
    if (moved) this.events.onStatus(m, previous);
    this.events.onChange();
    return true;
  }

  /** A `health` frame for a running meeting (named by its link); false when no followed meeting matches. */
  applyHealth(report: HealthReport): boolean {
    const m = this.find(report.platform, report.nativeId);
    if (!m) return false;
    const { title, advice } = healthAdvice(report);
    const same = m.health?.problem === report.problem && m.health.title === title;
    m.health = { problem: report.problem, title, advice, detail: report.detail, at: this.clock.now() };
    this.memory?.remember(m.id, m.health);
    // Repeats (the server sends one every 15 s while it lasts) refresh the time without a redraw.
    if (!same) this.events.onChange();
    return true;
  }

  /** Lines are being transcribed again: the problem is over. */
  clearHealth(id: number): void {
    const m = this.meetings.get(id);
    if (!m?.health) return;
    m.health = null;
    this.memory?.remember(id, null);
    this.events.onChange();
  }

  /** Whether going from one status to another passed over steps a meeting usually takes. */
  static skipsSteps(from: MeetingStatus, to: MeetingStatus): boolean {
    return RANK[to] - RANK[from] > 1;
  }

  /**
   * Adds the steps the server recorded that this app did not see (a bot that moved on before the
   * app was listening): each at the server's time, kept between its neighbours so the history
   * stays in order whatever the two clocks say. Only steps before the current status are added.
   */
  fillFromTrail(id: number, trail: readonly StatusTransition[]): boolean {
    const m = this.meetings.get(id);
    if (!m) return false;
    let added = false;
    for (const t of trail) {
      const rank = RANK[t.to];
      if (rank === 0 || rank >= RANK[m.status] || TERMINAL_STATUSES.has(t.to) || m.history.some((h) => h.status === t.to)) continue;
      let i = 0;
      while (i < m.history.length && RANK[m.history[i]!.status] < rank) i++;
      const before = m.history[i - 1]?.at;
      const after = m.history[i]?.at;
      let at = t.at ?? before ?? after ?? this.clock.now();
      if (before !== undefined) at = Math.max(at, before);
      if (after !== undefined) at = Math.min(at, after);
      m.history.splice(i, 0, { status: t.to, at });
      added = true;
    }
    if (added) this.events.onChange();
    return added;
  }

  /** The user dismissed a finished meeting from the list. */
  dismiss(id: number): void {
    const m = this.meetings.get(id);
    if (m && TERMINAL_STATUSES.has(m.status)) {
      this.meetings.delete(id);
      this.events.onChange();
    }
  }
}
