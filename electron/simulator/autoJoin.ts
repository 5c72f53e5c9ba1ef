import { randomBytes } from 'node:crypto';
import type { SimContext } from './context';
import { userStatusFrame } from './frames';
import { scenarioFromBotName } from './scenarios';
import type { MeetingRecord } from './types';

/**
 * G3's auto-join sweep (meeting-api `bot_spawn/auto_join.py`): a `scheduled` plan with a joinable
 * link and `data.auto_join` not false is dispatched once `scheduled_at` is within
 * `DEFAULT_LEAD_S = 120` (two minutes early, so the bot stands in the lobby when the meeting
 * starts) and never more than `DEFAULT_GRACE_S = 600` after it; the sweep runs every 30 s
 * (docs/docs/how-to/calendar-sync.mdx "Bot scheduling"). The bot then waits up to the 15-minute
 * lobby budget (`DEFAULT_LOBBY_BUDGET_S = 900`). All in simulated time, so a faster simulator
 * dispatches sooner.
 */
export const AUTO_JOIN_LEAD_MS = 120_000;
export const AUTO_JOIN_GRACE_MS = 600_000;
export const AUTO_JOIN_SWEEP_MS = 30_000;

/** The pure due-filter (`due_rows`): the user's stop and `auto_join: false` come first. */
export function dueForAutoJoin(m: MeetingRecord, now: number): boolean {
  if (m.status !== 'scheduled' || m.stopRequested) return false;
  if (m.data.stop_requested === true || m.data.auto_join === false) return false;
  if (!m.nativeId || !m.platform || m.platform === 'unknown') return false;
  const at = typeof m.data.scheduled_at === 'string' ? Date.parse(m.data.scheduled_at) : Number.NaN;
  if (!Number.isFinite(at)) return false;
  return now >= at - AUTO_JOIN_LEAD_MS && now <= at + AUTO_JOIN_GRACE_MS;
}

/**
 * The bot name a calendar plan carries: the first auto-joining source's (`_calendar_bot_name`),
 * else null (the server's default).
 */
function calendarBotName(m: MeetingRecord): string | null {
  const sources = Array.isArray(m.data.calendar_sources) ? (m.data.calendar_sources as Array<Record<string, unknown>>) : [];
  const source = sources.find((s) => s.auto_join !== false) ?? sources[0];
  return typeof source?.bot_name === 'string' && source.bot_name.trim() ? source.bot_name.trim() : null;
}

/**
 * Sending a bot to a planned meeting "upgrades the same record in place" (meetings.mdx): the row
 * keeps its id, title and `scheduled_at` and moves to `requested`; the bot lifecycle owns it from
 * here, so PATCH/DELETE answer 409.
 */
export function claimPlanned(ctx: SimContext, m: MeetingRecord, botName: string | null): void {
  const at = ctx.clock.now();
  m.status = 'requested';
  m.botContainerId = randomBytes(32).toString('hex');
  m.botName = botName;
  m.scenario = scenarioFromBotName(botName, ctx.defaultScenario);
  m.updatedAt = at;
  m.data = {
    ...m.data,
    constructed_meeting_url: m.constructedUrl,
    transcribe_enabled: true,
    recording_enabled: true,
    sessions: [m.sessionUid],
  };
  ctx.publisher.toUser(m.userId, userStatusFrame(m, 'requested', at));
  ctx.log(`meeting ${m.id} claimed from its plan: ${m.platform}/${m.nativeId} scenario=${m.scenario}`);
  ctx.lifecycle.start(m.id);
}

/** One sweep: dispatch every due plan. Returns the ids dispatched. */
export function autoJoinTick(ctx: SimContext): number[] {
  const now = ctx.clock.now();
  const due = ctx.meetings.all().filter((m) => dueForAutoJoin(m, now));
  for (const m of due) {
    m.data.auto_join_last_attempt = new Date(now).toISOString();
    claimPlanned(ctx, m, calendarBotName(m));
  }
  return due.map((m) => m.id);
}

/** Runs the sweep every 30 simulated seconds until the returned function is called. */
export function startAutoJoin(ctx: SimContext): () => void {
  let cancel: (() => void) | null = null;
  let stopped = false;
  const loop = (): void => {
    if (stopped) return;
    autoJoinTick(ctx);
    cancel = ctx.clock.after(AUTO_JOIN_SWEEP_MS, loop);
  };
  cancel = ctx.clock.after(AUTO_JOIN_SWEEP_MS, loop);
  return () => {
    stopped = true;
    cancel?.();
  };
}
