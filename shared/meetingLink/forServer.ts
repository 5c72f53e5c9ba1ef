import type { ServerGeneration } from '../vexa/capabilities';
import type { Platform } from '../vexa/types';
import { legacyNativeIdAccepted } from './rules';
import { sha256Hex } from './sha256';
import type { MeetingLink } from './types';

/**
 * Where each server generation can send a bot (reference §3, "Platform enums"): Jitsi is in the
 * G3 `invocation.v1` enum only; G1/G2 answer a Jitsi request with their raw enum error.
 */
const BOT_PLATFORMS: Record<ServerGeneration, readonly Platform[]> = {
  g1: ['google_meet', 'teams', 'zoom'],
  g2: ['google_meet', 'teams', 'zoom'],
  g3: ['google_meet', 'teams', 'zoom', 'jitsi'],
};

const PLATFORM_NAMES: Record<Platform, string> = { google_meet: 'Google Meet', teams: 'Microsoft Teams', zoom: 'Zoom', jitsi: 'Jitsi' };
const GENERATION_NAMES: Record<ServerGeneration, string> = { g1: 'Vexa 0.9', g2: 'Vexa 0.10', g3: 'Vexa 0.12' };

/** Why this server cannot send a bot to the platform, said before anything is sent; null when it can. */
export function platformRefusal(platform: Platform, generation: ServerGeneration): string | null {
  if (BOT_PLATFORMS[generation].includes(platform)) return null;
  const needs = (Object.keys(BOT_PLATFORMS) as ServerGeneration[]).find((g) => BOT_PLATFORMS[g].includes(platform));
  return `This server (${GENERATION_NAMES[generation]}) cannot send bots to ${PLATFORM_NAMES[platform]} meetings${
    needs ? `; that needs ${GENERATION_NAMES[needs]} or later` : ''
  }. Use another server, or a link to another kind of meeting.`;
}

/** What `POST /bots` carries for a link on one server: the id the meeting will be filed under, and whether it is sent. */
export interface LinkOnServer {
  nativeMeetingId: string;
  /** False: the server derives the id from `meeting_url` itself (G1 with a Teams thread id). */
  sendId: boolean;
}

/**
 * The one id a link stands for on a server, shown in the preview and sent alike. G3 takes the
 * parser's id. G1/G2 refuse ids their pydantic rules reject; for a Teams `/l/meetup-join/` link
 * G2 files the meeting under `sha256(meeting_url)[:16]`, so the app computes that id and sends
 * it with the link (a 16-hex id is one G2 accepts, and `meeting_url` is what the bot joins).
 */
export function linkOnServer(link: MeetingLink, generation: ServerGeneration): LinkOnServer {
  if (generation === 'g3' || legacyNativeIdAccepted(link) || !link.meetingUrl)
    return { nativeMeetingId: link.nativeMeetingId, sendId: true };
  if (generation === 'g2' && link.platform === 'teams' && link.meetingUrl.includes('/l/meetup-join/')) {
    return { nativeMeetingId: sha256Hex(link.meetingUrl).slice(0, 16), sendId: true };
  }
  return { nativeMeetingId: link.nativeMeetingId, sendId: false };
}
