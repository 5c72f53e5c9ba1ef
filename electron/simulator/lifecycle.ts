import type { SimContext } from './context';
import { statusFrames } from './frames';
import { TERMINAL, type MeetingRecord, type MeetingStatus } from './types';

export interface TransitionOptions {
  source?: string;
  completionReason?: string | null;
  failureStage?: string | null;
  reason?: string;
}

/** G3's trail holds only what the bot reported; the server's own requested/stopping are not in it. */
const G3_TRAIL: ReadonlySet<MeetingStatus> = new Set(['joining', 'awaiting_admission', 'active', 'needs_help', 'completed', 'failed']);

/**
 * Moves a meeting to `to`, writes the status trail, timestamps and terminal reasons, and
 * publishes the generation's WS frames. Repeating the current status is a no-op (as in G3's FSM).
 */
export function transition(ctx: SimContext, m: MeetingRecord, to: MeetingStatus, opts: TransitionOptions = {}): void {
  if (m.status === to) return;
  const from = m.status;
  const at = ctx.clock.now();
  m.status = to;
  m.updatedAt = at;
  if (to === 'active' && m.startTime === null) m.startTime = at;

  if (TERMINAL.has(to)) {
    m.endTime = at;
    m.completionReason = opts.completionReason ?? null;
    m.failureStage = opts.failureStage ?? null;
    // G1/G2 keep the reason in data (the dashboards read it there); G3 has top-level columns and
    // writes the terminal reasons into data as well.
    if (m.completionReason) m.data.completion_reason = m.completionReason;
    if (ctx.profile === 'g3') {
      if (m.failureStage) m.data.failure_stage = m.failureStage;
      m.data.segments_captured = [...m.segments.values()].filter((s) => s.completed).length;
      if (to === 'failed') m.data.last_error = { exit_code: 1, reason: opts.reason ?? m.completionReason, error_details: null };
    } else if (to === 'failed' && m.failureStage) {
      m.data.failure_stage = m.failureStage;
    }
  }

  recordTrail(ctx, m, from, to, at, opts);

  const frames = statusFrames(ctx.profile, m, to, at);
  if (frames.meeting) ctx.publisher.toMeeting(m.id, frames.meeting);
  if (frames.user) ctx.publisher.toUser(m.userId, frames.user);
  ctx.webhooks.onTransition(m, from, to);
  ctx.log(`meeting ${m.id} ${from} -> ${to}${opts.completionReason ? ` (${opts.completionReason})` : ''}`);
}

function recordTrail(ctx: SimContext, m: MeetingRecord, from: MeetingStatus, to: MeetingStatus, at: number, opts: TransitionOptions): void {
  if (ctx.profile === 'g3') {
    if (!G3_TRAIL.has(to)) return;
    const last = m.transitions[m.transitions.length - 1];
    m.transitions.push({
      from: last ? last.to : null,
      to,
      at,
      source: opts.source ?? 'bot_callback',
      ...(TERMINAL.has(to) && opts.reason ? { reason: opts.reason } : {}),
      ...(opts.completionReason ? { completionReason: opts.completionReason } : {}),
      ...(opts.failureStage ? { failureStage: opts.failureStage } : {}),
    });
    return;
  }
  // G1 labels every transition to stopping or completed as "user", bot-driven ones included.
  const source = ctx.profile === 'g1' && (to === 'stopping' || to === 'completed') ? 'user' : (opts.source ?? 'bot_callback');
  m.transitions.push({
    from,
    to,
    at,
    source,
    ...(opts.reason ? { reason: opts.reason } : {}),
    ...(opts.completionReason ? { completionReason: opts.completionReason } : {}),
    ...(opts.failureStage ? { failureStage: opts.failureStage } : {}),
  });
}
