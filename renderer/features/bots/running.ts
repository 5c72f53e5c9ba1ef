import type { RunningBotView, TrackedMeetingView } from '../../../shared/ipc/models';
import { explainOutcome, movesForward } from '../../../shared/meetings/outcome';
import type { BadgeTone } from '../../app/theme/Badge';
import { canStop, isFinished, meetingChip } from './describe';

/** One row of a server's running list, as the person should see it now. */
export interface RunningRow {
  bot: RunningBotView;
  chip: { label: string; tone: BadgeTone };
  /** Why an ended bot is still listed (the list was read before it ended); null while it runs. */
  ended: string | null;
  stoppable: boolean;
}

/** The followed meeting a running bot belongs to, on the same server. */
export function trackedFor(meetings: readonly TrackedMeetingView[], bot: RunningBotView): TrackedMeetingView | undefined {
  return meetings.find((m) => {
    if (m.serverId !== bot.serverId) return false;
    if (bot.meetingId !== null) return m.id === bot.meetingId;
    return m.platform === bot.platform && m.nativeId === bot.nativeMeetingId;
  });
}

/**
 * `GET /bots/status` is a snapshot; the meetings the app follows get every status change as it
 * happens. Statuses only move forward, so whichever of the two is further along is the truth: a
 * bot that timed out in the lobby after the list was read shows as ended, with no Stop button.
 */
export function runningRows(bots: readonly RunningBotView[], meetings: readonly TrackedMeetingView[]): RunningRow[] {
  return bots.map((bot) => {
    const tracked = trackedFor(meetings, bot);
    const newer = tracked && movesForward(bot.status, tracked.status);
    const meeting = newer ? tracked : { status: bot.status, completionReason: null, failureStage: null };
    const ended = isFinished(meeting.status) ? explainOutcome(meeting.status, meeting.completionReason, meeting.failureStage) : null;
    return { bot, chip: meetingChip(meeting), ended, stoppable: canStop(meeting.status) };
  });
}

/**
 * What changes when a bot on this server starts, is admitted or ends: the running list is read
 * again whenever this changes, so it never says "none" while the app's own bots transcribe.
 */
export function runningSignature(meetings: readonly TrackedMeetingView[], serverId: string): string {
  return meetings
    .filter((m) => m.serverId === serverId)
    .map((m) => `${m.id}:${m.status}`)
    .sort()
    .join(',');
}
