import type { SimContext } from './context';
import { detail, json, type Caller, type SimRequest, type SimResponse } from './http';
import { pyNaive, pyOffset, restTime } from './profiles';
import { intParsingError } from './pydantic';
import { fullData, g2MeetingById, g3ListRow } from './serialize';
import type { MeetingRecord, MeetingStatus, SimProfile } from './types';

/**
 * Which meetings `GET /bots/status` lists. G3 reads the non-terminal FSM statuses
 * `requested·joining·awaiting_admission·active·stopping`, so a bot in `needs_help` is not listed
 * (collector/app.py `_RUNNING_STATUSES`); G1/G2 list containers, which run through every state.
 */
function listedAsRunning(profile: SimProfile, status: MeetingStatus): boolean {
  const running: MeetingStatus[] = ['requested', 'joining', 'awaiting_admission', 'active', 'stopping'];
  return running.includes(status) || (profile !== 'g3' && (status === 'needs_help' || status === 'needs_human_help'));
}

export function botStatus(ctx: SimContext, req: SimRequest, caller: Caller): SimResponse {
  const platform = req.query.get('platform');
  const rows = ctx.meetings
    .forUser(caller.user.id)
    .filter((m) => listedAsRunning(ctx.profile, m.status) && (!platform || m.platform === platform));
  if (ctx.profile === 'g3') {
    const listed = rows.map((m) => g3ListRow(m));
    return json(200, { running: listed, running_bots: listed, count: listed.length });
  }
  const now = ctx.clock.now();
  return json(200, { running_bots: rows.map((m) => (ctx.profile === 'g2' ? runtimeEntry(m) : containerEntry(ctx, m, now))) });
}

function humanizeUptime(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 1) return 'Less than a second';
  if (s < 60) return `${s} seconds`;
  const min = Math.floor(s / 60);
  if (min < 60) return min === 1 ? 'About a minute' : `${min} minutes`;
  const h = Math.floor(min / 60);
  return h === 1 ? 'About an hour' : `${h} hours`;
}

/** G1: the Docker orchestrator's view of a bot container (`orchestrator_utils.py`). */
function containerEntry(ctx: SimContext, m: MeetingRecord, now: number): Record<string, unknown> {
  const container = m.botContainerId ?? '';
  const normalized = m.status === 'requested' ? 'Starting' : m.status === 'stopping' ? 'Stopping' : 'Up';
  return {
    container_id: container,
    container_name: `vexa-bot-${m.id}-${container.slice(0, 8)}`,
    platform: m.platform,
    native_meeting_id: m.nativeId,
    status: `Up ${humanizeUptime(now - m.createdAt)}`,
    normalized_status: normalized,
    created_at: restTime(ctx.profile, m.createdAt),
    labels: { 'vexa.user_id': String(m.userId), 'vexa.meeting_id': String(m.id), 'vexa.platform': m.platform },
    meeting_id_from_name: String(m.id),
  };
}

/**
 * G2: one entry per container the runtime API reports running, joined with its meeting row
 * (meetings.py `_get_running_bots_from_runtime`): the status is the runtime's literal "running",
 * `labels` is empty, `created_at` is the container's epoch start as `isoformat()` with `+00:00`,
 * and `data` is the meeting's without the webhook secret.
 */
function runtimeEntry(m: MeetingRecord): Record<string, unknown> {
  const { webhook_secret: _secret, ...data } = fullData('g2', m);
  return {
    container_id: m.botContainerId,
    container_name: `meeting-${m.userId}-${(m.botContainerId ?? '').slice(0, 8)}`,
    platform: m.platform,
    native_meeting_id: m.nativeId,
    status: 'running',
    normalized_status: 'Up',
    created_at: pyOffset(m.createdAt),
    start_time: m.startTime === null ? null : pyNaive(m.startTime),
    labels: {},
    meeting_id_from_name: String(m.id),
    meeting_status: m.status,
    data,
  };
}

/** G2 `GET /bots/id/{meeting_id}`: one row the caller owns; the gateway types the id as an integer. */
export function botById(ctx: SimContext, req: SimRequest, caller: Caller): SimResponse {
  const raw = req.params.meeting_id ?? '';
  if (!/^\d+$/.test(raw)) return detail(422, [intParsingError(['path', 'meeting_id'], raw)]);
  const m = ctx.meetings.get(Number.parseInt(raw, 10));
  if (!m || m.userId !== caller.user.id) return detail(404, 'Meeting not found');
  return json(200, g2MeetingById(m));
}

/**
 * G2 `GET /bots/{platform}/{native_meeting_id}/participants` (`ParticipantsResponse`, meeting-api
 * schemas.py): who spoke in the newest meeting on the link, from its transcript. The 404 wording
 * follows meetings.py `_find_meeting_any_status`, the lookup its sibling routes use (inference).
 */
export function participants(ctx: SimContext, req: SimRequest, caller: Caller): SimResponse {
  const { platform, native_id: nativeId } = req.params as { platform: string; native_id: string };
  const m = ctx.meetings.newest(caller.user.id, platform, nativeId);
  if (!m) return detail(404, `No meeting found for ${platform}/${nativeId}`);
  const base = m.startTime ?? m.createdAt;
  const bySpeaker = new Map<string, { count: number; first: number; last: number; seconds: number }>();
  for (const s of [...m.segments.values()].filter((x) => x.completed).sort((a, b) => a.start - b.start)) {
    const p = bySpeaker.get(s.speaker) ?? { count: 0, first: s.start, last: s.end, seconds: 0 };
    p.count += 1;
    p.last = Math.max(p.last, s.end);
    p.seconds += s.end - s.start;
    bySpeaker.set(s.speaker, p);
  }
  const list = [...bySpeaker.entries()].map(([name, p]) => ({
    name,
    segment_count: p.count,
    first_seen: pyNaive(base + p.first * 1000),
    last_seen: pyNaive(base + p.last * 1000),
    speaking_time_seconds: Math.round(p.seconds * 1000) / 1000,
  }));
  return json(200, { id: m.id, platform: m.platform, native_meeting_id: m.nativeId, participant_count: list.length, participants: list });
}
