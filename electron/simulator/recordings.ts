import type { SimContext } from './context';
import { detail, json, type Caller, type RouteAuth, type Router, type SimRequest, type SimResponse } from './http';
import { restTime } from './profiles';
import { parseIntParam } from './pydantic';
import { buildWav, wavSize, WAV_SAMPLE_RATE } from './wav';
import { TERMINAL, type MeetingRecord, type SimProfile } from './types';

/**
 * Recordings, as each generation serves them. All three keep the meeting's audio in
 * `meeting.data.recordings` and stream it from `/recordings/{id}/media/{media_id}/raw`:
 * - G1 (bot-manager era gateway 1.5.0, `services/api-gateway/main.py` "Recording Routes"): list,
 *   detail, `/download` (a JSON link), `/raw`, DELETE; no `/master`. The transcript carries
 *   `recordings` (Vexa-Dashboard `src/lib/api.ts` plays `/raw` from it).
 * - G2 (`services/meeting-api/meeting_api/recordings.py`): the same, plus `/master?type=` (required)
 *   and `playback_url`; `/raw` answers a Range with 206 and does not check it; DELETE answers
 *   `{status, recording_id}`.
 * - G3 (`core/meetings/.../recordings/router.py`, docs/docs/api/meetings.mdx "Recordings"): a paged,
 *   slim list newest first; `/raw` answers 206 with Content-Range and 416 past the end; `/download`
 *   is an alias of `/raw`; DELETE needs the `bot` scope, answers 409 while the meeting runs.
 * The simulator makes one audio-only WAV per finished meeting that has lines, when it is first asked.
 */

export interface SimRecording {
  id: number;
  mediaId: number;
  meetingId: number;
  createdAt: number;
  /** The wall-clock instant of the first sample: the meeting's session start. */
  captureStartedAt: number;
  durationSeconds: number;
}

const made = new WeakMap<MeetingRecord, SimRecording[]>();
const audio = new WeakMap<SimRecording, Buffer>();

const READ_G3 = ['bot', 'tx'] as const;
function auth(ctx: SimContext, write: boolean): RouteAuth {
  // G2's gateway maps no scope to /recordings (ROUTE_SCOPES covers /user, /bots, /transcripts, /meetings).
  if (ctx.profile !== 'g3') return { kind: 'user', scope: null, service: 'bots' };
  return { kind: 'user', scope: write ? 'bot' : READ_G3, service: 'gateway' };
}

/** A finished meeting's recordings; made once, when it first has lines to play. */
export function recordingsOf(m: MeetingRecord): SimRecording[] {
  const known = made.get(m);
  if (known) return known;
  if (!TERMINAL.has(m.status) || m.segments.size === 0 || m.data.recording_enabled === false) return [];
  const segments = [...m.segments.values()];
  const last = Math.max(...segments.map((s) => s.end));
  const sessionStart = m.startTime ?? m.createdAt;
  const rec: SimRecording = {
    id: 100_000_000_000 + m.id * 10,
    mediaId: 200_000_000_000 + m.id * 10,
    meetingId: m.id,
    createdAt: sessionStart,
    captureStartedAt: sessionStart,
    durationSeconds: Math.ceil(last + 2),
  };
  made.set(m, [rec]);
  return made.get(m)!;
}

/** A meeting's artifacts were deleted: its recordings went with them. */
export function eraseRecordings(m: MeetingRecord): number {
  const n = recordingsOf(m).length;
  made.set(m, []);
  return n;
}

function bytesOf(m: MeetingRecord, r: SimRecording): Buffer {
  let b = audio.get(r);
  if (!b) {
    b = buildWav(
      r.durationSeconds,
      [...m.segments.values()].map((s) => ({ start: s.start, end: s.end, voice: s.speakerKey })),
    );
    audio.set(r, b);
  }
  return b;
}

function mediaFile(profile: SimProfile, r: SimRecording, full: boolean): Record<string, unknown> {
  const file: Record<string, unknown> = {
    id: r.mediaId,
    type: 'audio',
    format: 'wav',
    duration_seconds: r.durationSeconds,
    file_size_bytes: wavSize(r.durationSeconds),
  };
  if (profile === 'g3') file.capture_started_at_ms = r.captureStartedAt;
  if (full) {
    Object.assign(file, {
      storage_path: `recordings/1/${r.id}/session/audio/master.wav`,
      storage_backend: 'local',
      is_final: true,
      metadata: { sample_rate: WAV_SAMPLE_RATE },
      created_at: restTime(profile, r.createdAt),
      finalized_by: 'recording_finalizer.master',
    });
  }
  return file;
}

