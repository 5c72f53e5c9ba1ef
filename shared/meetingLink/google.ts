import type { Candidate } from './candidates';
import { MEET_CODE, MEET_NICKNAME } from './rules';
import { clip, found, refuse, type MeetingLinkResult } from './types';

const MEET_EXAMPLE = 'meet.google.com/abc-defg-hij';
// Pages on meet.google.com whose single path segment would pass the nickname rule.
const MEET_PAGES = new Set(['landing', 'about', 'calling', 'linkmeeting', 'whiteboard']);

/**
 * Google Meet links, short links and Google Calendar pages. The link is never kept: every
 * generation builds `https://meet.google.com/{id}` itself, and G1 refuses a Meet passcode.
 */
export function parseGoogleUrl({ url, host }: Candidate): MeetingLinkResult | null {
  const segments = url.pathname.split('/').filter(Boolean);
  if (host === 'meet.google.com') {
    if (segments[0]?.toLowerCase() === 'lookup') {
      return refuse(
        'lookup_link',
        `This is a Google Meet lookup link, which only works inside the organiser's Google Workspace — paste the meeting link (${MEET_EXAMPLE}) from the invite instead.`,
      );
    }
    // The installed Meet app shows meet.google.com/_meet/<code>.
    return meetId(segments[0]?.toLowerCase() === '_meet' ? segments.slice(1) : segments);
  }
  if (host === 'g.co' && segments[0]?.toLowerCase() === 'meet') return meetId(segments.slice(1));
  // The "More phone numbers" page in a Calendar invite carries the same meeting code.
  if (host === 'tel.meet') return meetId(segments);
  if (host === 'calendar.google.com' || host === 'calendar.app.google' || (isGoogleHost(host) && segments[0] === 'calendar')) {
    return refuse('calendar_link', 'This is a Google Calendar link, not a Meet link — open the event and copy the Meet link.');
  }
  return null;
}

const isGoogleHost = (host: string): boolean => host === 'google.com' || host === 'www.google.com';

function meetId(segments: string[]): MeetingLinkResult {
  const [first, ...rest] = segments;
  if (first === undefined || MEET_PAGES.has(first.toLowerCase())) {
    return refuse('missing_id', `This Google Meet link has no meeting code — paste the meeting link, which looks like ${MEET_EXAMPLE}.`);
  }
  const id = first.toLowerCase();
  if (rest.length === 0 && (MEET_CODE.test(id) || MEET_NICKNAME.test(id))) return found({ platform: 'google_meet', nativeMeetingId: id });
  return refuse(
    'invalid_id',
    `“${clip(segments.join('/'))}” is not a Google Meet code — check that the whole link was copied; it looks like ${MEET_EXAMPLE}.`,
  );
}
