import { LANGUAGE_CODES } from './botRequest';
import { eraseRecordings } from './recordings';
import { checkPathPlatform } from './botRoutes';
import type { SimContext } from './context';
import { userStatusFrame } from './frames';
import { detail, isRecord, json, parseJsonBody, type Caller, type Router, type SimRequest, type SimResponse } from './http';
import { pageMeetings, visibleMeetings } from './listing';
import { g3Participants } from './participants';
import { constructUrl, parseMeetingLinkG3 } from './meetingLinks';
import { pyZulu } from './profiles';
import { intParsingError, jsonInvalidError, valueError } from './pydantic';
import { g2MeetingById, g3ListRow, meetingResponse } from './serialize';
import { PLANNED, TERMINAL, type MeetingRecord } from './types';

const TX = { kind: 'user', scope: 'tx', service: 'collector' } as const;
const G3_PLAN_KEYS = ['title', 'scheduled_at', 'meeting_url', 'workspace_id', 'auto_join'];
const CLASSIC_PATCH_KEYS = ['name', 'participants', 'languages', 'notes'];
const ARTIFACTS_NOT_TERMINAL = 'Meeting artifacts can only be deleted after the lifecycle is terminal';

export function registerMeetingRoutes(router: Router, ctx: SimContext): void {
  router.add('GET', '/meetings', TX, (req, caller) => listMeetings(ctx, req, caller!));
  if (ctx.profile !== 'g1') router.add('GET', '/meetings/{meeting_id}', TX, (req, caller) => getMeeting(ctx, req, caller!));
  router.add('PATCH', '/meetings/{platform}/{native_id}', TX, (req, caller) => patchByNative(ctx, req, caller!));
  router.add('DELETE', '/meetings/{platform}/{native_id}', TX, (req, caller) => deleteByNative(ctx, req, caller!));
  if (ctx.profile === 'g3') {
    router.add('GET', '/meetings/{platform}/{native_id}/participants', TX, (req, caller) => g3Participants(ctx, req, caller!));
    router.add('POST', '/meetings', TX, (req, caller) => createPlan(ctx, req, caller!));
    // The row-id PATCH checks the body before it looks the row up (patch_planned_meeting).
    router.add('PATCH', '/meetings/{meeting_id}', TX, (req, caller) => {
      const id = parseRowId(req);
      if (typeof id !== 'number') return id;
      return planPatchError(req) ?? byRowId(ctx, req, caller!, (m) => patchPlan(ctx, req, m));
    });
    router.add('DELETE', '/meetings/{meeting_id}', TX, (req, caller) => byRowId(ctx, req, caller!, (m) => deleteByRowId(ctx, m)));
  }
}

function listMeetings(ctx: SimContext, req: SimRequest, caller: Caller): SimResponse {
  const userId = caller.user.id;
  if (ctx.profile === 'g1') return json(200, { meetings: ctx.meetings.forUser(userId).map((m) => meetingResponse('g1', m)) });
  const page = pageMeetings(ctx, req, userId, { defaultLimit: ctx.profile === 'g3' ? 50 : null });
  if (!page.ok) return page.response;
  const meetings = ctx.profile === 'g3' ? page.rows.map((m) => g3ListRow(m, userId)) : page.rows.map((m) => meetingResponse('g2', m));
  return json(200, { meetings });
}

function parseRowId(req: SimRequest): number | SimResponse {
  const raw = req.params.meeting_id ?? '';
  if (!/^\d+$/.test(raw)) return detail(422, [intParsingError(['path', 'meeting_id'], raw)]);
  return Number.parseInt(raw, 10);
}

function getMeeting(ctx: SimContext, req: SimRequest, caller: Caller): SimResponse {
  const id = parseRowId(req);
  if (typeof id !== 'number') return id;
  const m = visibleMeetings(ctx, caller.user.id).find((r) => r.id === id);
  if (!m) return detail(404, 'Meeting not found');
  return json(200, ctx.profile === 'g2' ? g2MeetingById(m) : meetingResponse('g3', m, caller.user.id));
}

function byRowId(ctx: SimContext, req: SimRequest, caller: Caller, then: (m: MeetingRecord) => SimResponse): SimResponse {
  const id = parseRowId(req);
  if (typeof id !== 'number') return id;
  const m = ctx.meetings.get(id);
  if (!m || m.userId !== caller.user.id) return detail(404, 'Meeting not found');
  return then(m);
}

