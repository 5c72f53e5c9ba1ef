import type { ServerStatus } from '../../../shared/ipc/models';
import type { Library } from '../cache';
import { missingKeyError } from '../connectionViews';
import type { Logger, SecretStore } from '../ports';
import type { ServerRecord, ServerRepository } from '../servers';
import type { SettingsStore } from '../settings';
import { DEMO_SERVER_ID } from '../../../shared/serverLabel';
import type { ServerConnection } from './serverConnection';

export interface RestoreDeps {
  servers: ServerRepository;
  settings: SettingsStore;
  secrets: SecretStore;
  library: Pick<Library, 'removeServerMeetings'>;
  logger: Logger;
}

/** Where the restored servers go (the `Connections` list). */
export interface RestoreTarget {
  track(id: string, url: string, status: ServerStatus, record: ServerRecord | null): ServerConnection;
  has(id: string): boolean;
  /** Connects a server again in the background with a key found in the store. */
  reconnect(id: string, apiKey: string): void;
}

/**
 * Every server the cache knows comes back as the person left it: the ones the app was connected to
 * with their stored keys (or waiting for a key the store no longer gives), the others disconnected
 * or removed with their meetings readable. No network is asked here.
 */
export async function restoreServers(d: RestoreDeps, target: RestoreTarget): Promise<{ demo: boolean }> {
  const wanted = new Set(d.settings.connectedServers);
  let demo = false;
  for (const r of await d.servers.list()) {
    if (r.demo) {
      // A demo left by a run that ended before the demo did: its meetings go with it.
      if (!wanted.has(r.id)) {
        await d.library.removeServerMeetings(r.id);
        await d.servers.delete(r.id);
      }
      continue;
    }
    const c = target.track(r.id, r.url, r.removed ? 'removed' : 'disconnected', r);
    if (r.removed || !wanted.has(r.id)) continue;
    const key = await d.secrets.get(r.id).catch(() => null);
    if (key) {
      d.logger.addSecret(key);
      c.hold(r, key);
    } else c.drop('key_needed', missingKeyError({ label: c.label, keyLabel: r.keyLabel }));
  }
  for (const id of wanted) {
    if (target.has(id)) continue;
    if (id === DEMO_SERVER_ID) {
      demo = true;
      target.track(id, '', 'connecting', null);
      continue;
    }
    // The list of servers lives in the cache; a rebuilt cache lost it, but the key and the address
    // (a server's id is its address) are still known, so connect again in the background.
    const key = await d.secrets.get(id).catch(() => null);
    if (!key) continue;
    d.logger.addSecret(key);
    target.track(id, id, 'connecting', null);
    target.reconnect(id, key);
  }
  return { demo };
}
