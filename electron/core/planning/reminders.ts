import type { PlanView } from '../../../shared/ipc/planning';

/**
 * When and how the app reminds a person of a scheduled bot. The server sends its bot about two
 * minutes early (`AUTO_JOIN_LEAD_S = 120`) and the bot waits up to 15 minutes in the lobby
 * (`DEFAULT_LOBBY_BUDGET_S = 900`; meeting-api `bot_spawn/auto_join.py`), so five minutes ahead
 * is before the bot sets out and leaves time to open the meeting.
 */
export const REMINDER_LEAD_MS = 5 * 60_000;

export const reminderKey = (p: Pick<PlanView, 'serverId' | 'id' | 'scheduledAt'>): string => `${p.serverId}:${p.id}:${p.scheduledAt}`;

/** Plans whose reminder is due now and not given yet; a plan moved to another time is reminded again. */
export function remindersDue(plans: readonly PlanView[], now: number, given: ReadonlySet<string>): PlanView[] {
  return plans.filter(
    (p) => p.scheduledAt !== null && now >= p.scheduledAt - REMINDER_LEAD_MS && now < p.scheduledAt && !given.has(reminderKey(p)),
  );
}

/** How long until the next reminder falls due (null: none is coming). */
export function nextReminderIn(plans: readonly PlanView[], now: number, given: ReadonlySet<string>): number | null {
  let next: number | null = null;
  for (const p of plans) {
    if (p.scheduledAt === null || p.scheduledAt <= now || given.has(reminderKey(p))) continue;
    const wait = Math.max(0, p.scheduledAt - REMINDER_LEAD_MS - now);
    next = next === null ? wait : Math.min(next, wait);
  }
  return next;
}

export function reminderText(p: PlanView, time: string): { title: string; body: string } {
  const title = `Coming up at ${time}: ${p.name}`;
  if (!p.autoJoin)
    return { title, body: 'No bot will join this one: you skipped it. Turn the bot back on in Coming up if you want a transcript.' };
  if (!p.link || p.platform === 'unknown') return { title, body: 'It has no meeting link, so no bot can join. Add the link in Coming up.' };
  return {
    title,
    body: 'The server sends its bot about 2 minutes before the start; it waits up to 15 minutes in the lobby for someone to let it in.',
  };
}
