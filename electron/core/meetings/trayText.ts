import { isolate } from '../../../shared/bidi';
import { STATUS_LABELS } from '../../../shared/meetings/outcome';
import type { MeetingStatus } from '../../../shared/vexa/types';

/**
 * A followed meeting in the tray menu: its name, then its status in the app's words. The OS draws
 * the label as one line, so the server's name is isolated and cannot reorder the status.
 */
export function trayItemLabel(name: string, status: MeetingStatus): string {
  return `${isolate(name)}: ${STATUS_LABELS[status]}`;
}

/** A scheduled bot in the tray menu: when, what, and whether a bot will come. */
export function trayUpcomingLabel(name: string, time: string, autoJoin: boolean): string {
  return `${time} · ${isolate(name)}${autoJoin ? '' : ' (no bot: skipped)'}`;
}
