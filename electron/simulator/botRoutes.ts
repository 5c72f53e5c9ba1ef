import { claimPlanned } from './autoJoin';
import { LANGUAGE_CODES, parseBotRequest } from './botRequest';
import type { SimContext } from './context';
import { statusFrames } from './frames';
import { detail, isRecord, json, notFound, parseJsonBody, type Caller, type Router, type SimRequest, type SimResponse } from './http';
import { transition } from './lifecycle';
import { pageMeetings } from './listing';
import { botById, botStatus, participants } from './botStatus';
import { activeStatuses, pathPlatforms } from './profiles';
import { enumError, jsonInvalidError, valueError } from './pydantic';
import { scenarioFromBotName } from './scenarios';
import { g2BotsRow, g3ListRow, meetingResponse } from './serialize';
import { PLANNED, TERMINAL } from './types';

const BOT = { kind: 'user', scope: 'bot', service: 'bots' } as const;

/** Typed `{platform}` path parameters answer 422 for values outside the generation's enum. */
export function checkPathPlatform(ctx: SimContext, platform: string): SimResponse | null {
  const allowed = pathPlatforms(ctx.profile);
  return allowed.includes(platform) ? null : detail(422, [enumError(['path', 'platform'], allowed, platform)]);
}

/** G3's stop route checks the platform itself (stop_router.py `_SUPPORTED_PLATFORMS`), with a string detail. */
const G3_STOP_PLATFORMS = ['browser_session', 'google_meet', 'jitsi', 'teams', 'telemost', 'zoom'];

export function registerBotRoutes(router: Router, ctx: SimContext): void {
  const { profile } = ctx;
  router.add('POST', '/bots', BOT, (req, caller) => createBot(ctx, req, caller!));
  router.add('GET', '/bots/status', BOT, (req, caller) => botStatus(ctx, req, caller!));
  if (profile !== 'g1') router.add('GET', '/bots', BOT, (req, caller) => listBots(ctx, req, caller!));
  if (profile === 'g2') {
    router.add('GET', '/bots/id/{meeting_id}', BOT, (req, caller) => botById(ctx, req, caller!));
    router.add('GET', '/bots/{platform}/{native_id}/participants', BOT, (req, caller) => participants(ctx, req, caller!));
  }
  router.add('DELETE', '/bots/{platform}/{native_id}', BOT, (req, caller) => stopBot(ctx, req, caller!));
  router.add('PUT', '/bots/{platform}/{native_id}/config', BOT, (req, caller) =>
    profile === 'g3' ? notFound() : reconfigure(ctx, req, caller!),
  );
  router.add('GET', '/bots/{platform}/{native_id}/chat', BOT, (req, caller) => chat(ctx, req, caller!));
}

function createBot(ctx: SimContext, req: SimRequest, caller: Caller): SimResponse {
  const { profile } = ctx;
  const parsed = parseBotRequest(profile, req);
  if (!parsed.ok) return parsed.response;
  const spec = parsed.spec;
  const user = caller.user;

  const blocking = activeStatuses(profile, 'duplicate');
  const duplicate = ctx.meetings.matching(user.id, spec.platform, spec.nativeId).find((m) => blocking.has(m.status) && !m.stopRequested);
  if (duplicate) {
    const message =
      profile === 'g1'
        ? `An active or requested meeting already exists for this platform and meeting ID. Platform: ${spec.platform}, Native Meeting ID: ${spec.nativeId}`
        : profile === 'g2'
          ? 'An active or requested meeting already exists for this platform and meeting ID'
          : `An active meeting already exists for ${spec.platform}/${spec.nativeId}`;
    return detail(409, message);
  }

  const counted = activeStatuses(profile, 'cap');
  const running = ctx.meetings.forUser(user.id).filter((m) => counted.has(m.status)).length;
  const max = user.maxConcurrent;
  if (profile === 'g1' && max > 0 && running >= max) return detail(403, `User has reached the maximum concurrent bot limit (${max}).`);
  if (profile === 'g2' && max === 0)
    return detail(403, 'Concurrent bot quota is depleted (limit is 0). Ask an administrator to raise max_concurrent_bots.');
  if (profile === 'g2' && running >= max) return detail(403, `Concurrent bot limit reached (${running}/${max}).`);
  if (profile === 'g3' && running >= max) return detail(429, `User has reached the maximum concurrent bot limit (${max}).`);

  // G3: a spawn on the link of a plan claims that row in place (meetings.mdx "Send a bot").
  const plan =
    profile === 'g3' ? ctx.meetings.matching(user.id, spec.platform, spec.nativeId).find((r) => PLANNED.has(r.status)) : undefined;
  if (plan) {
    claimPlanned(ctx, plan, spec.botName);
    const claimed = meetingResponse(profile, plan);
    delete claimed.shared;
    return json(201, claimed);
  }

  const m = ctx.meetings.create({
    userId: user.id,
    platform: spec.platform,
    nativeId: spec.nativeId,
    constructedUrl: spec.constructedUrl,
    status: 'requested',
    scenario: scenarioFromBotName(spec.botName, ctx.defaultScenario),
    createdAt: ctx.clock.now(),
    botName: spec.botName,
    language: spec.language,
  });
  if (profile === 'g3') {
    m.data = {
      constructed_meeting_url: spec.constructedUrl,
      transcribe_enabled: spec.transcribeEnabled,
      recording_enabled: spec.recordingEnabled,
      service_authority: { decision: 'allow', mode: 'simulated' },
      sessions: [m.sessionUid],
    };
  } else {
    const frames = statusFrames(profile, m, 'requested', m.createdAt);
    if (frames.meeting) ctx.publisher.toMeeting(m.id, frames.meeting);
  }
  ctx.log(`meeting ${m.id} requested: ${m.platform}/${m.nativeId} scenario=${m.scenario}`);
  ctx.lifecycle.start(m.id);
  const body = meetingResponse(profile, m);
  // G3's `_meeting_response` (bot_spawn/service.py) has no `shared`: only list and read rows do.
  if (profile === 'g3') delete body.shared;
  return json(201, body);
}