/** The recording as `GET /recordings/{id}` and the transcript's `recordings` carry it. */
export function recordingBody(profile: SimProfile, r: SimRecording, full = true): Record<string, unknown> {
  const body: Record<string, unknown> = {
    id: r.id,
    meeting_id: r.meetingId,
    status: 'completed',
    created_at: restTime(profile, r.createdAt),
    completed_at: restTime(profile, r.createdAt + r.durationSeconds * 1000),
    media_files: [mediaFile(profile, r, full)],
  };
  if (full) Object.assign(body, { source: 'bot', session_uid: 'session' });
  if (profile !== 'g1') body.playback_url = { audio: `/recordings/${r.id}/master?type=audio` };
  if (profile === 'g3' && !full) body.duration_seconds = r.durationSeconds;
  return body;
}

function owned(ctx: SimContext, caller: Caller): Array<{ m: MeetingRecord; r: SimRecording }> {
  return ctx.meetings
    .all()
    .filter((m) => m.userId === caller.user.id)
    .flatMap((m) => recordingsOf(m).map((r) => ({ m, r })));
}

function find(ctx: SimContext, req: SimRequest, caller: Caller): { m: MeetingRecord; r: SimRecording } | SimResponse {
  const id = parseIntParam(req.params.recording_id ?? '', 'recording_id');
  if (!id.ok) return detail(422, [{ ...id.error, loc: ['path', 'recording_id'] }]);
  return owned(ctx, caller).find((x) => x.r.id === id.value) ?? detail(404, 'Recording not found');
}

function list(ctx: SimContext, req: SimRequest, caller: Caller): SimResponse {
  const limit = Number(req.query.get('limit') ?? 50);
  const offset = Number(req.query.get('offset') ?? 0);
  const meetingId = req.query.get('meeting_id');
  let rows = owned(ctx, caller);
  if (meetingId !== null) rows = rows.filter((x) => String(x.m.id) === meetingId);
  rows.sort((a, b) => b.r.createdAt - a.r.createdAt || b.r.id - a.r.id);
  const page = rows.slice(offset, offset + limit);
  if (ctx.profile !== 'g3') return json(200, { recordings: page.map((x) => recordingBody(ctx.profile, x.r)) });
  return json(200, {
    recordings: page.map((x) => recordingBody(ctx.profile, x.r, false)),
    total: rows.length,
    limit,
    offset,
    has_more: offset + page.length < rows.length,
  });
}

/** G3 `_parse_range`: the first range only; null serves the whole body; 'unsatisfiable' is a 416. */
function g3Range(header: string | undefined, total: number): [number, number] | null | 'unsatisfiable' {
  const spec = header?.trim() ?? '';
  if (!spec.toLowerCase().startsWith('bytes=')) return null;
  const first = spec.slice(6).split(',')[0]!.trim();
  if (!first.includes('-')) return null;
  const [s = '', e = ''] = first.split('-', 2).map((x) => x.trim());
  let start: number;
  let end: number;
  if (s === '') {
    const suffix = Number.parseInt(e, 10);
    if (!Number.isInteger(suffix) || suffix <= 0) return null;
    start = Math.max(0, total - suffix);
    end = total - 1;
  } else {
    start = Number.parseInt(s, 10);
    end = e === '' ? total - 1 : Number.parseInt(e, 10);
    if (Number.isNaN(start) || Number.isNaN(end) || start < 0) return null;
  }
  if (start >= total) return 'unsatisfiable';
  end = Math.min(end, total - 1);
  return end < start ? null : [start, end];
}

/** G2 `download_media_file_raw`: `bytes=start-end`, unchecked against the size. */
function g2Range(header: string | undefined, total: number): [number, number] | null {
  if (!header?.startsWith('bytes=')) return null;
  const [s = '', e = ''] = header.slice(6).trim().split('-', 2);
  const start = s ? Number.parseInt(s, 10) : total - Number.parseInt(e, 10);
  const end = Math.min(e && s ? Number.parseInt(e, 10) : total - 1, total - 1);
  return [start, end];
}

