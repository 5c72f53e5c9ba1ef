/**
 * What a failed check or download means for the person, in words they can act on. The running
 * version is never touched by a failure (electron-updater downloads to a temporary file in its
 * cache folder and deletes it when the transfer or its verification fails), so every message
 * can say so.
 */
export interface FailureContext {
  during: 'check' | 'download';
  /** The feed in use, to name its host. */
  feed: string | null;
  /** The version being downloaded. */
  version?: string;
}

const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ECONNABORTED',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const AGAIN = 'The app tries again in a few hours, or press “Check now”.';

function hostOf(feed: string | null): string {
  if (!feed) return 'the update server';
  try {
    return new URL(feed).host;
  } catch {
    return 'the update server';
  }
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0]?.trim() ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

export function describeUpdateFailure(error: unknown, ctx: FailureContext): string {
  const e = (error ?? {}) as { code?: unknown; message?: unknown; statusCode?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : String(error);
  const statusCode = typeof e.statusCode === 'number' ? e.statusCode : null;
  const what = ctx.version ? `version ${ctx.version}` : 'the update';
  const untouched = 'Nothing was installed and this version keeps running.';

  if (code === 'ERR_CHECKSUM_MISMATCH' || code === 'ERR_UPDATER_NO_CHECKSUM')
    return `The download of ${what} did not match the checksum its feed publishes, so it was deleted. ${untouched} If this keeps happening, tell whoever runs the update feed.`;
  if (code === 'ERR_UPDATER_INVALID_SIGNATURE')
    return `The download of ${what} is not signed by the app’s publisher, so it was deleted. ${untouched} If this keeps happening, tell whoever runs the update feed.`;
  if (code === 'ENOSPC')
    return `There is not enough free disk space to download ${what}. ${untouched} Free some space; ${AGAIN.charAt(0).toLowerCase()}${AGAIN.slice(1)}`;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return `The app may not write the update to its download folder (${firstLine(message)}). ${untouched}`;
  if (code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' || statusCode === 404) {
    const file = /channel "([^"]+)"/.exec(message)?.[1];
    return `The update feed at ${hostOf(ctx.feed)} has no release for this system${file ? ` (${file} is missing)` : ''}. Check the feed address under Updates in Settings.`;
  }
  if (statusCode !== null && statusCode >= 400)
    return `The update feed at ${hostOf(ctx.feed)} answered with an error (HTTP ${statusCode}). ${ctx.during === 'download' ? `${untouched} ` : ''}${AGAIN}`;
  if (NETWORK_CODES.has(code) || /net::ERR_|socket hang up|timeout|aborted by the server/i.test(message))
    return `Could not reach the update feed at ${hostOf(ctx.feed)}. Check the internet connection. ${ctx.during === 'download' ? `${untouched} ` : ''}${AGAIN}`;
  if (
    code === 'ERR_UPDATER_INVALID_UPDATE_INFO' ||
    code === 'ERR_UPDATER_INVALID_VERSION' ||
    code === 'ERR_UPDATER_NO_FILES_PROVIDED' ||
    code === 'ERR_UPDATER_ASSET_NOT_FOUND'
  )
    return `The release information on the update feed at ${hostOf(ctx.feed)} could not be used (${firstLine(message)}). Check the feed address under Updates in Settings.`;
  return ctx.during === 'check'
    ? `Could not check for updates: ${firstLine(message)}. ${AGAIN} The details are in the log.`
    : `The download of ${what} failed: ${firstLine(message)}. ${untouched} ${AGAIN}`;
}
