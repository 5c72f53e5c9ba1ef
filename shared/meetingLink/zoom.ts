import { toMeetingUrl, type Candidate } from './candidates';
import { ZOOM_ID } from './rules';
import { clip, found, refuse, type MeetingLinkResult } from './types';

const JOIN_LINK_HINT = 'paste the join link with the numeric meeting ID (zoom.us/j/…)';

/** zoom.us with its vanity and regional subdomains, and Zoom for Government. */
export function isZoomHost(host: string): boolean {
  return host === 'zoom.us' || host.endsWith('.zoom.us') || host === 'zoomgov.com' || host.endsWith('.zoomgov.com');
}

/**
 * Zoom links. The link is always kept: G3 has no Zoom URL builder and refuses Zoom without
 * `meeting_url`. The bot joins through the Zoom Meeting SDK, which needs the numeric meeting ID,
 * so pages without one (personal rooms, registration, recordings) are refused with what to paste.
 */
export function parseZoomUrl({ url, host }: Candidate): MeetingLinkResult | null {
  // Zoom Events hand each attendee a personal join link (the Vexa MCP parser refuses them too).
  if (host === 'events.zoom.us' || host.endsWith('.events.zoom.us') || host === 'ev.zoom.com') {
    return refuse(
      'unsupported_platform',
      'Zoom Events links are not supported: each attendee gets a personal join link the bot cannot use — ask the host for a regular Zoom meeting link.',
    );
  }
  if (!isZoomHost(host)) return null;
  const segments = url.pathname.split('/').filter(Boolean);
  const [first = '', second = '', third = ''] = segments.map((s) => s.toLowerCase());
  const passcode = url.searchParams.get('pwd') ?? url.searchParams.get('password') ?? undefined;

  let id: string | undefined;
  // Start links (/s/, or any link with a `zak` token) and the app protocol's /join?confno= are
  // rebuilt as a plain join link: `zak` would let whoever holds it start the meeting as the host.
  let rebuild = false;
  if ((first === 'j' || first === 'w') && second) id = segments[1];
  else if (first === 's' && second) [id, rebuild] = [segments[1], true];
  else if (first === 'wc' && second === 'join' && third) id = segments[2];
  else if (first === 'wc' && second && second !== 'join') id = segments[1];
  else if (first === 'join' && url.searchParams.has('confno')) [id, rebuild] = [url.searchParams.get('confno') ?? '', true];

  if (id === undefined) return refuse(...zoomRefusal(first, second));
  rebuild ||= url.searchParams.has('zak') || (first === 'wc' && third === 'start');
  if (!ZOOM_ID.test(id)) {
    return refuse('invalid_id', `“${clip(id)}” is not a Zoom meeting ID (9 to 11 digits) — check that the whole link was copied.`);
  }
  const meetingUrl = rebuild ? joinUrl(host, id, passcode) : toMeetingUrl(url);
  return found({ platform: 'zoom', nativeMeetingId: id, meetingUrl, ...(passcode ? { passcode } : {}) });
}

/** The join link every generation builds for Zoom (`https://zoom.us/j/{id}[?pwd=…]`), on the link's own host. */
export function joinUrl(host: string, id: string, passcode?: string): string {
  const url = new URL(`https://${host}/j/${id}`);
  if (passcode) url.searchParams.set('pwd', passcode);
  return url.href;
}

function zoomRefusal(first: string, second: string): ['registration_link' | 'personal_link' | 'missing_id', string] {
  if (first === 'webinar' && second === 'register') {
    return [
      'registration_link',
      'This is a Zoom webinar registration page. Register first, then paste the join link from the confirmation email.',
    ];
  }
  if (first === 'meeting' && second === 'register') {
    return [
      'registration_link',
      'This is a Zoom meeting registration page. Register first, then paste the join link from the confirmation email.',
    ];
  }
  if (first === 'my') {
    // G3 derives no id from it and the bot needs the meeting number (the Vexa MCP parser refuses it too).
    return ['personal_link', `This is a Zoom personal room link (zoom.us/my/…), which the bot cannot open — ${JOIN_LINK_HINT} instead.`];
  }
  if (first === 'rec') return ['missing_id', `This is a Zoom recording, not a live meeting — ${JOIN_LINK_HINT}.`];
  return ['missing_id', `This Zoom link does not lead to a meeting — ${JOIN_LINK_HINT}.`];
}
