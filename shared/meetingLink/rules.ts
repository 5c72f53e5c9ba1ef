import type { MeetingLink } from './types';

// Native id formats the servers check (reference §3). G1/G2 validate with pydantic; G3 only checks
// that an id is a bare token, because "ids that look wrong do join".
export const MEET_CODE = /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/;
export const MEET_NICKNAME = /^[a-z0-9][a-z0-9-]{3,38}[a-z0-9]$/;
export const ZOOM_ID = /^\d{9,11}$/;
export const TEAMS_NUMERIC_ID = /^\d{10,15}$/;
export const TEAMS_HEX_ID = /^[0-9a-f]{16}$/;
export const TEAMS_PASSCODE = /^[A-Za-z0-9]{4,20}$/;
export const JITSI_ROOM = /^[^/?#\s]+$/;
/** G3 takes the thread id from the URL-decoded link; `? # & =` are left out so the id stays a bare token. */
export const TEAMS_THREAD_ID = /19:meeting_[^@%\s/?#&=]+@thread\.v2/i;

export const G3_MAX_NATIVE_ID = 255;

/** Why G3 `POST /bots` would refuse this native id with a 422, or null when it accepts it. */
export function g3NativeIdProblem(id: string): string | null {
  if (id.length === 0) return 'empty';
  if (id.length > G3_MAX_NATIVE_ID) return 'longer than 255 characters';
  if (/[\u0000-\u001f\u007f]/.test(id)) return 'control characters';
  if (/[?#&=/\s]/.test(id)) return 'URL characters';
  return null;
}

/**
 * Whether G1/G2 accept `nativeMeetingId` as it is (their pydantic rules). When false, a client on
 * those generations sends `meeting_url` alone and lets the server derive the id: G2 turns a Teams
 * `/l/meetup-join/` link into `sha256(url)[:16]`; G1 cannot take Teams thread ids at all (issue #459).
 */
export function legacyNativeIdAccepted(link: MeetingLink): boolean {
  const id = link.nativeMeetingId;
  switch (link.platform) {
    case 'google_meet':
      return (MEET_CODE.test(id) || MEET_NICKNAME.test(id)) && link.passcode === undefined;
    case 'teams':
      return (TEAMS_NUMERIC_ID.test(id) || TEAMS_HEX_ID.test(id)) && (link.passcode === undefined || TEAMS_PASSCODE.test(link.passcode));
    case 'zoom':
      return ZOOM_ID.test(id) || link.meetingUrl !== undefined;
    case 'jitsi':
      // Jitsi is not in the G1/G2 platform enum.
      return false;
  }
}