function patchByNative(ctx: SimContext, req: SimRequest, caller: Caller): SimResponse {
  const { platform, native_id: nativeId } = req.params as { platform: string; native_id: string };
  if (ctx.profile === 'g3') {
    // G3 reads the JSON, then resolves the link (404), and only then looks at what the body asks
    // for (collector/app.py patch_native_meeting → _apply_meeting_patch).
    if (!parseJsonBody(req).ok) return detail(422, 'invalid JSON body');
    const m = ctx.meetings.newest(caller.user.id, platform, nativeId);
    if (!m) return detail(404, `Meeting not found for platform ${platform} and ID ${nativeId}`);
    return patchPlan(ctx, req, m);
  }
  const bad = checkPathPlatform(ctx, platform);
  if (bad) return bad;
  const body = parseJsonBody(req);
  if (!body.ok) return detail(422, [jsonInvalidError()]);
  const data = isRecord(body.value) && isRecord(body.value.data) ? body.value.data : null;
  if (!data || !CLASSIC_PATCH_KEYS.some((k) => k in data)) return detail(400, 'No data provided for update.');
  if (Array.isArray(data.languages)) {
    const badCode = data.languages.find((c) => typeof c !== 'string' || !LANGUAGE_CODES.has(c));
    if (badCode !== undefined)
      return detail(422, [valueError(['body', 'data', 'languages'], `Invalid language code '${String(badCode)}'`, data.languages)]);
  }
  const m = ctx.meetings.newest(caller.user.id, platform, nativeId);
  if (!m) return detail(404, `Meeting not found for platform ${platform} and ID ${nativeId}`);
  for (const key of CLASSIC_PATCH_KEYS) if (key in data) m.data[key] = data[key];
  m.updatedAt = ctx.clock.now();
  return json(200, meetingResponse(ctx.profile, m));
}

function deleteByNative(ctx: SimContext, req: SimRequest, caller: Caller): SimResponse {
  const { platform, native_id: nativeId } = req.params as { platform: string; native_id: string };
  if (ctx.profile !== 'g3') {
    const bad = checkPathPlatform(ctx, platform);
    if (bad) return bad;
  }
  // Every generation reads the newest row on the link. G1/G2 null the native id of a deleted
  // meeting, so a repeat finds the next-older meeting on that link (and anonymises it too when it
  // is finished) or nothing (404); their "already deleted" answer is only reachable for a
  // redacted row that kept its id (collector endpoints.py delete_meeting).
  const m = ctx.meetings.newest(caller.user.id, platform, nativeId);
  if (!m) return detail(404, `Meeting not found for platform ${platform} and ID ${nativeId}`);

  if (ctx.profile !== 'g3') {
    if (m.data.redacted === true) return json(200, { message: `Meeting ${platform}/${nativeId} already deleted and data anonymized` });
    if (!TERMINAL.has(m.status)) return detail(409, `Meeting not finalized; cannot delete transcripts. Current status: ${m.status}`);
    eraseRecordings(m);
    m.segments.clear();
    m.chat = [];
    const kept: Record<string, unknown> = { redacted: true };
    for (const key of ['completion_reason', 'error', 'diagnostics']) if (key in m.data) kept[key] = m.data[key];
    m.data = kept;
    m.nativeId = null;
    m.updatedAt = ctx.clock.now();
    return json(200, { message: `Meeting ${platform}/${nativeId} transcripts and recording artifacts deleted; meeting data anonymized` });
  }

  const deleted = { status: 'deleted', id: m.id, platform: m.platform, native_meeting_id: m.nativeId };
  if (PLANNED.has(m.status)) {
    removePlan(ctx, m);
    return json(200, deleted);
  }
  if (!TERMINAL.has(m.status)) return detail(409, ARTIFACTS_NOT_TERMINAL);
  const objects = eraseArtifacts(ctx, m);
  return json(200, {
    ...deleted,
    deleted: 'completed_meeting_artifacts',
    objects_deleted: objects,
    backup_residuals: 'expire_under_deployment_retention_policy',
  });
}

/**
 * G3 `DELETE /meetings/{id}`: the same two branches as the native path (a plan goes, a finished
 * meeting loses its transcript and recordings and keeps its row), but the answer is a bare 204.
 */
function deleteByRowId(ctx: SimContext, m: MeetingRecord): SimResponse {
  if (PLANNED.has(m.status)) removePlan(ctx, m);
  else if (TERMINAL.has(m.status)) eraseArtifacts(ctx, m);
  else return detail(409, ARTIFACTS_NOT_TERMINAL);
  return { status: 204 };
}

