import type { ConnectionView } from '../../shared/ipc/models';
import { maskKey } from './serverUrl';
import { toServerView, type ServerRecord } from './servers';

/** What `ConnectionService` shows the window, built from a server record: pure, so the sentences are tested. */

/** `ConnectionView.error.code` when the server refused the key in use and a new one is asked for. */
export const KEY_REFUSED = 'key_refused';
const CLOUD_HOST = 'api.cloud.vexa.ai';

export type ConnectionError = NonNullable<ConnectionView['error']>;

export function labelFor(url: string): string {
  const host = new URL(url).host;
  return host === CLOUD_HOST ? 'Vexa Cloud' : host;
}

export function noConnection(error: ConnectionError | null = null): ConnectionView {
  return { status: 'none', server: null, key: null, error, keyNeeded: null };
}

export function connectedView(record: ServerRecord, key: string): ConnectionView {
  return {
    status: 'connected',
    server: toServerView(record),
    key: { label: record.keyLabel ?? maskKey(key), storage: record.keyStorage ?? 'session' },
    error: null,
    keyNeeded: null,
  };
}

/** No connection; a key typed now goes to this server only (`ConnectionService.reenterKey`). */
export function keyNeededView(record: ServerRecord, error: ConnectionError): ConnectionView {
  return { ...noConnection(error), keyNeeded: { id: record.id, url: record.url, label: record.label } };
}

/** The server answered the key in use with "invalid key": revoked, most likely. */
export function refusedKeyError(record: ServerRecord): ConnectionError {
  const which = record.keyLabel ? ` (${record.keyLabel})` : '';
  return {
    code: KEY_REFUSED,
    message: `${record.label} refused the API key this app was using${which}: it may have been revoked. Enter a new API key for ${record.label}.`,
  };
}

/**
 * Why the server of the last session waits for its key at start. A record without a key label lost
 * its key on purpose: the server refused it, or a disconnect could not clear the settings.
 */
export function missingKeyError(record: ServerRecord): ConnectionError {
  if (record.keyLabel === null)
    return {
      code: KEY_REFUSED,
      message: `Enter a new API key for ${record.label}: the app no longer has a key that ${record.label} accepts.`,
    };
  return {
    code: 'key_missing',
    message: `Enter the API key for ${record.label} again: it was kept for the last session only, or the system keychain could not unlock it.`,
  };
}
