import { FEED_URL_MAX } from '../../../shared/ipc/updates';

export type FeedCheck = { ok: true; url: string | null } | { ok: false; message: string };

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * A feed address the person typed, or null (empty) for the feed built into the app.
 *
 * https only, except on this computer: on Linux (AppImage, deb, rpm) the only integrity check
 * electron-updater makes is the sha512 written in the feed's own latest-linux.yml, so a feed
 * over plain http would let anyone on the network hand out both a file and its matching hash.
 * No user name or password in the address: it is shown in Settings and written to the log.
 */
export function checkFeedUrl(raw: string | null): FeedCheck {
  const text = (raw ?? '').trim();
  if (text === '') return { ok: true, url: null };
  if (text.length > FEED_URL_MAX) return { ok: false, message: 'This address is too long to be an update feed.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: 'Enter the whole address of the update feed, starting with https://.' };
  }
  if (url.username || url.password)
    return { ok: false, message: 'Leave the user name and password out of the feed address: it is shown here and written to the log.' };
  const local = LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
    return {
      ok: false,
      message:
        'The update feed must use https:// (plain http:// is accepted only for a feed on this computer), so nobody on the network can swap the update.',
    };
  url.hash = '';
  return { ok: true, url: url.href };
}
