import type { MeetingSummary } from '../../../shared/ipc/models';
import type { BadgeTone } from '../../app/theme/Badge';

const platformNames: Record<string, string> = {
  google_meet: 'Google Meet',
  teams: 'Microsoft Teams',
  zoom: 'Zoom',
  jitsi: 'Jitsi',
  browser_session: 'Browser session',
  discord: 'Discord',
};

export function platformLabel(platform: string): string {
  return platformNames[platform] ?? platform;
}

/** The meeting's name, else "Google Meet abc-defg-hij". */
export function meetingTitle(meeting: Pick<MeetingSummary, 'name' | 'platform' | 'nativeMeetingId' | 'id'>): string {
  const name = meeting.name?.trim();
  if (name) return name;
  return `${platformLabel(meeting.platform)} ${meeting.nativeMeetingId ?? `#${meeting.id}`}`;
}

// G1–G3 status vocabularies together; G3 persists `needs_help`, G2 names it `needs_human_help`.
const statuses: Record<string, { label: string; tone: BadgeTone }> = {
  scheduled: { label: 'Scheduled', tone: 'accent' },
  idle: { label: 'Idle', tone: 'neutral' },
  requested: { label: 'Requested', tone: 'info' },
  joining: { label: 'Joining', tone: 'info' },
  awaiting_admission: { label: 'In the lobby', tone: 'warn' },
  active: { label: 'Live', tone: 'success' },
  needs_help: { label: 'Needs help', tone: 'warn' },
  needs_human_help: { label: 'Needs help', tone: 'warn' },
  stopping: { label: 'Stopping', tone: 'info' },
  completed: { label: 'Completed', tone: 'neutral' },
  failed: { label: 'Failed', tone: 'danger' },
};

export function meetingStatus(status: string): { label: string; tone: BadgeTone } {
  return statuses[status] ?? { label: status.replace(/_/g, ' '), tone: 'neutral' };
}

/** The moment that best dates a meeting: when it started, else when it was requested. */
export function meetingTime(meeting: Pick<MeetingSummary, 'startTime' | 'createdAt'>): number | null {
  return meeting.startTime ?? meeting.createdAt;
}
