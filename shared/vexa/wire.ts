import { z } from 'zod';
import { invalidResponse } from './errors';

/*
 * Lenient zod schemas for every generation's response bodies (G1 v0.9, G2 v0.10, G3 v0.12).
 * Objects are loose (extra fields pass through), optional fields that arrive with an unexpected
 * type become undefined instead of failing the whole body, and only what the app cannot work
 * without (a meeting's id) is required.
 */

const str = z
  .union([z.string(), z.number().transform(String)])
  .nullish()
  .catch(undefined);
const text = z.string().nullish().catch(undefined);
const stamp = z.union([z.string(), z.number()]).nullish().catch(undefined);
const num = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^-?\d+(\.\d+)?$/)
      .transform(Number),
  ])
  .nullish()
  .catch(undefined);
const bool = z.boolean().nullish().catch(undefined);
const record = z.record(z.string(), z.unknown()).nullish().catch(undefined);
const list = z.array(z.unknown()).nullish().catch(undefined);
const rowId = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);

/** A meeting row: G1/G2 `MeetingResponse`, G2 `/bots` projection, G3 list/full rows, transcript heads. */
export const meetingWire = z.looseObject({
  id: rowId,
  user_id: z.unknown().optional(),
  platform: text,
  native_meeting_id: str,
  constructed_meeting_url: text,
  status: text,
  bot_container_id: str,
  start_time: stamp,
  end_time: stamp,
  created_at: stamp,
  updated_at: stamp,
  completion_reason: text,
  failure_stage: text,
  shared: bool,
  notes: text,
  title: text,
  data: record,
});
export type MeetingWire = z.infer<typeof meetingWire>;

/** `GET /meetings` (all gens) and `GET /bots` (G2/G3): rows are parsed one by one, see parseRows. */
export const meetingListWire = z.looseObject({
  meetings: z.array(z.unknown()),
  has_more: bool,
});

export const statusTransitionWire = z.looseObject({
  from: text,
  to: text,
  timestamp: stamp,
  source: text,
  reason: text,
  completion_reason: text,
  failure_stage: text,
});

/** REST segments use start/end; G1 WS frames say end_time; G2+ add segment_id, G3 speaker_key and source. */
export const segmentWire = z.looseObject({
  segment_id: str,
  start: num,
  end: num,
  end_time: num,
  text: z.string().nullish().catch(undefined),
  speaker: str,
  speaker_key: str,
  language: text,
  completed: bool,
  source: text,
  absolute_start_time: stamp,
  absolute_end_time: stamp,
});
export type SegmentWire = z.infer<typeof segmentWire>;

export const transcriptWire = meetingWire.extend({
  segments: z.array(z.unknown()).nullish().catch(undefined),
  recordings: list,
});

/** `GET /bots/status`: G1/G2 `{running_bots}`; G3 `{running, running_bots, count}`. */
export const botStatusWire = z.looseObject({
  running: list,
  running_bots: list,
  count: num,
});

/** One running bot: a G1/G2 container entry or a G3 meeting row. */
export const botStatusEntryWire = z.looseObject({
  id: num,
  meeting_id: num,
  meeting_id_from_name: num,
  platform: text,
  native_meeting_id: str,
  status: text,
  normalized_status: text,
  meeting_status: text,
  container_id: str,
  bot_container_id: str,
  created_at: stamp,
  start_time: stamp,
  constructed_meeting_url: text,
});

/** G1/G2 public share link. */
export const publicShareWire = z.looseObject({
  share_id: str,
  url: z.string(),
  expires_at: stamp,
  expires_in_seconds: num,
});

/** G3 capability token: `{id, token:"<meeting_id>.<secret>", mode, expires_at}`. */
export const tokenShareWire = z.looseObject({
  id: str,
  token: z.string(),
  mode: text,
  expires_at: stamp,
});

export const authMeWire = z.looseObject({
  user_id: str,
  email: text,
  scopes: z
    .union([z.array(z.string()), z.string().transform((s) => s.split(/[,\s]+/).filter(Boolean))])
    .nullish()
    .catch(undefined),
  max_concurrent: num,
  max_concurrent_bots: num,
});

export const chatWire = z.looseObject({
  messages: z.array(z.unknown()).nullish().catch(undefined),
});

export const chatMessageWire = z.looseObject({
  sender: str,
  text: text,
  timestamp: stamp,
  is_from_bot: bool,
});

/** DELETE /bots: G1/G2 `{message}` (202); G3 `{status:"stopping", meeting_id, ...}` (200). */
export const stopWire = z.looseObject({
  message: text,
  status: text,
  meeting_id: num,
});

export const adminUserWire = z.looseObject({
  id: str,
  email: text,
  name: text,
  image_url: text,
  max_concurrent_bots: num,
  data: record,
  created_at: stamp,
  api_tokens: list,
});

export const adminTokenWire = z.looseObject({
  id: str,
  token: text,
  user_id: str,
  scopes: z.array(z.string()).nullish().catch(undefined),
  name: text,
  created_at: stamp,
  last_used_at: stamp,
  expires_at: stamp,
});

/** Parses a body, or throws `invalid_response` naming what was expected (never the body itself). */
export function parseWire<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidResponse(what, result.error);
  return result.data;
}

/** Parses each row on its own so that one odd row does not hide the whole list. */
export function parseRows<T extends z.ZodType, R>(schema: T, rows: readonly unknown[], map: (row: z.infer<T>) => R | null): R[] {
  const out: R[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (!parsed.success) continue;
    const mapped = map(parsed.data);
    if (mapped !== null) out.push(mapped);
  }
  return out;
}
