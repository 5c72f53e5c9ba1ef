import { invalidResponse } from './errors';
import { normaliseStatus } from './normalise';
import { parseVexaTimestamp } from './time';
import { maskTokenValue } from './keyScope';
import type {
  AdminToken,
  AdminUser,
  AuthMe,
  MintedToken,
  BotStatusEntry,
  ChatMessage,
  MeetingStatus,
  ShareLink,
  StopResult,
} from './types';
import {
  adminTokenWire,
  adminUserWire,
  authMeWire,
  botStatusEntryWire,
  botStatusWire,
  chatMessageWire,
  chatWire,
  parseRows,
  parseWire,
  publicShareWire,
  stopWire,
  tokenShareWire,
} from './wire';

/** G1/G2 orchestrator states (`normalized_status`) as meeting statuses. */
const CONTAINER_STATUS: Record<string, MeetingStatus> = {
  requested: 'requested',
  starting: 'joining',
  up: 'active',
  stopping: 'stopping',
  exited: 'completed',
  failed: 'failed',
};

/** `GET /bots/status` in all three shapes. */
export function normaliseBotStatus(raw: unknown): BotStatusEntry[] {
  const w = parseWire(botStatusWire, raw, 'the bot status');
  // G3 sends the same rows twice (running and running_bots).
  const rows = w.running ?? w.running_bots ?? [];
  return parseRows(botStatusEntryWire, rows, (e) => {
    let status: MeetingStatus = 'unknown';
    if (e.meeting_status) status = normaliseStatus(e.meeting_status);
    if (status === 'unknown' && e.normalized_status) {
      status = CONTAINER_STATUS[e.normalized_status.toLowerCase()] ?? 'unknown';
    }
    // G1/G2 `status` is Docker text such as "Up 3 minutes"; G3 rows carry the meeting status.
    if (status === 'unknown') status = normaliseStatus(e.status);
    return {
      meetingId: e.meeting_id ?? e.id ?? e.meeting_id_from_name ?? null,
      platform: e.platform ?? 'unknown',
      nativeMeetingId: e.native_meeting_id ?? null,
      status,
      containerId: e.container_id ?? e.bot_container_id ?? null,
      createdAt: parseVexaTimestamp(e.created_at),
      startTime: parseVexaTimestamp(e.start_time),
      meetingUrl: e.constructed_meeting_url ?? null,
    };
  });
}

/** The G1/G2 public URL or the G3 capability token, whichever the body is. */
export function normaliseShare(raw: unknown): ShareLink {
  const token = tokenShareWire.safeParse(raw);
  if (token.success) {
    return {
      kind: 'capability-token',
      token: token.data.token,
      // The token is "<meeting_id>.<secret>"; fall back to its prefix when the id is missing.
      id: token.data.id ?? token.data.token.split('.')[0] ?? '',
      mode: token.data.mode ?? null,
      expiresAt: parseVexaTimestamp(token.data.expires_at),
    };
  }
  const pub = parseWire(publicShareWire, raw, 'a share link');
  const expiresAt =
    parseVexaTimestamp(pub.expires_at) ??
    (pub.expires_in_seconds !== null && pub.expires_in_seconds !== undefined ? Date.now() + pub.expires_in_seconds * 1000 : null);
  const shareId = pub.share_id ?? /\/([^/]+?)(\.txt)?$/.exec(pub.url)?.[1] ?? '';
  return { kind: 'public-url', url: pub.url, shareId, expiresAt };
}

export function normaliseAuthMe(raw: unknown): AuthMe {
  const w = parseWire(authMeWire, raw, 'the account details');
  if (w.user_id == null && w.email == null && w.scopes == null) throw invalidResponse('the account details');
  return {
    userId: w.user_id ?? null,
    email: w.email ?? null,
    scopes: w.scopes ?? null,
    maxConcurrent: w.max_concurrent ?? w.max_concurrent_bots ?? null,
  };
}

export function normaliseChat(raw: unknown): ChatMessage[] {
  const w = parseWire(chatWire, raw, 'the meeting chat');
  return parseRows(chatMessageWire, w.messages ?? [], (m) =>
    typeof m.text === 'string'
      ? { sender: m.sender ?? '', text: m.text, timestamp: parseVexaTimestamp(m.timestamp), isFromBot: m.is_from_bot === true }
      : null,
  );
}

/** A 2xx answer to DELETE /bots: G1/G2 202 `{message}`, G3 200 `{status:"stopping", ...}`. */
export function normaliseStop(raw: unknown): StopResult {
  const w = parseWire(stopWire, raw ?? {}, 'the answer to stopping the bot');
  if (w.message && /already (completed|failed)/i.test(w.message)) {
    return { accepted: false, alreadyFinished: true, message: STOP_MESSAGES.alreadyFinished };
  }
  return { accepted: true, message: STOP_MESSAGES.accepted };
}

export const STOP_MESSAGES = {
  accepted: 'The bot is leaving the meeting.',
  alreadyFinished: 'The bot had already left this meeting.',
};

function tokenFromWire(raw: unknown): (AdminToken & { value: string | null }) | null {
  const p = adminTokenWire.safeParse(raw);
  if (!p.success || !p.data.id) return null;
  const t = p.data;
  const value = t.token ? t.token : null;
  return {
    id: t.id!,
    userId: t.user_id ?? null,
    scopes: t.scopes ?? null,
    name: t.name ?? null,
    createdAt: parseVexaTimestamp(t.created_at),
    lastUsedAt: parseVexaTimestamp(t.last_used_at),
    expiresAt: parseVexaTimestamp(t.expires_at),
    maskedValue: value === null ? null : maskTokenValue(value),
    value,
  };
}

/** A listed token: the value (G1/G2 list it) is reduced to its masked form and dropped. */
function listedToken(raw: unknown): AdminToken | null {
  const t = tokenFromWire(raw);
  if (!t) return null;
  const { value: _value, ...listed } = t;
  return listed;
}

/** The answer to minting a token: the one place its value is kept. */
export function normaliseMintedToken(raw: unknown): MintedToken {
  const t = tokenFromWire(raw);
  if (!t || t.value === null) throw invalidResponse('a new API token');
  return { ...t, value: t.value };
}

export function normaliseAdminTokens(raw: unknown): AdminToken[] {
  if (!Array.isArray(raw)) throw invalidResponse('a token list');
  return raw.map(listedToken).filter((t): t is AdminToken => t !== null);
}

export function normaliseAdminUser(raw: unknown): AdminUser {
  const u = parseWire(adminUserWire, raw, 'a user');
  if (!u.id) throw invalidResponse('a user');
  return {
    id: u.id,
    email: u.email ?? null,
    name: u.name ?? null,
    maxConcurrentBots: u.max_concurrent_bots ?? null,
    createdAt: parseVexaTimestamp(u.created_at),
    data: u.data ?? {},
    tokens: u.api_tokens ? u.api_tokens.map(listedToken).filter((t): t is AdminToken => t !== null) : null,
  };
}

export function normaliseAdminUsers(raw: unknown): AdminUser[] {
  // G1 returns a plain array; tolerate a `{users: [...]}` wrapper from analytics routers.
  const rows = Array.isArray(raw) ? raw : (raw as { users?: unknown } | null)?.users;
  if (!Array.isArray(rows)) throw invalidResponse('a user list');
  return rows.flatMap((r) => {
    try {
      return [normaliseAdminUser(r)];
    } catch {
      return [];
    }
  });
}