/** Returns how many stored objects went. A repeat finds nothing left and converges. */
function eraseArtifacts(ctx: SimContext, m: MeetingRecord): number {
  const objects = m.segments.size + eraseRecordings(m);
  m.segments.clear();
  m.data.artifact_deletion = {
    state: 'completed',
    completed_at: pyZulu(ctx.clock.now()),
    backup_residuals: 'expire_under_deployment_retention_policy',
  };
  m.updatedAt = ctx.clock.now();
  return objects;
}

function removePlan(ctx: SimContext, m: MeetingRecord): void {
  ctx.lifecycle.forget(m.id);
  ctx.meetings.remove(m.id);
  // The collector announces a deleted plan without its link or a time.
  ctx.publisher.toUser(m.userId, { type: 'meeting.status', meeting_id: m.id, native: null, status: 'deleted', when: null });
}

/** G3 planned meetings (calendar sync or `POST /meetings`): status idle or scheduled. */
function createPlan(ctx: SimContext, req: SimRequest, caller: Caller): SimResponse {
  const body = parseJsonBody(req);
  if (!body.ok) return detail(422, 'invalid JSON body');
  const input = body.value === undefined ? {} : body.value;
  if (!isRecord(input)) return detail(422, 'body must be an object');
  const url = typeof input.meeting_url === 'string' ? input.meeting_url.trim() : '';
  const link = url ? parseMeetingLinkG3(url) : null;
  // collector/app.py create_planned_meeting: an unknown link is refused, and the active-row unique
  // index refuses a second non-terminal row on one link.
  if (url && !link) return detail(422, "unrecognized 'meeting_url'");
  if (link && ctx.meetings.matching(caller.user.id, link.platform, link.nativeId).some((r) => !TERMINAL.has(r.status)))
    return detail(409, `A meeting already exists for ${link.platform}/${link.nativeId}`);
  const m = ctx.meetings.create({
    userId: caller.user.id,
    platform: link?.platform ?? 'unknown',
    nativeId: link?.nativeId ?? null,
    constructedUrl: url || null,
    status: 'idle',
    scenario: ctx.defaultScenario,
    createdAt: ctx.clock.now(),
    withContainer: false,
  });
  m.data = { auto_join: input.auto_join !== false };
  applyPlanFields(ctx, m, input);
  ctx.publisher.toUser(m.userId, userStatusFrame(m, m.status, ctx.clock.now()));
  return json(201, meetingResponse('g3', m));
}

/** `_apply_meeting_patch`: the body is checked before the store refuses a row the bot owns (409). */
function patchPlan(ctx: SimContext, req: SimRequest, m: MeetingRecord): SimResponse {
  const invalid = planPatchError(req);
  if (invalid) return invalid;
  const body = parseJsonBody(req) as { ok: true; value: Record<string, unknown> };
  const url = body.value.meeting_url;
  if (typeof url === 'string' && url.trim() && !parseMeetingLinkG3(url.trim())) return detail(422, "unrecognized 'meeting_url'");
  if (!PLANNED.has(m.status)) return detail(409, 'Meeting is no longer planned (bot lifecycle owns it)');
  applyPlanFields(ctx, m, body.value);
  // Every accepted edit is announced on the user channel (`_publish_user_meeting_status`).
  ctx.publisher.toUser(m.userId, userStatusFrame(m, m.status, ctx.clock.now()));
  return json(200, meetingResponse('g3', m));
}

function planPatchError(req: SimRequest): SimResponse | null {
  const body = parseJsonBody(req);
  if (!body.ok) return detail(422, 'invalid JSON body');
  if (!isRecord(body.value)) return detail(422, 'body must be an object');
  if (!G3_PLAN_KEYS.some((k) => k in (body.value as Record<string, unknown>))) return detail(422, 'no editable fields in body');
  return null;
}

function applyPlanFields(ctx: SimContext, m: MeetingRecord, input: Record<string, unknown>): void {
  if (typeof input.title === 'string') m.data.title = input.title;
  if ('workspace_id' in input) m.data.workspace_id = input.workspace_id;
  if ('auto_join' in input) m.data.auto_join = input.auto_join !== false;
  if ('scheduled_at' in input) {
    m.data.scheduled_at = input.scheduled_at ?? null;
    m.status = input.scheduled_at ? 'scheduled' : 'idle';
  }
  if (typeof input.meeting_url === 'string') {
    const link = parseMeetingLinkG3(input.meeting_url);
    m.platform = link?.platform ?? 'unknown';
    m.nativeId = link?.nativeId ?? null;
    m.constructedUrl = link ? (constructUrl('g3', link.platform, link.nativeId) ?? input.meeting_url) : input.meeting_url;
  }
  m.updatedAt = ctx.clock.now();
}
