import { unwrapPasted } from './candidates';
import { MEET_CODE, TEAMS_PASSCODE } from './rules';
import { found, type MeetingLinkResult } from './types';
import { joinUrl } from './zoom';

// People type meeting IDs the way invites print them: "123 4567 8901", "123-4567-8901".
const DIGITS_AS_TYPED = /^\d[\d \u00a0.-]{7,24}\d$/;
const MEETING_ID_LABEL = /\bmeeting\s*(?:id|number)\s*[:：#]?\s*(\d[\d \u00a0.-]{7,24}\d)/i;
const MEET_CODE_LABEL = /\b(?:meeting\s+)?code\s*[:：]?\s*([a-z]{3}-[a-z]{4}-[a-z]{3})\b/i;
const PASSCODE_LABEL = /\b(?:passcode|password|pass\s+code)\s*[:：]\s*([^\s,;]{3,64})/i;

/**
 * A meeting typed or pasted without a link: a Meet code, or a numeric ID, bare or labelled
 * "Meeting ID:" in an invite.
 *
 * Numeric IDs are ambiguous: Zoom uses 9 to 11 digits and Teams 10 to 15 (the G1/G2 rules), so 10
 * and 11 digits fit both. As in the Vexa Dashboard, up to 11 digits means Zoom and 12 or more means
 * Teams, unless the text names one of the two services. A Teams ID typed by hand gets no link: the
 * host it lives on is unknown, and G3 builds an unjoinable URL from a numeric id (issues #843,
 * #1355), so the join form should ask for the link on G3.
 */
export function parseBareId(text: string): MeetingLinkResult | null {
  const whole = unwrapPasted(text);
  if (MEET_CODE.test(whole.toLowerCase())) return found({ platform: 'google_meet', nativeMeetingId: whole.toLowerCase() });
  const code = MEET_CODE_LABEL.exec(text)?.[1];
  if (code && /google|meet/i.test(text)) return found({ platform: 'google_meet', nativeMeetingId: code.toLowerCase() });

  const typed = DIGITS_AS_TYPED.test(whole) ? whole : MEETING_ID_LABEL.exec(text)?.[1];
  if (!typed) return null;
  const id = typed.replace(/\D/g, '');
  const passcode = labelledPasscode(text);
  const platform = numericPlatform(id.length, /zoom/i.test(text), /teams|microsoft/i.test(text));
  if (platform === 'zoom')
    return found({ platform, nativeMeetingId: id, meetingUrl: joinUrl('zoom.us', id), ...(passcode ? { passcode } : {}) });
  if (platform === 'teams')
    return found({ platform, nativeMeetingId: id, ...(passcode && TEAMS_PASSCODE.test(passcode) ? { passcode } : {}) });
  return null;
}

function numericPlatform(digits: number, saysZoom: boolean, saysTeams: boolean): 'zoom' | 'teams' | null {
  const zoomLength = digits >= 9 && digits <= 11;
  const teamsLength = digits >= 10 && digits <= 15;
  if (saysZoom !== saysTeams) return saysZoom ? (zoomLength ? 'zoom' : null) : teamsLength ? 'teams' : null;
  return zoomLength ? 'zoom' : teamsLength ? 'teams' : null;
}

/** The "Passcode: …" line of an invite, for a link that does not carry one. */
export function labelledPasscode(text: string): string | undefined {
  return PASSCODE_LABEL.exec(text)?.[1];
}
