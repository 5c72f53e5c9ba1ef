import type { Lifecycle, SimContext } from './context';
import { TranscriptFeed } from './feed';
import { HEALTH_EVERY_MS, NO_SIGNAL, PAYMENT_REQUIRED, publishHealth, sttFaultData, type HealthFault } from './health';
import { transition } from './lifecycle';
import { pyZulu } from './profiles';
import { longScript, planningScript, type ScriptLine } from './script';
import { SIM_SCENARIOS, TERMINAL, type MeetingRecord, type SimScenario } from './types';

/** Base timings in simulated milliseconds; the clock's time scale divides them. */
export const TIMINGS = {
  requestedToJoining: 2_000,
  joiningToLobby: 3_000,
  lobbyWait: 5_000,
  lobbyTimeout: 20_000,
  rejectAfter: 6_000,
  joinFailureAfter: 4_000,
  silence: 20_000,
  leaveAfterScript: 3_000,
  crashAfterScript: 800,
  stopToTerminal: 1_500,
  /** G1/G2 finish a pre-active bot at once when it is stopped this young. */
  fastStopAge: 5_000,
} as const;

const CRASH_AFTER_LINES = 9;

/** completion_reason values G1 knows; newer ones are left out of a G1 row. */
const G1_REASONS = new Set([
  'stopped',
  'validation_error',
  'awaiting_admission_timeout',
  'awaiting_admission_rejected',
  'left_alone',
  'evicted',
]);

/**
 * Parses the scenario from a bot name (`sim:<scenario>...`), like the real repo's mock bot reads
 * `mock:<scenario>`.
 */
export function scenarioFromBotName(botName: string | null | undefined, fallback: SimScenario): SimScenario {
  const match = /^sim:([a-z-]+)/.exec(botName ?? '');
  const candidate = match?.[1];
  return SIM_SCENARIOS.find((s) => s === candidate) ?? fallback;
}

export class ScenarioRunner implements Lifecycle {
  private readonly timers = new Map<number, Set<() => void>>();
  private readonly feeds = new Map<number, TranscriptFeed>();

  constructor(private readonly getContext: () => SimContext) {}

  private get ctx(): SimContext {
    return this.getContext();
  }

  start(meetingId: number): void {
    this.after(meetingId, TIMINGS.requestedToJoining, (m) => {
      transition(this.ctx, m, 'joining');
      if (m.scenario === 'join-failure') {
        this.after(m.id, TIMINGS.joinFailureAfter, (mm) => this.fail(mm, 'join_failure', 'joining'));
        return;
      }
      this.after(m.id, TIMINGS.joiningToLobby, (mm) => this.enterLobby(mm));
    });
  }

  admit(meetingId: number): 'admitted' | 'pending' | 'ignored' {
    const m = this.ctx.meetings.get(meetingId);
    if (!m || m.stopRequested) return 'ignored';
    if (m.status === 'awaiting_admission' || m.status === 'needs_help' || m.status === 'needs_human_help') {
      this.cancel(m.id);
      this.admitted(m);
      return 'admitted';
    }
    if (m.status === 'requested' || m.status === 'joining') {
      m.admitPending = true;
      return 'pending';
    }
    return 'ignored';
  }

  stop(meetingId: number): void {
    const m = this.ctx.meetings.get(meetingId);
    if (!m || TERMINAL.has(m.status)) return;
    const ctx = this.ctx;
    const wasActive = m.status === 'active' || m.status === 'stopping';
    this.cancel(m.id);
    this.feeds.get(m.id)?.stop();
    this.feeds.delete(m.id);

    if (ctx.profile !== 'g3') {
      const young = ctx.clock.now() - m.createdAt < TIMINGS.fastStopAge;
      if (!wasActive && young) {
        transition(ctx, m, 'completed', { source: 'user', completionReason: 'stopped' });
        return;
      }
      transition(ctx, m, 'stopping', { source: 'user' });
      this.after(m.id, TIMINGS.stopToTerminal, (mm) =>
        transition(ctx, mm, 'completed', { source: 'bot_callback', completionReason: 'stopped' }),
      );
      return;
    }

    m.stopRequested = true;
    m.data.stop_requested = true;
    if (wasActive) {
      transition(ctx, m, 'stopping', { source: 'user_stop' });
      this.after(m.id, TIMINGS.stopToTerminal, (mm) =>
        transition(ctx, mm, 'completed', { source: 'user_stop', completionReason: 'stopped', reason: 'stopped by user' }),
      );
      return;
    }
    // A pre-active G3 bot keeps its status; its workload is deleted and the runtime forces the end.
    // A bot stuck in needs_help never got in: it fails at the lobby stage.
    const stage = m.status === 'needs_help' ? 'awaiting_admission' : m.status;
    this.after(m.id, TIMINGS.stopToTerminal, (mm) =>
      transition(ctx, mm, 'failed', {
        source: 'runtime_destroy',
        completionReason: 'stopped',
        failureStage: stage,
        reason: 'stopped by user',
      }),
    );
  }

  forget(meetingId: number): void {
    this.cancel(meetingId);
    this.feeds.get(meetingId)?.stop();
    this.feeds.delete(meetingId);
  }

  /** Cancels every pending timer (close). */
  shutdown(): void {
    for (const id of [...this.timers.keys()]) this.cancel(id);
    this.feeds.clear();
  }

