/**
 * The meeting-link parser: what a person pastes (a link, an invite body, a typed meeting ID) →
 * the `platform`, `native_meeting_id`, `passcode` and `meeting_url` of `POST /bots`, or one
 * sentence saying what to paste instead. Pure and total: it never throws.
 *
 * Ids follow the G3 server's own derivation (`collector/meeting_link.py`), so the meeting the app
 * tracks has the id G3 would give it. Where G1/G2 would not accept that id (a Teams thread id),
 * `legacyNativeIdAccepted` says so and the client sends `meeting_url` alone on those servers.
 */
import { labelledPasscode, parseBareId } from './meetingLink/bareIds';
import { linkCandidates, type Candidate } from './meetingLink/candidates';
import { parseGoogleUrl } from './meetingLink/google';
import { jitsiHostKind, parseJitsiUrl } from './meetingLink/jitsi';
import { addressRefusal, knownHostRefusal, unknownHostRefusal } from './meetingLink/otherHosts';
import { g3NativeIdProblem, TEAMS_PASSCODE, TEAMS_THREAD_ID } from './meetingLink/rules';
import { parseTeamsUrl } from './meetingLink/teams';
import { clip, refuse, SUPPORTED_PLATFORMS, type MeetingLinkError, type MeetingLinkResult } from './meetingLink/types';
import { parseZoomUrl } from './meetingLink/zoom';
import type { ServerPlatform } from './vexa/types';

export type { MeetingLink, MeetingLinkError, MeetingLinkErrorCode, MeetingLinkResult } from './meetingLink/types';
export { g3NativeIdProblem, legacyNativeIdAccepted } from './meetingLink/rules';
export { linkOnServer, platformRefusal, type LinkOnServer } from './meetingLink/forServer';

export const MAX_MEETING_LINK_INPUT = 10_000;

// Codes that say more than "not a meeting link"; when no link in the text works, they win.
const GENERIC_CODES = new Set(['unsupported_host', 'not_a_link']);

export function parseMeetingLink(text: string): MeetingLinkResult {
  if (typeof text !== 'string' || text.trim() === '') return refuse('empty', `Paste a ${SUPPORTED_PLATFORMS} meeting link.`);
  if (text.length > MAX_MEETING_LINK_INPUT)
    return refuse('too_long', 'That text is too long to hold a meeting link — paste just the link.');
  try {
    // Rich text carries invisible characters into links: zero-width spaces, and the bidi marks
    // Google Calendar puts around phone numbers.
    return parseText(text.replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '').trim());
  } catch {
    // A safety net: the fuzz test checks that no input reaches it.
    return refuse('not_a_link', UNREADABLE);
  }
}

export const UNREADABLE = 'Vexa could not read a meeting link in that text — paste just the link.';

const notALink = `No meeting link found — paste the ${SUPPORTED_PLATFORMS} link from the invite, e.g. https://meet.google.com/abc-defg-hij.`;

function parseText(text: string): MeetingLinkResult {
  let looseMatch: MeetingLinkResult | undefined;
  let specificError: MeetingLinkError | undefined;
  let genericError: MeetingLinkError | undefined;
  for (const candidate of linkCandidates(text)) {
    const result = parseCandidate(candidate);
    if (result.ok) {
      // A `meet.*` host is taken for Jitsi only when nothing in the text is a surer match, as G3
      // does when it scans free text.
      if (result.value.platform !== 'jitsi' || jitsiHostKind(candidate.host) !== 'generic') return withInvitePasscode(result, text);
      looseMatch ??= result;
    } else if (GENERIC_CODES.has(result.code)) genericError ??= result;
    else specificError ??= result;
  }
  if (looseMatch) return looseMatch;
  const bare = parseBareId(text);
  if (bare) return finalCheck(bare);
  return specificError ?? genericError ?? refuse('not_a_link', notALink);
}

function parseCandidate(candidate: Candidate): MeetingLinkResult {
  const result =
    addressRefusal(candidate.host) ??
    parseGoogleUrl(candidate) ??
    parseTeamsUrl(candidate) ??
    parseZoomUrl(candidate) ??
    knownHostRefusal(candidate) ??
    parseJitsiUrl(candidate) ??
    unknownHostRefusal(candidate.host);
  return finalCheck(result);
}

/** Every id leaves here acceptable to G3, which refuses URL characters in a native id. */
function finalCheck(result: MeetingLinkResult): MeetingLinkResult {
  if (!result.ok || g3NativeIdProblem(result.value.nativeMeetingId) === null) return result;
  return refuse(
    'invalid_id',
    `“${clip(result.value.nativeMeetingId)}” cannot be used as a meeting ID — paste the meeting link exactly as the invite gives it.`,
  );
}

/** An invite's "Passcode:" line completes a Zoom or Teams `/meet/` link that does not carry one. */
function withInvitePasscode(result: MeetingLinkResult, text: string): MeetingLinkResult {
  if (!result.ok || result.value.passcode !== undefined) return result;
  const { value } = result;
  if (value.platform !== 'zoom' && (value.platform !== 'teams' || TEAMS_THREAD_ID.test(value.nativeMeetingId))) return result;
  const passcode = labelledPasscode(text);
  if (!passcode || (value.platform === 'teams' && !TEAMS_PASSCODE.test(passcode))) return result;
  return { ok: true, value: { ...value, passcode } };
}

// Known meeting hosts and a lone Meet code; bare numbers are left out on purpose (phone and order
// numbers on the clipboard would look like meetings).
const LOOKS_LIKE =
  /meet\.google\.com|g\.co\/meet|teams\.(?:microsoft|live)\.|msteams:|zoom\.us\/|zoomgov\.com\/|zoommtg:|meet\.jit\.si\/|jitsi[\w.-]*\/|^\s*[<"'`]?[a-z]{3}-[a-z]{4}-[a-z]{3}[>"'`]?\s*$/i;

/** A cheap check for offering the clipboard when the window gains focus: a known meeting link that parses. */
export function looksLikeMeetingLink(text: string): boolean {
  if (typeof text !== 'string' || text.length > MAX_MEETING_LINK_INPUT || !LOOKS_LIKE.test(text)) return false;
  return parseMeetingLink(text).ok;
}

const PLATFORM_LABELS: Record<string, string> = {
  google_meet: 'Google Meet',
  teams: 'Microsoft Teams',
  zoom: 'Zoom',
  jitsi: 'Jitsi',
  // Values G2 servers may send for meetings that no bot joined.
  browser_session: 'Browser session',
  discord: 'Discord',
};

/** The name people know a platform by; an unknown server value is shown as it is. */
export function platformLabel(platform: ServerPlatform): string {
  return PLATFORM_LABELS[platform] ?? platform;
}
