import { z } from 'zod';
import { parseVexaTimestamp } from './time';
import { parseRows, parseWire } from './wire';

/**
 * Who a server says took part in a meeting. Two routes, two answers:
 * - G3 `GET /meetings/{p}/{n}/participants` (Vexa-ai/vexa docs/docs/api/meetings.mdx "Meeting
 *   participants"): rows with `source` `invite` (the calendar invitation: who was asked, with
 *   email and `response_status`) or `speaker` (distinct names heard, by first utterance), no
 *   identity resolution (an invitee who spoke is listed twice), and `observed_roster:
 *   "not_recorded"`: nobody's presence is recorded, so an empty list never means nobody came.
 * - G2 `GET /bots/{p}/{n}/participants` (`ParticipantsResponse`, meeting-api schemas.py): who spoke,
 *   with `segment_count`, `first_seen`, `last_seen` and `speaking_time_seconds`.
 * Both resolve the link to its newest meeting; `meetingId` says which one answered.
 */
export type ParticipantSource = 'invite' | 'speaker';

export interface ParticipantRow {
  name: string;
  email: string | null;
  source: ParticipantSource;
  /** Invitation answer (`accepted`, `declined`, `tentative`, `needs-action`), invite rows only. */
  responseStatus: string | null;
  segmentCount: number | null;
  firstSeen: number | null;
  lastSeen: number | null;
  speakingSeconds: number | null;
}

export interface MeetingParticipants {
  /** The server row that answered: the newest meeting on the link. */
  meetingId: number | null;
  rows: ParticipantRow[];
  /** The sources that contributed rows. */
  sources: ParticipantSource[];
  /** False where the server says it did not record who was present (G3 `observed_roster: "not_recorded"`; G2 tracks speakers only). */
  rosterRecorded: boolean;
}

const text = z.string().nullish().catch(undefined);
const num = z.number().nullish().catch(undefined);
const stamp = z.union([z.string(), z.number()]).nullish().catch(undefined);

const participantsWire = z.looseObject({
  id: num,
  meeting_id: num,
  participants: z.array(z.unknown()).nullish().catch(undefined),
  sources: z.array(z.string()).nullish().catch(undefined),
  observed_roster: text,
});

const rowWire = z.looseObject({
  name: text,
  email: text,
  source: text,
  response_status: text,
  segment_count: num,
  first_seen: stamp,
  last_seen: stamp,
  speaking_time_seconds: num,
});

export function normaliseParticipants(raw: unknown): MeetingParticipants {
  const w = parseWire(participantsWire, raw, 'the meeting participants');
  const rows = parseRows(rowWire, w.participants ?? [], (r): ParticipantRow | null => {
    const name = (r.name ?? '').trim() || (r.email ?? '').trim();
    if (!name) return null;
    return {
      name,
      email: r.email ?? null,
      // G2 rows carry no source: they are speakers from the transcript.
      source: r.source === 'invite' ? 'invite' : 'speaker',
      responseStatus: r.response_status ?? null,
      segmentCount: r.segment_count ?? null,
      firstSeen: parseVexaTimestamp(r.first_seen),
      lastSeen: parseVexaTimestamp(r.last_seen),
      speakingSeconds: r.speaking_time_seconds ?? null,
    };
  });
  const sources = (['invite', 'speaker'] as const).filter((s) => rows.some((r) => r.source === s));
  return {
    meetingId: w.meeting_id ?? w.id ?? null,
    rows,
    sources,
    rosterRecorded: w.observed_roster != null && w.observed_roster !== 'not_recorded',
  };
}