  private enterLobby(m: MeetingRecord): void {
    transition(this.ctx, m, 'awaiting_admission');
    if (m.admitPending) {
      this.after(m.id, 300, (mm) => this.admitted(mm));
      return;
    }
    switch (m.scenario) {
      case 'lobby-wait':
        return;
      case 'needs-help':
        // G1 has no such state: its bot simply waits in the lobby.
        if (this.ctx.profile !== 'g1') this.after(m.id, TIMINGS.lobbyWait, (mm) => this.escalate(mm));
        return;
      case 'lobby-timeout':
        this.after(m.id, TIMINGS.lobbyTimeout, (mm) => this.fail(mm, 'awaiting_admission_timeout', 'awaiting_admission'));
        return;
      case 'rejected':
        this.after(m.id, TIMINGS.rejectAfter, (mm) => this.fail(mm, 'awaiting_admission_rejected', 'awaiting_admission'));
        return;
      default:
        this.after(m.id, TIMINGS.lobbyWait, (mm) => this.admitted(mm));
    }
  }

  /** The bot cannot get in by itself and asks for a person; it stays there until admitted or stopped. */
  private escalate(m: MeetingRecord): void {
    if (m.status !== 'awaiting_admission') return;
    transition(this.ctx, m, this.ctx.profile === 'g3' ? 'needs_help' : 'needs_human_help', { reason: 'admission needs a person' });
  }

  private admitted(m: MeetingRecord): void {
    transition(this.ctx, m, 'active');
    if (m.scenario === 'silence') {
      this.after(m.id, TIMINGS.silence, (mm) => this.complete(mm, 'left_alone'));
      return;
    }
    if (m.scenario === 'no-audio' || m.scenario === 'stt-fault') {
      this.faulty(m, m.scenario === 'no-audio' ? NO_SIGNAL : PAYMENT_REQUIRED);
      return;
    }
    if (m.scenario === 'crash') {
      this.speak(m, planningScript().slice(0, CRASH_AFTER_LINES), () =>
        this.after(m.id, TIMINGS.crashAfterScript, (mm) => this.fail(mm, 'join_failure', 'active', 'bot process exited unexpectedly')),
      );
      return;
    }
    const lines = m.scenario === 'long' ? longScript(this.ctx.longLines) : planningScript().slice(0, this.ctx.scriptLines ?? undefined);
    this.speak(m, lines, () => this.after(m.id, TIMINGS.leaveAfterScript, (mm) => this.complete(mm, 'left_alone')));
  }

  /**
   * Admitted, but nothing reaches the transcript: no audio arrives (`no-audio`), or the
   * speech-to-text backend refuses every chunk (`stt-fault`). G3 says so in-band with `health`
   * frames (health.ts) and, for the refused chunks, in `data.stt_fault` at the end; G1/G2 only end
   * with an empty transcript.
   */
  private faulty(m: MeetingRecord, fault: HealthFault): void {
    const firstAt = this.ctx.clock.now();
    let reported = 0;
    const report = (mm: MeetingRecord): void => {
      if (this.ctx.profile === 'g3') publishHealth(this.ctx, mm, fault);
      reported++;
      if (reported * HEALTH_EVERY_MS < TIMINGS.silence) this.after(mm.id, HEALTH_EVERY_MS, report);
    };
    report(m);
    this.after(m.id, TIMINGS.silence, (mm) => {
      if (fault === NO_SIGNAL) return this.complete(mm, 'left_alone');
      // Every two-second chunk of the meeting was refused.
      const chunks = Math.round(TIMINGS.silence / 2_000);
      if (this.ctx.profile === 'g3') mm.data.stt_fault = sttFaultData(fault, chunks, pyZulu(firstAt));
      transition(this.ctx, mm, 'completed', { completionReason: 'stopped', reason: `stt_degraded: ${fault.kind}×${chunks}` });
    });
  }

  private speak(m: MeetingRecord, lines: ScriptLine[], onEnd: () => void): void {
    const feed = new TranscriptFeed(this.ctx, m, lines, () => {
      this.feeds.delete(m.id);
      onEnd();
    });
    this.feeds.set(m.id, feed);
    feed.start();
  }

  private complete(m: MeetingRecord, reason: string): void {
    transition(this.ctx, m, 'completed', { completionReason: this.reasonFor(reason), reason });
  }

  private fail(m: MeetingRecord, reason: string, stage: string, detail?: string): void {
    this.feeds.get(m.id)?.stop();
    this.feeds.delete(m.id);
    transition(this.ctx, m, 'failed', { completionReason: this.reasonFor(reason), failureStage: stage, reason: detail ?? reason });
  }

  private reasonFor(reason: string): string | null {
    return this.ctx.profile === 'g1' && !G1_REASONS.has(reason) ? null : reason;
  }

  private after(meetingId: number, virtualMs: number, fn: (m: MeetingRecord) => void): void {
    let set = this.timers.get(meetingId);
    if (!set) {
      set = new Set();
      this.timers.set(meetingId, set);
    }
    const timers = set;
    const cancel = this.ctx.clock.after(virtualMs, () => {
      timers.delete(cancel);
      const m = this.ctx.meetings.get(meetingId);
      if (m && !TERMINAL.has(m.status)) fn(m);
    });
    timers.add(cancel);
  }

  private cancel(meetingId: number): void {
    const set = this.timers.get(meetingId);
    if (!set) return;
    for (const c of set) c();
    this.timers.delete(meetingId);
  }
}