function raw(ctx: SimContext, req: SimRequest, caller: Caller): SimResponse {
  const found = find(ctx, req, caller);
  if ('status' in found) return found;
  if (req.params.media_id !== String(found.r.mediaId))
    return detail(404, ctx.profile === 'g3' ? 'No such media file' : 'Media file not found');
  const data = bytesOf(found.m, found.r);
  const header = typeof req.headers.range === 'string' ? req.headers.range : undefined;
  const base = { 'Content-Type': 'audio/wav', 'Accept-Ranges': 'bytes' };
  const range = ctx.profile === 'g3' ? g3Range(header, data.length) : g2Range(header, data.length);
  if (range === 'unsatisfiable')
    return detail(416, 'Requested range not satisfiable', { 'Content-Range': `bytes */${data.length}`, 'Accept-Ranges': 'bytes' });
  if (!range) return { status: 200, body: data, headers: { ...base, 'Content-Length': String(data.length) } };
  const [start, end] = range;
  const chunk = data.subarray(start, end + 1);
  return {
    status: 206,
    body: chunk,
    headers: { ...base, 'Content-Range': `bytes ${start}-${end}/${data.length}`, 'Content-Length': String(chunk.length) },
  };
}

function download(ctx: SimContext, req: SimRequest, caller: Caller): SimResponse {
  // G3 aliases it to the byte stream (docs/docs/api/meetings.mdx, api.v1 native-id table).
  if (ctx.profile === 'g3') return raw(ctx, req, caller);
  const found = find(ctx, req, caller);
  if ('status' in found) return found;
  const url = `/recordings/${found.r.id}/media/${found.r.mediaId}/raw`;
  const body: Record<string, unknown> = {
    download_url: url,
    filename: `${found.r.id}_audio.wav`,
    content_type: 'audio/wav',
    file_size_bytes: wavSize(found.r.durationSeconds),
  };
  if (ctx.profile === 'g2') Object.assign(body, { url, expires_in: 3600 });
  return json(200, body);
}

function master(ctx: SimContext, req: SimRequest, caller: Caller): SimResponse {
  const type = req.query.get('type');
  if (ctx.profile === 'g2' && type === null) return detail(422, [{ type: 'missing', loc: ['query', 'type'], msg: 'Field required' }]);
  const found = find(ctx, req, caller);
  if ('status' in found) return found;
  if ((type ?? 'audio') !== 'audio') return detail(404, ctx.profile === 'g3' ? 'No such media file to finalize' : `No master ${type} file`);
  const rawUrl = `/recordings/${found.r.id}/media/${found.r.mediaId}/raw`;
  const common = { media_file_id: found.r.mediaId, duration_seconds: found.r.durationSeconds };
  if (ctx.profile === 'g3')
    return json(200, { id: found.r.id, type: 'audio', storage_path: 'master.wav', raw_url: `${rawUrl}?type=audio`, ...common });
  return json(200, {
    url: rawUrl,
    download_url: rawUrl,
    filename: `${found.r.id}_audio.wav`,
    content_type: 'audio/wav',
    raw_url: rawUrl,
    ...common,
  });
}

function remove(ctx: SimContext, req: SimRequest, caller: Caller): SimResponse {
  const found = find(ctx, req, caller);
  if ('status' in found) return found;
  if (ctx.profile === 'g3' && !TERMINAL.has(found.m.status))
    return detail(409, 'Recording can only be deleted after the meeting lifecycle is terminal');
  made.set(
    found.m,
    recordingsOf(found.m).filter((r) => r.id !== found.r.id),
  );
  if (ctx.profile !== 'g3') return json(200, { status: 'deleted', recording_id: found.r.id });
  return json(200, {
    status: 'deleted',
    recording_id: found.r.id,
    meeting_id: found.m.id,
    objects_deleted: 1,
    scope: 'primary_object_storage',
  });
}

export function registerRecordingRoutes(router: Router, ctx: SimContext): void {
  const read = auth(ctx, false);
  router.add('GET', '/recordings', read, (req, caller) => list(ctx, req, caller!));
  router.add('GET', '/recordings/{recording_id}', read, (req, caller) => {
    const found = find(ctx, req, caller!);
    return 'status' in found ? found : json(200, recordingBody(ctx.profile, found.r));
  });
  router.add('DELETE', '/recordings/{recording_id}', auth(ctx, true), (req, caller) => remove(ctx, req, caller!));
  router.add('GET', '/recordings/{recording_id}/media/{media_id}/raw', read, (req, caller) => raw(ctx, req, caller!));
  router.add('GET', '/recordings/{recording_id}/media/{media_id}/download', read, (req, caller) => download(ctx, req, caller!));
  if (ctx.profile !== 'g1') router.add('GET', '/recordings/{recording_id}/master', read, (req, caller) => master(ctx, req, caller!));
}
