import type { Meeting, MeetingStatus } from '../../../shared/vexa/types';
import type { ListMeetingsQuery } from './client';

const PLANNED: ReadonlySet<MeetingStatus> = new Set(['idle', 'scheduled']);

/** G1 ignores every `GET /meetings` parameter: the client applies them to the whole list itself. */
export function filterLocally(meetings: Meeting[], q: ListMeetingsQuery): Meeting[] {
  return meetings.filter(
    (m) =>
      (q.status === undefined || m.status === q.status) &&
      (q.platform === undefined || m.platform === q.platform) &&
      !(q.excludePlanned && PLANNED.has(m.status)),
  );
}

export function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.floor(n)));
}
