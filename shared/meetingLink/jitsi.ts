import { toMeetingUrl, type Candidate } from './candidates';
import { JITSI_ROOM } from './rules';
import { clip, found, refuse, type MeetingLinkResult } from './types';

/** meet.jit.si, or a self-hosted deployment that G3 recognises by name. */
export function jitsiHostKind(host: string): 'public' | 'named' | 'generic' | null {
  if (host === 'meet.jit.si') return 'public';
  if (host.includes('jitsi')) return 'named';
  // Jitsi's recommended naming (meet.example.org); G3 trusts it only for a deliberately pasted
  // link, not when scanning free text, and so do we (see `parseMeetingLink`).
  if (host.split('.').includes('meet')) return 'generic';
  return null;
}

/**
 * Jitsi rooms, as G3 derives them: the path's single segment, kept exactly as in the URL (case and
 * percent-encoding), bare on meet.jit.si and `room@host` elsewhere. The link is always kept: G3 has
 * no Jitsi URL builder, and a self-hosted room only exists on its own deployment.
 */
export function parseJitsiUrl({ url, host }: Candidate): MeetingLinkResult | null {
  const kind = jitsiHostKind(host);
  if (!kind) return null;
  const room = url.pathname.replace(/^\/+|\/+$/g, '');
  if (!room) {
    return refuse('missing_id', `This Jitsi link has no room name — paste the full room link, e.g. https://${host}/YourRoom.`);
  }
  if (!JITSI_ROOM.test(room)) {
    return refuse('invalid_id', `“${clip(room)}” is not a Jitsi room name — paste the room link, e.g. https://${host}/YourRoom.`);
  }
  return found({ platform: 'jitsi', nativeMeetingId: kind === 'public' ? room : `${room}@${host}`, meetingUrl: toMeetingUrl(url) });
}
