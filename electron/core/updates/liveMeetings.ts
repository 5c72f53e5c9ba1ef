import type { TrackedMeetingView } from '../../../shared/ipc/models';

/**
 * Bots in a meeting or on their way in: restarting the app then drops their lobby alerts and live
 * captions until it is back (the bots themselves stay, they run on the server).
 */
const LIVE = new Set<TrackedMeetingView['status']>(['requested', 'joining', 'awaiting_admission', 'active', 'needs_help']);

/** The names of the followed meetings whose bot is live, to name them when asking before a restart. */
export function liveMeetingNames(tracked: readonly TrackedMeetingView[]): string[] {
  return tracked.filter((m) => LIVE.has(m.status)).map((m) => m.name || m.nativeId);
}
