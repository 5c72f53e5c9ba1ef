/** G1 = v0.5–v0.9, G2 = v0.10.x, G3 = v0.12.x (Vexa Cloud today). */
export type ServerGeneration = 'g1' | 'g2' | 'g3';

export const SERVER_GENERATIONS: readonly ServerGeneration[] = ['g1', 'g2', 'g3'];

/** What a server generation can do, so that the app hides or explains what is missing instead of failing. */
export interface ServerCapabilities {
  /** `GET /auth/me` (G2+). */
  authMe: boolean;
  /** `PUT /bots/{p}/{n}/config`: G3 forwards it to a route that does not exist (404). */
  botConfigUpdate: boolean;
  /** Share links anyone can open (`/public/transcripts/{id}.txt`), G1/G2. */
  publicShareLinks: boolean;
  /** Share capability tokens redeemed by another Vexa user, G3. */
  shareTokens: boolean;
  /** PATCH of name/notes/participants/languages: G3 turned PATCH into a planned-meeting editor. */
  meetingEdit: boolean;
  /** `GET /meetings` honours limit/offset/status/platform (G1 returns everything). */
  pagedMeetings: boolean;
  /** `GET /meetings/{id}` (G1 has no such route). */
  meetingById: boolean;
  /** `GET /transcripts/by-id/{id}` (G3). */
  transcriptsById: boolean;
  /** `GET /bots` meeting list (G2+). */
  botsList: boolean;
  /** `GET /bots/{p}/{n}/chat` returns messages (G3 always answers an empty list; chat arrives as segments). */
  chat: boolean;
  /** Planned meetings, deleted by row id (`DELETE /meetings/{id}`), even without a meeting link (G3). */
  plannedMeetings: boolean;
  /** `/user/calendars`: up to ten ICS feeds, each with its own bot name and auto-join (G3). */
  calendars: boolean;
  /**
   * A meeting's audio: `/recordings` list and `/recordings/{id}/media/{media_id}/raw` with HTTP
   * Range. Every generation has it (G1: the bot-manager era gateway's "Recording Routes" and the
   * transcript's `recordings`; G2: meeting-api `recordings.py`; G3: docs/docs/api/meetings.mdx).
   */
  recordings: boolean;
  /**
   * Who took part, as the server lists it: G2 `GET /bots/{p}/{n}/participants` (speakers with their
   * talk time), G3 `GET /meetings/{p}/{n}/participants` (invitees and speakers). G1 has no such route.
   */
  participants: boolean;
}

const CAPABILITIES: Record<ServerGeneration, ServerCapabilities> = {
  g1: {
    authMe: false,
    botConfigUpdate: true,
    publicShareLinks: true,
    shareTokens: false,
    meetingEdit: true,
    pagedMeetings: false,
    meetingById: false,
    transcriptsById: false,
    botsList: false,
    chat: true,
    plannedMeetings: false,
    calendars: false,
    recordings: true,
    participants: false,
  },
  g2: {
    authMe: true,
    botConfigUpdate: true,
    publicShareLinks: true,
    shareTokens: false,
    meetingEdit: true,
    pagedMeetings: true,
    meetingById: true,
    transcriptsById: false,
    botsList: true,
    chat: true,
    plannedMeetings: false,
    calendars: false,
    recordings: true,
    participants: true,
  },
  g3: {
    authMe: true,
    botConfigUpdate: false,
    publicShareLinks: false,
    shareTokens: true,
    meetingEdit: false,
    pagedMeetings: true,
    meetingById: true,
    transcriptsById: true,
    botsList: true,
    chat: false,
    plannedMeetings: true,
    calendars: true,
    recordings: true,
    participants: true,
  },
};

export function capabilitiesFor(generation: ServerGeneration): ServerCapabilities {
  return { ...CAPABILITIES[generation] };
}

/** The version line a person recognises, for settings screens and messages. */
export function generationLabel(generation: ServerGeneration): string {
  return { g1: 'Vexa 0.9 or earlier', g2: 'Vexa 0.10', g3: 'Vexa 0.12 or later' }[generation];
}
