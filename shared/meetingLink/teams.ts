import { safeDecode, toMeetingUrl, type Candidate } from './candidates';
import { TEAMS_NUMERIC_ID, TEAMS_PASSCODE, TEAMS_THREAD_ID } from './rules';
import { clip, found, refuse, type MeetingLinkResult } from './types';

const JOIN_LINK_HINT = "copy the meeting's “Join the meeting now” link from the invite";

/** Consumer, commercial and government Teams clouds (G2 `parse_meeting_url`, the Vexa MCP parser). */
export function isTeamsHost(host: string): boolean {
  return (
    host === 'teams.live.com' ||
    host === 'teams.microsoft.com' ||
    host.endsWith('.teams.microsoft.com') ||
    host === 'teams.microsoft.us' ||
    host.endsWith('.teams.microsoft.us')
  );
}

/**
 * Teams links. The native id follows G3: the `19:meeting_…@thread.v2` thread id of a long
 * `/l/meetup-join/` link (URL-decoded; `:` and `@` are allowed in G3 ids), else the numeric id of
 * a `/meet/<id>?p=` link. The link itself is always kept: G3 builds
 * `teams.microsoft.com/l/meetup-join/{id}` from an id, which cannot be joined for numeric ids
 * (issues #843, #1355), and government clouds need their own host.
 */
export function parseTeamsUrl(candidate: Candidate): MeetingLinkResult | null {
  const { url, host } = candidate;
  if (!isTeamsHost(host)) return null;
  const fragment = url.hash.replace(/^#/, '');
  const [fragmentPath = '', fragmentQuery = ''] = fragment.split('?', 2);
  const path = url.pathname.toLowerCase() + fragmentPath.toLowerCase();
  // A meeting's chat link carries the meeting's thread id too, but the bot cannot join through it.
  if (/\/l\/(?:chat|channel|team|message|entity|app)\//.test(path)) {
    return refuse('missing_id', `This link opens a Teams chat or channel, not a meeting — ${JOIN_LINK_HINT}.`);
  }
  const target = plainJoinUrl(url, host) ?? url;
  const meetingUrl = toMeetingUrl(target);

  const thread = TEAMS_THREAD_ID.exec(safeDecode(target.href))?.[0];
  if (thread) return found({ platform: 'teams', nativeMeetingId: thread, meetingUrl });

  // `/meet/<id>?p=` in the path, or in the fragment of the `/v2/?meetingjoin=true#/meet/<id>?p=` deep link.
  const inPath = /^\/meet\/([^/]+)\/?$/i.exec(url.pathname);
  const inFragment = /^\/meet\/([^/]+)\/?$/i.exec(fragmentPath);
  const meet = inPath ?? inFragment;
  if (meet) {
    const id = safeDecode(meet[1] ?? '');
    if (!TEAMS_NUMERIC_ID.test(id)) {
      return refuse('invalid_id', `“${clip(id)}” is not a Teams meeting ID (10 to 15 digits) — ${JOIN_LINK_HINT}.`);
    }
    const p = (inPath ? url.searchParams : new URLSearchParams(fragmentQuery)).get('p') ?? undefined;
    // An unusual passcode stays in the link only: G1/G2 refuse one outside 4–20 letters and digits.
    return found({ platform: 'teams', nativeMeetingId: id, meetingUrl, ...(p && TEAMS_PASSCODE.test(p) ? { passcode: p } : {}) });
  }
  return refuse(...teamsRefusal(path));
}

/**
 * The plain `/l/meetup-join/` link behind the page Teams opens when a join link is clicked
 * (`/dl/launcher/launcher.html?url=/_#/l/meetup-join/…`) and behind the old web-app route
 * (`/_#/l/meetup-join/…`); G2 recognises only the plain form.
 */
function plainJoinUrl(url: URL, host: string): URL | null {
  const path = url.pathname.toLowerCase();
  let inner: string | null = null;
  if (path.startsWith('/dl/launcher/')) inner = url.searchParams.get('url');
  else if ((path === '/_' || path === '/') && url.hash.toLowerCase().startsWith('#/l/meetup-join/')) inner = url.hash.slice(1);
  if (!inner?.startsWith('/')) return null;
  try {
    return new URL(`https://${host}${inner.replace(/^\/_#/, '')}`);
  } catch {
    return null;
  }
}

function teamsRefusal(path: string): ['missing_id' | 'invalid_id', string] {
  if (path.includes('/l/meetup-join')) {
    return [
      'invalid_id',
      `This Teams link has no meeting ID Vexa can read (it may be cut short or a channel meeting) — ${JOIN_LINK_HINT}.`,
    ];
  }
  if (path.includes('meetingoptions')) return ['missing_id', `This is the Teams meeting options page — ${JOIN_LINK_HINT} instead.`];
  return ['missing_id', `This Teams link does not lead to a meeting — ${JOIN_LINK_HINT}.`];
}
