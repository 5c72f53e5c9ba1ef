import { randomBytes } from 'node:crypto';
import { authenticateUser, headerValue } from './auth';
import type { SimContext } from './context';
import { detail, isRecord, json, parseJsonBody, type Caller, type Router, type SimRequest, type SimResponse } from './http';
import { pyOffset, pyZulu, restTime } from './profiles';
import { parseIntParam } from './pydantic';
import { lookupTranscript } from './transcriptRoutes';
import type { MeetingRecord } from './types';

const TX = { kind: 'user', scope: 'tx', service: 'collector' } as const;

interface PublicShare {
  platform: string;
  nativeId: string;
  meetingId: string | null;
  apiKey: string;
  expiresAt: number;
}

interface ShareGrant {
  meetingId: number;
  secret: string;
  mode: string;
  allowedEmails: string[];
  expiresAt: number;
}

const TTL_DEFAULT = 900;
const TTL_MIN = 60;
const TTL_MAX = 86_400;

/** G1/G2 public text links (gateway-served) and G3 capability tokens. */
export class ShareStore {
  readonly publicLinks = new Map<string, PublicShare>();
  readonly grants = new Map<string, ShareGrant>();
}

export function registerShareRoutes(router: Router, ctx: SimContext, store: ShareStore): void {
  if (ctx.profile !== 'g3') {
    // The G1/G2 gateway serves these itself, checking only that a key is present before it asks the collector.
    router.add('POST', '/transcripts/{platform}/{native_id}/share', { kind: 'public' }, (req) => createPublicLink(ctx, store, req));
    router.add('GET', '/public/transcripts/{file}', { kind: 'public' }, (req) => readPublicLink(ctx, store, req));
    return;
  }
  const mintByNative = (req: SimRequest, caller: Caller | null): SimResponse => {
    const { platform, native_id: nativeId } = req.params as { platform: string; native_id: string };
    const m = ctx.meetings.newest(caller!.user.id, platform, nativeId);
    return m ? mintGrant(ctx, store, req, m) : detail(404, `Meeting not found for ${platform}/${nativeId}`);
  };
  const mintById = (req: SimRequest, caller: Caller | null): SimResponse => {
    const id = Number.parseInt(req.params.meeting_id ?? '', 10);
    const m = ctx.meetings.get(id);
    return m && m.userId === caller!.user.id ? mintGrant(ctx, store, req, m) : detail(404, 'Meeting not found');
  };
  router.add('POST', '/transcripts/share/accept', TX, (req, caller) => acceptGrant(ctx, store, req, caller!));
  router.add('POST', '/transcripts/by-id/{meeting_id}/share', TX, mintById);
  router.add('POST', '/transcripts/{platform}/{native_id}/share', TX, mintByNative);
  router.add('POST', '/meetings/{meeting_id}/share', TX, mintById);
  router.add('POST', '/meetings/{platform}/{native_id}/share', TX, mintByNative);
}

function shareBaseUrl(req: SimRequest): string {
  const proto = headerValue(req.headers, 'x-forwarded-proto');
  const host = headerValue(req.headers, 'x-forwarded-host');
  return proto && host ? `${proto}://${host}` : req.origin;
}

function createPublicLink(ctx: SimContext, store: ShareStore, req: SimRequest): SimResponse {
  const key = headerValue(req.headers, 'x-api-key');
  if (!key) return detail(401, 'Missing X-API-Key');
  const ttlParam = parseIntParam(req.query.get('ttl_seconds'), 'ttl_seconds');
  if (!ttlParam.ok) return detail(422, [ttlParam.error]);
  const meetingIdParam = req.query.get('meeting_id');

  // Any non-200 from the collector is re-raised with the collector's raw body text as detail.
  const auth = authenticateUser(ctx, req.headers, 'tx', 'collector');
  if (!auth.ok) return detail(auth.response.status, JSON.stringify(auth.response.body));
  const found = lookupTranscript(ctx, auth.caller.user.id, req.params.platform!, req.params.native_id!, meetingIdParam);
  if (!found.ok) return detail(found.response.status, JSON.stringify(found.response.body));

  const ttl = Math.min(TTL_MAX, Math.max(TTL_MIN, ttlParam.value ?? TTL_DEFAULT));
  const shareId = randomBytes(16).toString('base64url');
  const expiresAt = ctx.clock.now() + ttl * 1000;
  store.publicLinks.set(shareId, {
    platform: req.params.platform!,
    nativeId: req.params.native_id!,
    meetingId: meetingIdParam,
    apiKey: key,
    expiresAt,
  });
  return json(200, {
    share_id: shareId,
    url: `${shareBaseUrl(req)}/public/transcripts/${shareId}.txt`,
    expires_at: pyZulu(expiresAt),
    expires_in_seconds: ttl,
  });
}

