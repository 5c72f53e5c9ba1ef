/**
 * The app's own links (`vexa://…`), as a calendar, a bookmark, a web page or a script writes them.
 * Pure and total: any input, however long or broken, gives a link or one sentence saying why not.
 *
 *   vexa://join?url=<meeting link, percent-encoded>   Launch, with the link filled in (not sent);
 *                                                     the link is the meeting's https:// address
 *   vexa://meeting/<server>/<meeting id>              that meeting in the library
 *
 * `<server>` is the server's id (its address as the app normalises it, `https://host[:port][/path]`,
 * or `demo`), percent-encoded or not: the meeting id is always the last path segment, so the
 * slashes of an unencoded address cannot be mistaken for it. A bare `host[:port]` also names a
 * server when exactly one server the app knows has that host (resolved by the core). The person's
 * label for a server is not accepted: labels change and two servers may share one, so a link kept
 * in a calendar would silently lead somewhere else. `<meeting id>` is the server's own meeting id
 * (the `id` of Vexa's meeting list), not anything local to this computer.
 *
 * `vexa:join?url=…` (no slashes) and a trailing slash (`vexa://join/?url=…`, which some launchers
 * add) mean the same; the scheme and the action are case-insensitive. Anything else is refused.
 */
import { MAX_MEETING_LINK_INPUT, parseMeetingLink } from './meeting-link';

export const LINK_SCHEME = 'vexa';

/**
 * The longest link read. A meeting link is at most MAX_MEETING_LINK_INPUT characters, and
 * percent-encoding triples a character at worst; anything longer is not a link the app wrote.
 */
export const MAX_DEEP_LINK_LENGTH = MAX_MEETING_LINK_INPUT * 3 + 64;

export type DeepLink =
  /** `meetingLink`: the meeting link as given (decoded, trimmed); it parses as a meeting link. */
  | { kind: 'join'; meetingLink: string }
  /** `server`: the server as the link names it (decoded): an id, or a bare host the core resolves. */
  | { kind: 'meeting'; server: string; meetingId: number };

export type DeepLinkErrorCode =
  | 'empty'
  | 'too_long'
  | 'not_vexa'
  | 'unknown_action'
  | 'malformed'
  | 'missing_url'
  | 'not_a_meeting_link'
  | 'missing_server'
  | 'bad_meeting_id';

export type DeepLinkResult = { ok: true; link: DeepLink } | { ok: false; code: DeepLinkErrorCode; message: string };

const refuse = (code: DeepLinkErrorCode, message: string): DeepLinkResult => ({ ok: false, code, message });

const FORMATS = 'vexa://join?url=… or vexa://meeting/<server>/<meeting id>';
const DAMAGED = `The link that opened Vexa Companion is damaged. Links it understands look like ${FORMATS}.`;

/** Decodes percent-escapes; null for a broken escape (`%zz`, `%E0%A4`) instead of throwing. */
function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * The query's parameters, decoded. `+` is kept as it is (not a space): a meeting link never
 * holds a space, and a `+` in an unencoded link is more likely the link's own. A duplicated
 * parameter is refused rather than guessed at.
 */
function queryParams(query: string): Map<string, string> | 'malformed' {
  const params = new Map<string, string>();
  if (query === '') return params;
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decode(eq < 0 ? part : part.slice(0, eq));
    const value = decode(eq < 0 ? '' : part.slice(eq + 1));
    if (name === null || value === null || params.has(name.toLowerCase())) return 'malformed';
    params.set(name.toLowerCase(), value);
  }
  return params;
}

