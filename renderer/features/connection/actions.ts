import type { ConnectionView } from '../../../shared/ipc/models';
import type { Result } from '../../../shared/ipc/result';
import { api } from '../../platform/api';
import { useConnectionStore } from './store';

/**
 * Connection intents. The core also pushes the new state as an `app:state` event; applying the
 * returned view at once keeps the screen from waiting on that round trip.
 */

async function applying(request: Promise<Result<ConnectionView>>): Promise<Result<ConnectionView>> {
  const result = await request;
  if (result.ok) useConnectionStore.getState().setView(result.value);
  return result;
}

export type KeyStorageChoice = 'auto' | 'session' | 'plaintext';

/** `namedServer`: the form names its own server (adding one, or a listed server's key), which may not be the current one. */
export const probeServer = (url: string, apiKey: string, namedServer = false) =>
  api.invoke('connection:probe', namedServer ? { url, apiKey, namedServer } : { url, apiKey });

export const connectServer = (url: string, apiKey: string, keyStorage: KeyStorageChoice) =>
  applying(api.invoke('connection:connect', { url, apiKey, keyStorage }));

/** The key of the server the core is waiting for (`keyNeeded`); the core sends it nowhere else. */
export const reenterKey = (apiKey: string, keyStorage: KeyStorageChoice) =>
  applying(api.invoke('connection:reenterKey', { apiKey, keyStorage }));

export const recheckServer = () => applying(api.invoke('connection:recheck'));

/** Forgets the connected server's key, or the server still waiting for its key, and returns to onboarding. */
export const disconnectServer = () => applying(api.invoke('connection:disconnect'));

export const startDemo = () => applying(api.invoke('demo:start'));
