import type { Platform } from '../vexa/types';

/**
 * A meeting a bot can be sent to: the fields of `POST /bots`. `meetingUrl` is always https and is
 * present wherever the server cannot build a joinable URL from the id by itself.
 */
export interface MeetingLink {
  platform: Platform;
  nativeMeetingId: string;
  passcode?: string;
  meetingUrl?: string;
}

export type MeetingLinkErrorCode =
  | 'empty'
  | 'too_long'
  | 'not_a_link'
  | 'calendar_link'
  | 'lookup_link'
  | 'short_link'
  | 'registration_link'
  | 'personal_link'
  | 'unsupported_host'
  | 'unsupported_platform'
  | 'private_address'
  | 'ip_address'
  | 'missing_id'
  | 'invalid_id';

/** Shaped like the IPC `Err` envelope so a handler can return it as it is. */
export interface MeetingLinkError {
  ok: false;
  code: MeetingLinkErrorCode;
  message: string;
}

export type MeetingLinkResult = { ok: true; value: MeetingLink } | MeetingLinkError;

export const found = (value: MeetingLink): MeetingLinkResult => ({ ok: true, value });
export const refuse = (code: MeetingLinkErrorCode, message: string): MeetingLinkError => ({ ok: false, code, message });

export const SUPPORTED_PLATFORMS = 'Google Meet, Microsoft Teams, Zoom or Jitsi';

/** Shortens a piece of the user's input quoted back in a message. */
export function clip(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
