import { checkPathPlatform } from './botRoutes';
import type { SimContext } from './context';
import { detail, json, type Caller, type Router, type SimRequest, type SimResponse } from './http';
import { visibleMeetings } from './listing';
import { parseIntParam } from './pydantic';
import { transcriptResponse } from './serialize';
import type { MeetingRecord } from './types';

const TX = { kind: 'user', scope: 'tx', service: 'collector' } as const;

export type TranscriptLookup = { ok: true; meeting: MeetingRecord } | { ok: false; response: SimResponse };

/**
 * Finds the row `GET /transcripts/{platform}/{native}` reads: the newest the caller owns, or in
 * G1/G2 the exact `?meeting_id=` row (G3 ignores that parameter).
 */
export function lookupTranscript(
  ctx: SimContext,
  userId: number,
  platform: string,
  nativeId: string,
  meetingIdParam: string | null,
): TranscriptLookup {
  // G3's collector takes any platform string, so an unknown one is simply a meeting it cannot find.
  const bad = ctx.profile === 'g3' ? null : checkPathPlatform(ctx, platform);
  if (bad) return { ok: false, response: bad };
  const notFound = detail(404, `Meeting not found for platform ${platform} and ID ${nativeId}`);
  if (ctx.profile !== 'g3' && meetingIdParam !== null) {
    const parsed = parseIntParam(meetingIdParam, 'meeting_id');
    if (!parsed.ok) return { ok: false, response: detail(422, [parsed.error]) };
    const m = ctx.meetings.matching(userId, platform, nativeId).find((r) => r.id === parsed.value);
    return m
      ? { ok: true, meeting: m }
      : { ok: false, response: detail(404, `Meeting not found for platform ${platform}, ID ${nativeId}, and meeting_id ${parsed.value}`) };
  }
  const m = ctx.meetings.newest(userId, platform, nativeId);
  if (!m || artifactsDeleted(m)) return { ok: false, response: notFound };
  return { ok: true, meeting: m };
}

/** G3 keeps the row after an artifact deletion, but its transcript is gone (404). */
function artifactsDeleted(m: MeetingRecord): boolean {
  return m.data.artifact_deletion !== undefined;
}

export function registerTranscriptRoutes(router: Router, ctx: SimContext): void {
  if (ctx.profile === 'g3') {
    router.add('GET', '/transcripts/by-id/{meeting_id}', TX, (req, caller) => byId(ctx, req, caller!));
  }
  router.add('GET', '/transcripts/{platform}/{native_id}', TX, (req, caller) => {
    const found = lookupTranscript(ctx, caller!.user.id, req.params.platform!, req.params.native_id!, req.query.get('meeting_id'));
    return found.ok ? json(200, transcriptResponse(ctx.profile, found.meeting)) : found.response;
  });
}

function byId(ctx: SimContext, req: SimRequest, caller: Caller): SimResponse {
  const parsed = parseIntParam(req.params.meeting_id ?? '', 'meeting_id');
  if (!parsed.ok) return detail(422, [{ ...parsed.error, loc: ['path', 'meeting_id'] }]);
  const m = visibleMeetings(ctx, caller.user.id).find((r) => r.id === parsed.value);
  if (!m || artifactsDeleted(m)) return detail(404, 'Meeting not found');
  return json(200, transcriptResponse('g3', m));
}
