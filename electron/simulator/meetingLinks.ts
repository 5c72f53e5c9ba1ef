import { createHash } from 'node:crypto';
import type { SimProfile } from './types';

export const MEET_CODE = /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/;
export const MEET_NICKNAME = /^[a-z0-9][a-z0-9-]{3,38}[a-z0-9]$/;
export const TEAMS_NUMERIC = /^\d{10,15}$/;
export const TEAMS_HEX = /^[0-9a-f]{16}$/;
export const ZOOM_ID = /^\d{9,11}$/;

export interface ParsedLink {
  platform: string;
  nativeId: string;
  passcode?: string;
  teamsBaseHost?: string;
  /** Kept when the id was derived and the bot must use the original link. */
  meetingUrl?: string;
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** G1/G2 URL builders; `null` where no joinable URL can be built from the id. */
export function constructUrl(
  profile: SimProfile,
  platform: string,
  nativeId: string,
  passcode?: string | null,
  teamsBaseHost?: string | null,
): string | null {
  if (platform === 'google_meet') return `https://meet.google.com/${nativeId}`;
  if (profile === 'g3') return platform === 'teams' ? `https://teams.microsoft.com/l/meetup-join/${nativeId}` : null;
  if (platform === 'teams') {
    if (!TEAMS_NUMERIC.test(nativeId)) return null;
    return `https://${teamsBaseHost || 'teams.live.com'}/meet/${nativeId}${passcode ? `?p=${passcode}` : ''}`;
  }
  if (platform === 'zoom') {
    if (!ZOOM_ID.test(nativeId)) return null;
    return `https://zoom.us/j/${nativeId}${passcode ? `?pwd=${passcode}` : ''}`;
  }
  return null;
}

function toUrl(raw: string): URL | null {
  const rewritten = raw.startsWith('msteams:') ? raw.replace(/^msteams:/, 'https://teams.microsoft.com') : raw;
  try {
    return new URL(rewritten);
  } catch {
    return null;
  }
}

function isEnterpriseTeamsHost(host: string): boolean {
  return /(^|\.)teams\.microsoft\.(com|us)$/.test(host);
}

/** G2 `parse_meeting_url`: best effort; unknown links are kept as-is when `platform` is given. */
export function parseMeetingUrlG2(raw: string, platform: string | null): ParsedLink | { error: string } | null {
  const url = toUrl(raw);
  if (!url) return platform ? fallbackG2(raw, platform) : null;
  const host = url.hostname.toLowerCase();
  const q = url.searchParams;
  const pass = q.get('pwd') ?? q.get('password') ?? undefined;
  const withPass = (link: ParsedLink, p?: string | null): ParsedLink => (p ? { ...link, passcode: p } : link);

  if (host === 'meet.google.com') {
    if (url.pathname.startsWith('/lookup/')) return { error: 'Google Meet lookup URLs are not supported; use the meeting code link' };
    const code = url.pathname.split('/').filter(Boolean)[0]?.toLowerCase() ?? '';
    if (!MEET_CODE.test(code) && !MEET_NICKNAME.test(code)) return { error: `Could not find a Google Meet code in '${raw}'` };
    return { platform: 'google_meet', nativeId: code };
  }
  if (host === 'teams.live.com' || isEnterpriseTeamsHost(host)) {
    const meet = /\/meet\/(\d{10,15})/.exec(url.pathname + url.hash);
    if (meet) {
      const teamsPass = q.get('p') ?? /[?&]p=([^&]+)/.exec(url.hash)?.[1] ?? null;
      const link: ParsedLink = { platform: 'teams', nativeId: meet[1]! };
      if (host !== 'teams.live.com') link.teamsBaseHost = host;
      return withPass(link, teamsPass);
    }
    if (url.pathname.startsWith('/l/meetup-join/')) {
      return { platform: 'teams', nativeId: sha256(raw).slice(0, 16), meetingUrl: raw };
    }
  }
  if (host === 'zoom.us' || host.endsWith('.zoom.us') || host === 'zoomgov.com' || host.endsWith('.zoomgov.com')) {
    const m = /^\/(?:j|w|wc\/join)\/(\d{9,11})/.exec(url.pathname);
    if (m) return withPass({ platform: 'zoom', nativeId: m[1]! }, pass);
  }
  return platform ? fallbackG2(raw, platform, pass) : null;
}

function fallbackG2(raw: string, platform: string, passcode?: string): ParsedLink {
  const digits = platform === 'zoom' ? /\d{9,11}/.exec(raw)?.[0] : undefined;
  const link: ParsedLink = { platform, nativeId: digits ?? `url-${sha256(raw).slice(0, 10)}`, meetingUrl: raw };
  return passcode ? { ...link, passcode } : link;
}

/** G3 `parse_meeting_link`: bare codes, Meet, Zoom, Teams (thread id or /meet/), Jitsi. */
export function parseMeetingLinkG3(raw: string): ParsedLink | null {
  const bare = raw.trim();
  if (MEET_CODE.test(bare.toLowerCase())) return { platform: 'google_meet', nativeId: bare.toLowerCase() };
  if (ZOOM_ID.test(bare)) return { platform: 'zoom', nativeId: bare };
  const url = toUrl(bare);
  if (!url) return null;
  const host = url.hostname.toLowerCase();
  const pass = url.searchParams.get('pwd') ?? url.searchParams.get('p') ?? undefined;
  const withPass = (link: ParsedLink): ParsedLink => (pass ? { ...link, passcode: pass } : link);
  if (host.includes('meet.google.com')) {
    const last = url.pathname.split('/').filter(Boolean).pop()?.toLowerCase() ?? '';
    return MEET_CODE.test(last) ? { platform: 'google_meet', nativeId: last } : null;
  }
  if (host.includes('zoom')) {
    const digits = /\d{9,11}/.exec(url.pathname)?.[0] ?? /\d{9,11}/.exec(url.search)?.[0];
    return digits ? withPass({ platform: 'zoom', nativeId: digits }) : null;
  }
  if (host.includes('teams.microsoft.com') || host.includes('teams.live.com')) {
    let decoded = bare;
    try {
      decoded = decodeURIComponent(bare);
    } catch {
      // keep the raw link
    }
    const thread = /19:meeting_[^@%\s/]+@thread\.v2/i.exec(decoded)?.[0];
    if (thread) return withPass({ platform: 'teams', nativeId: thread });
    const meet = /\/meet\/([^/?#]+)/.exec(url.pathname)?.[1];
    return meet ? withPass({ platform: 'teams', nativeId: meet }) : null;
  }
  const room = url.pathname.split('/').filter(Boolean)[0];
  if (room && /^[^/?#\s]+$/.test(room)) {
    if (host === 'meet.jit.si') return { platform: 'jitsi', nativeId: room };
    if (host.includes('jitsi') || host.split('.').includes('meet')) return { platform: 'jitsi', nativeId: `${room}@${host}` };
  }
  return null;
}
