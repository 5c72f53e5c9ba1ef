import type { ConnectionView } from '../../shared/ipc/models';

/**
 * Why a server waits for its key, in the sentences the window shows: pure, so they are tested, and
 * the one place they are written (`connections/` builds every view from here).
 */

/** `error.code` when the server refused the key in use and a new one is asked for. */
export const KEY_REFUSED = 'key_refused';

export type ConnectionError = NonNullable<ConnectionView['error']>;

/** The server as these sentences name it: its display label, and the masked label of its key if one is known. */
export interface KeyHolder {
  label: string;
  keyLabel: string | null;
}

export function noConnection(error: ConnectionError | null = null): ConnectionView {
  return { status: 'none', server: null, key: null, error, keyNeeded: null };
}

/** The server answered the key in use with "invalid key": revoked, most likely. */
export function refusedKeyError(server: KeyHolder): ConnectionError {
  const which = server.keyLabel ? ` (${server.keyLabel})` : '';
  return {
    code: KEY_REFUSED,
    message: `${server.label} refused the API key this app was using${which}: it may have been revoked. Enter a new API key for ${server.label}.`,
  };
}

/**
 * Why a server the app returns to waits for its key at start. A record without a key label lost
 * its key on purpose: the server refused it, or a disconnect could not clear the settings.
 */
export function missingKeyError(server: KeyHolder): ConnectionError {
  if (server.keyLabel === null)
    return {
      code: KEY_REFUSED,
      message: `Enter a new API key for ${server.label}: the app no longer has a key that ${server.label} accepts.`,
    };
  return {
    code: 'key_missing',
    message: `Enter the API key for ${server.label} again: it was kept for the last session only, or the system keychain could not unlock it.`,
  };
}
