/**
 * Navigation and link policy for every web contents. Pure: the Electron wiring lives in
 * hardening.ts and externalOpener.ts.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'companion';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Longer links are almost always pasted junk or an attempt to smuggle data to the browser. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

function parse(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for the app's own protocol and host. Compared field by field because the origin
 * of a non-special scheme serialises as "null" in the URL standard.
 */
export function isInternalUrl(url: unknown, appOrigin: string = APP_ORIGIN): boolean {
  const target = parse(url);
  const app = parse(appOrigin);
  if (!target || !app) return false;
  return target.protocol === app.protocol && target.host === app.host && target.username === '' && target.password === '';
}

export type NavigationDecision = 'allow' | 'deny';

/** For `will-navigate` and `will-redirect`: the window only ever shows the app itself. */
export function decideNavigation(url: unknown, appOrigin: string = APP_ORIGIN): NavigationDecision {
  return isInternalUrl(url, appOrigin) ? 'allow' : 'deny';
}

export interface WindowOpenDecision {
  action: 'deny';
  /** The normalised link to hand to the system browser, or null to drop it. */
  openExternally: string | null;
}

/** New windows are never created; a web link goes to the system browser instead. */
export function decideWindowOpen(url: unknown): WindowOpenDecision {
  return { action: 'deny', openExternally: toAllowedExternalUrl(url) };
}

// Control characters and any whitespace: the URL parser silently drops some of them, so a
// link that reads one way in the UI could open another.
const SUSPICIOUS_CHARS = /[\u0000-\u001f\u007f-\u009f\s\\]/u;

/**
 * The allowlist for links leaving the app: http(s) with a host, no credentials, no control
 * characters or backslashes, bounded length. Returns the normalised href (IDN hosts in their
 * punycode form, so a look-alike domain is visible in the browser) or null.
 */
export function toAllowedExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) return null;
  if (SUSPICIOUS_CHARS.test(raw)) return null;
  // The parser would forgive `https:///host` and `https://@host`; links that need forgiving are refused.
  const authority = /^https?:\/\/([^/?#]+)/i.exec(raw)?.[1];
  if (!authority || authority.includes('@')) return null;
  const url = parse(raw);
  if (!url) return null;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  if (url.href.length > MAX_EXTERNAL_URL_LENGTH) return null;
  return url.href;
}

export function isAllowedExternalUrl(raw: unknown): boolean {
  return toAllowedExternalUrl(raw) !== null;
}

/**
 * Requests the renderer's session may make: the app's own files, inline images and the
 * DevTools frontend. Everything else (http, ws, file, ...) is cancelled, because all
 * networking belongs to the main process.
 */
export function isAllowedRendererRequest(url: unknown, appOrigin: string = APP_ORIGIN): boolean {
  if (isInternalUrl(url, appOrigin)) return true;
  const parsed = parse(url);
  return parsed !== null && (parsed.protocol === 'data:' || parsed.protocol === 'devtools:');
}
