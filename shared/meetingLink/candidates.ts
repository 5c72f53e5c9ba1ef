/**
 * Finding links in what people paste: a bare URL, `<https://…>` from Outlook's plain text, a
 * calendar invite body with several links, links wrapped by Gmail or Outlook Safe Links.
 */

// Scheme links run to the next space, bracket or quote; scheme-less ones need `host.tld/`.
const LINK_IN_TEXT =
  /\b(?:https?|msteams|zoommtg|zoomus):[^\s<>"'`]+|(?<![\w@./-])(?:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}|localhost|\d{1,3}(?:\.\d{1,3}){3})(?::\d{1,5})?\/[^\s<>"'`]*/gi;
const WHOLE_INPUT_LINK =
  /^(?:[a-z][a-z0-9+.-]*:|(?:[\w-]+\.)+[a-z]{2,63}(?::\d{1,5})?(?:[/?#]|$)|localhost(?::\d{1,5})?(?:[/?#]|$)|\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?(?:[/?#]|$))/i;
const MAX_CANDIDATES = 50;
const MAX_UNWRAP_DEPTH = 3;

/** A link found in the text, parsed, with redirect wrappers removed. */
export interface Candidate {
  url: URL;
  /** Lower-case host name without a trailing dot. */
  host: string;
}

/** Removes quotes, angle brackets and backticks wrapped around a pasted value. */
export function unwrapPasted(text: string): string {
  let s = text.trim();
  for (let i = 0; i < 3; i++) {
    const m = /^(?:<(.*)>|"(.*)"|'(.*)'|`(.*)`|“(.*)”|‘(.*)’|\((.*)\)|\[(.*)\])$/s.exec(s);
    if (!m) break;
    s = (m.slice(1).find((g) => g !== undefined) ?? '').trim();
  }
  return s;
}

/** Drops punctuation that ends the sentence around a link, and closing brackets it did not open. */
export function trimTrailing(link: string): string {
  let s = link;
  for (;;) {
    const last = s.at(-1);
    if (last === undefined) return s;
    if ('.,;:!?\'"*>»”’'.includes(last)) {
      s = s.slice(0, -1);
      continue;
    }
    const opener = ({ ')': '(', ']': '[', '}': '{' } as Record<string, string>)[last];
    if (opener && count(s, last) > count(s, opener)) {
      s = s.slice(0, -1);
      continue;
    }
    return s;
  }
}

const count = (s: string, ch: string): number => s.split(ch).length - 1;

/** The links in `text`, in order of appearance. */
export function linkCandidates(text: string): Candidate[] {
  const pasted = unwrapPasted(text);
  // A single pasted URL is taken whole: a Teams link copied from an address bar can carry a
  // decoded `context={"Tid":…}` whose quotes would otherwise end the match.
  const raws = !/\s/.test(pasted) && WHOLE_INPUT_LINK.test(pasted) ? [pasted] : (pasted.match(LINK_IN_TEXT) ?? []);
  const out: Candidate[] = [];
  for (const raw of raws.slice(0, MAX_CANDIDATES)) {
    const candidate = toCandidate(trimTrailing(raw), 0);
    if (candidate) out.push(candidate);
  }
  return out;
}

function toCandidate(raw: string, depth: number): Candidate | null {
  const url = toUrl(raw);
  if (!url) return null;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (depth < MAX_UNWRAP_DEPTH) {
    const inner = wrappedTarget(url, host);
    if (inner) return toCandidate(inner, depth + 1) ?? { url, host };
  }
  return { url, host };
}

/** Parses a link the way a browser would, after rewriting app schemes to the https link they stand for. */
export function toUrl(raw: string): URL | null {
  let s = raw;
  if (/^msteams:/i.test(s)) {
    // Teams' desktop protocol: `msteams:/l/meetup-join/…` or `msteams://teams.microsoft.com/…`.
    s = /^msteams:\/\//i.test(s) ? s.replace(/^msteams:/i, 'https:') : s.replace(/^msteams:\/*/i, 'https://teams.microsoft.com/');
  } else if (/^(?:zoommtg|zoomus):\/\//i.test(s)) {
    s = s.replace(/^(?:zoommtg|zoomus):/i, 'https:');
  } else if (!/^[a-z][a-z0-9+.-]*:/i.test(s) || /^[\w.-]+:\d{1,5}(?:[/?#]|$)/.test(s)) {
    s = `https://${s}`;
  }
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '') return null;
  return url;
}

/** The link inside a Gmail (`google.com/url?q=`) or Outlook Safe Links redirect. */
function wrappedTarget(url: URL, host: string): string | null {
  if ((host === 'google.com' || host === 'www.google.com') && url.pathname === '/url') {
    return url.searchParams.get('q') ?? url.searchParams.get('url');
  }
  if (host.endsWith('.safelinks.protection.outlook.com')) return url.searchParams.get('url');
  return null;
}

const TRACKING_PARAM = /^(?:utm_[a-z_]+|fbclid|gclid|mc_cid|mc_eid)$/i;

/**
 * The URL the bot is given: https (G3 refuses anything else), no credentials, no marketing
 * parameters. The query is rewritten only when something is removed, so a Teams `context=` stays
 * byte for byte as pasted.
 */
export function toMeetingUrl(url: URL): string {
  const out = new URL(url.href);
  out.protocol = 'https:';
  out.username = '';
  out.password = '';
  const tracking = [...out.searchParams.keys()].filter((k) => TRACKING_PARAM.test(k));
  if (tracking.length > 0) {
    for (const key of tracking) out.searchParams.delete(key);
    if ([...out.searchParams.keys()].length === 0) out.search = '';
  }
  return out.href;
}

/** Percent-decodes what decodes, leaving malformed escapes as they are. */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}