const PUBLIC_HEADERS = {
  'Content-Type': 'text/plain; charset=utf-8',
  'Cache-Control': 'no-store, no-cache, must-revalidate',
  'X-Robots-Tag': 'noindex, nofollow, noarchive',
};

function readPublicLink(ctx: SimContext, store: ShareStore, req: SimRequest): SimResponse {
  const file = req.params.file ?? '';
  if (!file.endsWith('.txt')) return detail(404, 'Not Found');
  const share = store.publicLinks.get(file.slice(0, -4));
  if (!share || share.expiresAt <= ctx.clock.now()) return detail(404, 'Share link expired or not found');
  // Every read fetches a fresh transcript with the sharer's key, so a live meeting keeps growing.
  const auth = authenticateUser(ctx, { 'x-api-key': share.apiKey }, 'tx', 'collector');
  if (!auth.ok) return detail(auth.response.status, JSON.stringify(auth.response.body));
  const found = lookupTranscript(ctx, auth.caller.user.id, share.platform, share.nativeId, share.meetingId);
  if (!found.ok) return detail(found.response.status, JSON.stringify(found.response.body));
  return { status: 200, body: publicTranscriptText(ctx, found.meeting), headers: PUBLIC_HEADERS };
}

/** The G1/G2 gateway's plain-text rendering of a shared transcript. */
export function publicTranscriptText(ctx: SimContext, m: MeetingRecord): string {
  const lines = ['MEETING TRANSCRIPT', '', `Platform: ${m.platform}`, `Meeting ID: ${m.nativeId ?? ''}`];
  const start = restTime(ctx.profile, m.startTime);
  const end = restTime(ctx.profile, m.endTime);
  if (start) lines.push(`Start: ${start}`);
  if (end) lines.push(`End: ${end}`);
  lines.push('', '---', '');
  const base = m.startTime ?? m.createdAt;
  for (const s of [...m.segments.values()].sort((a, b) => a.start - b.start)) {
    const text = s.text.trim();
    if (!text) continue;
    // Simulated segments always carry absolute times, so the relative MM:SS fallback never applies.
    const stamp = new Date(base + s.start * 1000).toISOString().slice(0, 19).replace('T', ' ');
    lines.push(`[${stamp}] ${s.speaker || 'Unknown'}: ${text}`);
  }
  return lines.join('\n').trim() + '\n';
}

function mintGrant(ctx: SimContext, store: ShareStore, req: SimRequest, m: MeetingRecord): SimResponse {
  const parsed = parseJsonBody(req);
  const payload = parsed.ok && isRecord(parsed.value) ? parsed.value : {};
  const mode = typeof payload.mode === 'string' && payload.mode.trim() ? payload.mode.trim() : 'open';
  const ttl = Number.parseInt(String(payload.expires_in_sec ?? 86_400), 10) || 86_400;
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(24).toString('base64url');
  const expiresAt = ctx.clock.now() + ttl * 1000;
  const allowedEmails = Array.isArray(payload.allowed_emails)
    ? payload.allowed_emails.filter((e): e is string => typeof e === 'string')
    : [];
  store.grants.set(id, { meetingId: m.id, secret, mode, allowedEmails, expiresAt });
  return json(200, { id, token: `${m.id}.${secret}`, mode, expires_at: pyOffset(expiresAt) });
}

function acceptGrant(ctx: SimContext, store: ShareStore, req: SimRequest, caller: Caller): SimResponse {
  const parsed = parseJsonBody(req);
  if (!parsed.ok) return detail(422, 'invalid JSON body');
  const token = isRecord(parsed.value) && typeof parsed.value.token === 'string' ? parsed.value.token.trim() : '';
  if (!token) return detail(422, "'token' is required");
  // `<meeting_id>.<secret>`: a token naming no meeting is unknown (404); a wrong secret for a
  // meeting that exists is an invalid grant (400 "invalid"), as redeem_transcript_share answers.
  const dot = token.indexOf('.');
  const meetingId = /^\d+$/.test(token.slice(0, dot)) ? Number.parseInt(token.slice(0, dot), 10) : Number.NaN;
  const secret = token.slice(dot + 1);
  const m = dot > 0 ? ctx.meetings.get(meetingId) : undefined;
  if (!m) return detail(404, 'invalid or unknown share token');
  const grant = [...store.grants.values()].find((g) => g.meetingId === meetingId && g.secret === secret);
  if (!grant) return detail(400, 'invalid');
  if (grant.expiresAt <= ctx.clock.now()) return detail(403, 'expired');
  if (grant.mode === 'restricted' && !grant.allowedEmails.includes(caller.user.email)) return detail(403, 'not_allowed');
  if (m.userId !== caller.user.id) m.viewers.add(caller.user.id);
  return json(200, { meeting_id: m.id, ok: true });
}
