import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { ServerStatus } from '../../../shared/ipc/models';
import type { Resolver } from '../net/guardedLookup';
import type { Logger } from '../ports';
import type { SettingsStore } from '../settings';
import type { StorageFault } from '../storageFault';
import { StorageError } from '../storageNotice';
import { ServerConnection } from './serverConnection';

export interface ServerListDeps {
  settings: SettingsStore;
  logger: Logger;
  fetch?: typeof fetch;
  resolveHost?: Resolver;
  /** The disk refused to keep a key or the list of servers; the app went on for this run. */
  onStorageFault(subject: 'key' | 'settings', fault: StorageFault): void;
}

/** Statuses of servers the app returns to at start-up (with their stored keys). */
export const RETURNS_TO: ReadonlySet<ServerStatus> = new Set(['connected', 'connecting', 'key_needed', 'error']);

/**
 * Every server the app knows, in the person's order, and which one is current: the one the
 * one-server screens (Settings, Admin, Account, Webhooks) and Launch's default act on. What
 * happens to a server (added, checked, refused, removed) is `Connections`' part.
 */
export class ServerList {
  protected readonly byId = new Map<string, ServerConnection>();
  protected currentId: string | null = null;

  constructor(private readonly base: ServerListDeps) {}

  protected make(id: string, url: string, status: ServerStatus): ServerConnection {
    const c = new ServerConnection(id, url, null, status, { fetch: this.base.fetch, resolveHost: this.base.resolveHost });
    this.byId.set(id, c);
    return c;
  }

  /** In the person's order; a server not yet in the cache goes last. */
  list(): ServerConnection[] {
    return [...this.byId.values()].sort((a, b) => (a.record?.position ?? 1e9) - (b.record?.position ?? 1e9) || a.id.localeCompare(b.id));
  }

  get(id: string): ServerConnection | undefined {
    return this.byId.get(id);
  }

  require(id: string): ServerConnection {
    const c = this.byId.get(id);
    if (!c) throw new UserFacingError('not_found', 'The app does not know this server any more. Look at the list of servers again.');
    return c;
  }

  get current(): ServerConnection | null {
    return this.currentId === null ? null : (this.byId.get(this.currentId) ?? null);
  }

  /** The named server, or the current one when none is named. */
  resolve(serverId: string | undefined): ServerConnection | null {
    return serverId === undefined ? this.current : this.require(serverId);
  }

  /** Servers holding their key, in the person's order. */
  live(): ServerConnection[] {
    return this.list().filter((c) => c.live);
  }

  /** Saves which servers to return to and the current one; false when the disk refused (said once). */
  protected persist(): boolean {
    try {
      const connected = this.list()
        .filter((c) => RETURNS_TO.has(c.status))
        .map((c) => c.id);
      this.base.settings.setServers({ connected, current: this.currentId });
      return true;
    } catch (e) {
      if (!(e instanceof StorageError)) throw e;
      this.base.logger.warn('Could not save the list of servers; kept for this run', { code: e.fault.code, cause: e.fault.cause });
      this.base.onStorageFault('settings', e.fault);
      return false;
    }
  }

  /** The current server moves to the first connected one (else one waiting for its key, else none). */
  protected pickCurrent(): void {
    const list = this.list();
    this.currentId = (list.find((c) => c.live) ?? list.find((c) => c.status === 'key_needed') ?? null)?.id ?? null;
  }
}