export function parseDeepLink(raw: unknown): DeepLinkResult {
  if (typeof raw !== 'string' || raw.trim() === '')
    return refuse('empty', `That link is empty. Links Vexa Companion understands look like ${FORMATS}.`);
  if (raw.length > MAX_DEEP_LINK_LENGTH) return refuse('too_long', 'That link is too long to be a Vexa Companion link.');
  const text = raw.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text);
  if (!scheme || scheme[1]!.toLowerCase() !== LINK_SCHEME)
    return refuse('not_vexa', `Vexa Companion opens only its own links, which start with ${LINK_SCHEME}://.`);
  // `vexa://join`, `vexa:join` and `vexa:///join` all name the action first; the fragment says nothing.
  const rest = text.slice(scheme[0].length).replace(/^\/{0,3}/, '');
  const hash = rest.indexOf('#');
  const beforeHash = hash < 0 ? rest : rest.slice(0, hash);
  const q = beforeHash.indexOf('?');
  const path = q < 0 ? beforeHash : beforeHash.slice(0, q);
  const query = q < 0 ? '' : beforeHash.slice(q + 1);
  const segments = path.split('/');
  if (segments.length > 1 && segments.at(-1) === '') segments.pop();
  const action = (segments[0] ?? '').toLowerCase();
  if (action === 'join') return parseJoin(segments, query);
  if (action === 'meeting') return parseMeeting(segments, query);
  return refuse('unknown_action', `Vexa Companion does not know what to do with that link. Links it understands look like ${FORMATS}.`);
}

function parseJoin(segments: string[], query: string): DeepLinkResult {
  if (segments.length > 1) return refuse('malformed', DAMAGED);
  const params = queryParams(query);
  if (params === 'malformed') return refuse('malformed', DAMAGED);
  const url = params.get('url')?.trim() ?? '';
  if (url === '') return refuse('missing_url', 'That join link names no meeting: it needs ?url= followed by the meeting link.');
  // One web address and nothing else: a `javascript:` or `file:` link, or text with a meeting
  // link buried in it, is not what a calendar or a script writes here.
  if (!/^https?:\/\/\S+$/i.test(url))
    return refuse(
      'not_a_meeting_link',
      'The link that opened Vexa Companion does not hold a meeting link: its url= must be the meeting’s https:// address.',
    );
  const meeting = parseMeetingLink(url);
  // The meeting-link parser's own sentence says what is wrong with the link (not a meeting host,
  // a calendar page, a private address…); it quotes at most a short piece of it.
  if (!meeting.ok)
    return refuse(
      'not_a_meeting_link',
      `The link that opened Vexa Companion does not hold a meeting link it can send a bot to. ${meeting.message}`,
    );
  return { ok: true, link: { kind: 'join', meetingLink: url } };
}

function parseMeeting(segments: string[], query: string): DeepLinkResult {
  // The server is everything between `meeting/` and the last segment, so an unencoded address
  // (`https://host/prefix`) keeps its slashes. Its `//` shows as an empty segment.
  if (segments.length < 3)
    return refuse(
      'missing_server',
      'That meeting link names no server or no meeting: it should look like vexa://meeting/<server>/<meeting id>.',
    );
  if (query !== '' && queryParams(query) === 'malformed') return refuse('malformed', DAMAGED);
  const idText = segments.at(-1)!;
  const serverText = decode(segments.slice(1, -1).join('/'));
  if (serverText === null) return refuse('malformed', DAMAGED);
  const server = serverText.trim();
  if (server === '' || server.length > 2048) return refuse('missing_server', 'That meeting link names no server it could be on.');
  if (!/^\d{1,15}$/.test(idText) || !Number.isSafeInteger(Number(idText)))
    return refuse('bad_meeting_id', 'That meeting link does not end with a meeting number, so it names no meeting.');
  return { ok: true, link: { kind: 'meeting', server, meetingId: Number(idText) } };
}

/** A join link for a meeting link (what a calendar or script would write). */
export function joinDeepLink(meetingLink: string): string {
  return `${LINK_SCHEME}://join?url=${encodeURIComponent(meetingLink)}`;
}

/** A link to a meeting of a server, by the server's id and the server's meeting id. */
export function meetingDeepLink(serverId: string, meetingId: number): string {
  return `${LINK_SCHEME}://meeting/${encodeURIComponent(serverId)}/${meetingId}`;
}

/**
 * What may be written to the log about a link: never its query or path, which may carry
 * anything a web page chose (a key-like string included); only the action word it asked for,
 * when that is one the app knows, and how long it was.
 */
export function deepLinkLogFields(raw: unknown): { action: 'join' | 'meeting' | 'other' | 'not-vexa'; length: number } {
  const text = typeof raw === 'string' ? raw : '';
  const m = /^\s*vexa:\/{0,3}([a-z]*)/i.exec(text.slice(0, 64));
  const word = m?.[1]?.toLowerCase();
  const action = !m ? 'not-vexa' : word === 'join' || word === 'meeting' ? word : 'other';
  return { action, length: text.length };
}
