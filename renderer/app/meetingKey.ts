/**
 * A followed meeting is (server id, the server's meeting id): two servers may both have meeting 7,
 * so stores that hold something per meeting key it by both.
 */
export interface MeetingKey {
  serverId: string;
  meetingId: number;
}

/** One string per meeting, for records and React keys. A server id never holds a newline. */
export function meetingKey(serverId: string, meetingId: number): string {
  return `${meetingId}\n${serverId}`;
}

/** The key of a meeting the core follows (`TrackedMeetingView`, whose id is the server's). */
export function keyOfTracked(meeting: { serverId: string; id: number }): string {
  return meetingKey(meeting.serverId, meeting.id);
}

export function sameMeeting(a: MeetingKey | null | undefined, b: MeetingKey | null | undefined): boolean {
  return Boolean(a && b && a.serverId === b.serverId && a.meetingId === b.meetingId);
}

/** The meeting a `meetingKey` names. */
export function parseMeetingKey(key: string): MeetingKey | null {
  const at = key.indexOf('\n');
  const meetingId = Number(key.slice(0, at));
  if (at < 0 || !Number.isSafeInteger(meetingId)) return null;
  return { meetingId, serverId: key.slice(at + 1) };
}