function stopBot(ctx: SimContext, req: SimRequest, caller: Caller): SimResponse {
  const { platform, native_id: nativeId } = req.params as { platform: string; native_id: string };
  if (ctx.profile === 'g3' && !G3_STOP_PLATFORMS.includes(platform)) {
    return detail(422, `unsupported platform '${platform}' — must be one of: ${G3_STOP_PLATFORMS.join(', ')}`);
  }
  const bad = ctx.profile === 'g3' ? null : checkPathPlatform(ctx, platform);
  if (bad) return bad;
  const rows = ctx.meetings.matching(caller.user.id, platform, nativeId);

  if (ctx.profile !== 'g3') {
    if (rows.length === 0) return detail(404, 'No meeting found to stop.');
    const live = rows.filter((m) => !TERMINAL.has(m.status));
    if (live.length === 0) return json(202, { message: `Meeting already ${rows[0]!.status}.` });
    for (const m of live) ctx.lifecycle.stop(m.id);
    return json(202, { message: 'Stop request accepted and is being processed.' });
  }

  // G3's stop is one-shot: rows already asked to stop no longer count, so a second DELETE is a 404.
  const targets = rows.filter((m) => !TERMINAL.has(m.status) && !m.stopRequested && m.status !== 'stopping');
  if (targets.length === 0) return detail(404, 'No active meeting for this bot');
  const cancelled: number[] = [];
  const stopped: number[] = [];
  for (const m of targets) {
    if (PLANNED.has(m.status)) {
      m.stopRequested = true;
      transition(ctx, m, 'failed', { source: 'user_stop', completionReason: 'stopped', reason: 'cancelled by user' });
      cancelled.push(m.id);
    } else {
      ctx.lifecycle.stop(m.id);
      stopped.push(m.id);
    }
  }
  const primary = stopped[0] ?? cancelled[0]!;
  return json(200, { status: 'stopping', meeting_id: primary, native_meeting_id: nativeId, also_stopped: stopped.slice(1), cancelled });
}

function reconfigure(ctx: SimContext, req: SimRequest, caller: Caller): SimResponse {
  const { platform, native_id: nativeId } = req.params as { platform: string; native_id: string };
  const bad = checkPathPlatform(ctx, platform);
  if (bad) return bad;
  const parsed = parseJsonBody(req);
  if (!parsed.ok) return detail(422, [jsonInvalidError()]);
  const body = isRecord(parsed.value) ? parsed.value : {};
  const errors = [];
  if (body.language != null && !LANGUAGE_CODES.has(String(body.language))) {
    errors.push(
      valueError(
        ['body', 'language'],
        `Invalid language code '${String(body.language)}'. Must be one of the supported faster-whisper language codes`,
        body.language,
      ),
    );
  }
  if (body.task != null && body.task !== 'transcribe' && body.task !== 'translate') {
    errors.push(valueError(['body', 'task'], `Invalid task '${String(body.task)}'. Must be 'transcribe' or 'translate'`, body.task));
  }
  if (errors.length > 0) return detail(422, errors);

  const m = ctx.meetings.matching(caller.user.id, platform, nativeId).find((r) => !TERMINAL.has(r.status));
  if (!m)
    return detail(
      404,
      ctx.profile === 'g1' ? `No active meeting found for platform ${platform} and meeting ID ${nativeId}.` : 'No active meeting found',
    );
  if (m.status !== 'active') return detail(409, `Meeting found but is not active (status: '${m.status}'). Cannot reconfigure.`);
  if (typeof body.language === 'string') m.language = body.language;
  return json(202, { message: 'Reconfiguration request accepted and sent to the bot.' });
}

function listBots(ctx: SimContext, req: SimRequest, caller: Caller): SimResponse {
  const page = pageMeetings(ctx, req, caller.user.id, { defaultLimit: 50, search: ctx.profile === 'g2' });
  if (!page.ok) return page.response;
  const includeData = (req.query.get('include') ?? '').split(',').includes('data');
  const meetings =
    ctx.profile === 'g2' ? page.rows.map((m) => g2BotsRow(m, includeData)) : page.rows.map((m) => g3ListRow(m, caller.user.id));
  return json(200, { meetings, has_more: page.hasMore });
}

function chat(ctx: SimContext, req: SimRequest, caller: Caller): SimResponse {
  const { platform, native_id: nativeId } = req.params as { platform: string; native_id: string };
  // G3 carries chat as transcript segments with source "chat": the route answers an empty list for
  // a meeting the caller owns and 404 otherwise (collector/app.py read_meeting_chat).
  if (ctx.profile === 'g3') {
    return ctx.meetings.newest(caller.user.id, platform, nativeId)
      ? json(200, { messages: [] })
      : detail(404, `Meeting not found for platform ${platform} and ID ${nativeId}`);
  }
  const bad = checkPathPlatform(ctx, platform);
  if (bad) return bad;
  const m = ctx.meetings.newest(caller.user.id, platform, nativeId);
  if (!m) return detail(404, 'Meeting not found');
  const messages = m.chat.map((c) => ({ sender: c.sender, text: c.text, timestamp: c.timestamp, is_from_bot: c.isFromBot }));
  return json(200, { messages, meeting_id: m.id });
}
