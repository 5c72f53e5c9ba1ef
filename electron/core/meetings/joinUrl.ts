import type { Platform } from '../../../shared/vexa/types';

/** The address a person opens to join (and admit the bot), when the server did not return one. */
export function joinUrlFor(
  platform: Platform,
  nativeId: string,
  passcode: string | undefined,
  meetingUrl: string | undefined,
): string | null {
  if (meetingUrl) return meetingUrl;
  const id = encodeURIComponent(nativeId);
  switch (platform) {
    case 'google_meet':
      return `https://meet.google.com/${id}`;
    case 'zoom':
      return `https://zoom.us/j/${id}${passcode ? `?pwd=${encodeURIComponent(passcode)}` : ''}`;
    case 'teams':
      return /^\d+$/.test(nativeId) ? `https://teams.live.com/meet/${id}${passcode ? `?p=${encodeURIComponent(passcode)}` : ''}` : null;
    case 'jitsi':
      return nativeId.includes('@') ? null : `https://meet.jit.si/${id}`;
  }
}
