import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { ServerColour } from '../../../shared/ipc/models';
import { forgetServerSecrets } from '../admin/forget';
import type { Library } from '../cache';
import { refusedKeyError } from '../connectionViews';
import type { Clock, SecretMode, SecretStore } from '../ports';
import { maskKey } from '../serverUrl';
import type { ServerRepository } from '../servers';
import { probeServer } from '../vexa';
import { probeWithKey, storeKey, type ProbedServer } from './keys';
import { forgetInMemory } from './launchTarget';
import { restoreServers } from './restore';
import { DEMO_SERVER_ID, hostLabel } from '../../../shared/serverLabel';
import type { ServerConnection } from './serverConnection';
import { RETURNS_TO, ServerList, type ServerListDeps } from './serverList';

export interface ConnectionsDeps extends ServerListDeps {
  servers: ServerRepository;
  secrets: SecretStore;
  /** Where a removed server's meetings leave this computer (`removeServerMeetings`, in one transaction). */
  library: Pick<Library, 'removeServerMeetings'>;
  clock: Clock;
  onChange(): void;
}

export type KeyStorageChoice = 'auto' | 'session' | 'plaintext';
const MODE: Record<KeyStorageChoice, SecretMode> = { auto: 'secure', session: 'session', plaintext: 'plaintext' };

export interface AddOptions {
  label?: string;
  colour?: ServerColour;
  makeCurrent?: boolean;
  /** The built-in simulator: its id is `demo` and its key (minted for this run) is never stored. */
  demo?: boolean;
}

/**
 * What happens to each server the app knows, each on its own: one failing, refused or slow never
 * holds up another. Added, checked, refused, disconnected, removed, renamed, reordered; the list
 * itself and the current server are `ServerList`'s.
 */
export class Connections extends ServerList {
  constructor(private readonly d: ConnectionsDeps) {
    super(d);
  }

  /**
   * At start-up, from the cache's records and the stored keys, without waiting for the network:
   * each server's check runs in the background on its own. Returns whether the demo was on.
   */
  async restore(): Promise<{ demo: boolean }> {
    const { demo } = await restoreServers(this.d, {
      track: (id, url, status, record) => {
        const c = this.make(id, url, status);
        c.record = record;
        return c;
      },
      has: (id) => this.byId.has(id),
      reconnect: (id, key) => void this.add(id, key, 'auto').catch((e: unknown) => this.failed(id, e)),
    });
    const saved = this.d.settings.currentServerId;
    if (saved && this.byId.has(saved) && this.byId.get(saved)!.status !== 'removed') this.currentId = saved;
    else this.pickCurrent();
    for (const c of this.live())
      void this.recheck(c.id).catch((e: unknown) => this.d.logger.warn('Background server check failed', { error: e }));
    this.d.onChange();
    return { demo };
  }

  /**
   * A background connection with a stored key failed: the server says why, beside its name. A
   * key it refused is forgotten, as at a check (`keyRefused`).
   */
  failed(id: string, e: unknown): void {
    const c = this.byId.get(id);
    if (!c || c.live) return;
    const coded = e as { code?: string; userMessage?: string; message?: string };
    if (coded.code === 'unauthorized') {
      c.drop('key_needed', refusedKeyError({ label: c.label, keyLabel: c.record?.keyLabel ?? null }));
      void this.forgetKey(c);
    } else
      c.drop('error', {
        code: coded.code ?? 'reconnect_failed',
        message: coded.userMessage ?? coded.message ?? `Connect to ${c.label} again.`,
      });
    this.d.onChange();
  }

  /** Checks an address and a key without keeping either. */
  probe(url: string, rawKey: string): Promise<ProbedServer> {
    return probeWithKey(this.d, url, rawKey);
  }

  /**
   * Checks the server with the key, stores the key, records the server in the cache and in the
   * list of servers to return to. None of it is half-saved:
   * - the keychain may refuse (the person chooses another way to keep the key): nothing changed;
   * - a disk that cannot take the key keeps it for this run only and the app says so;
   * - a list of servers that cannot be saved: a stored key would belong to a server the next start
   *   does not return to, so it is kept for this run only too, and the app says so;
   * - the cache never refuses: a cache the disk refuses moves to memory (cache/database.ts).
   */
  async add(url: string, rawKey: string, keyStorage: KeyStorageChoice, options: AddOptions = {}): Promise<ServerConnection> {
    const apiKey = rawKey.trim();
    const { probe, insecure, url: base } = await probeWithKey(this.d, url, apiKey);
    const demo = options.demo === true;
    const id = demo ? DEMO_SERVER_ID : base;
    let storage = await storeKey(this.d, id, apiKey, demo ? 'session' : MODE[keyStorage]);
    const detected = {
      id,
      url: base,
      label: hostLabel(base, demo),
      generation: probe.generation,
      capabilities: probe.capabilities,
      demo,
      insecure: insecure && !demo,
      checkedAt: this.d.clock.now(),
      userEmail: probe.user?.email ?? null,
      warnings: probe.warnings,
      keyLabel: maskKey(apiKey),
      keyStorage: storage,
    };
    await this.d.servers.upsert(detected);
    const look = {
      ...(options.label?.trim() ? { userLabel: options.label.trim() } : {}),
      ...(options.colour ? { colour: options.colour } : {}),
    };
    if (look.userLabel !== undefined || look.colour !== undefined) await this.d.servers.setLook(id, look);
    const c = this.byId.get(id) ?? this.make(id, base, 'connecting');
    c.hold((await this.d.servers.get(id))!, apiKey);
    c.limit = probe.user?.maxConcurrent !== undefined ? { value: probe.user.maxConcurrent, source: 'server' } : c.limit;
    if (options.makeCurrent || this.current === null || !RETURNS_TO.has(this.current.status)) this.currentId = id;
    if (!this.persist() && storage !== 'session') {
      storage = await this.d.secrets.set(id, apiKey, 'session');
      c.hold(await this.d.servers.upsert({ ...detected, keyStorage: storage }), apiKey);
    }
    this.d.logger.info('Connected', { server: base, generation: probe.generation, keyStorage: storage });
    this.d.onChange();
    return c;
  }

  /** A key for one server, sent to its address and nowhere else. */
  async reenterKey(serverId: string, rawKey: string, keyStorage: KeyStorageChoice, makeCurrent = false): Promise<ServerConnection> {
    const c = this.require(serverId);
    if (c.demo) throw new UserFacingError('demo_key', 'The demo makes its own key each time. Start the demo again instead.');
    return this.add(c.url, rawKey, keyStorage, { makeCurrent });
  }

  /**
   * Detects the generation and capabilities again with the key held. A server that refuses the
   * key ends its connection (`keyRefused`); one that cannot be reached stays connected and keeps
   * retrying, with the reason beside its name (`error`) until a check succeeds.
   */
  async recheck(serverId: string): Promise<ServerConnection> {
    const c = this.require(serverId);
    const checking = c.withKey((r, apiKey) => ({
      apiKey,
      result: probeServer({ baseUrl: r.url, apiKey, fetch: this.d.fetch, resolveHost: this.d.resolveHost }),
    }));
    if (!checking) throw new UserFacingError('no_key', `There is no key for ${c.label} to check it with. Enter its key again.`);
    const result = await checking.result;
    // Another key arrived meanwhile, or the server was disconnected: that answer is about the past.
    const stillChecking = () => c.withKey((_r, k) => k) === checking.apiKey;
    if (!stillChecking()) return c;
    if (!result.ok) {
      if (result.error.code === 'unauthorized') return this.keyRefused(c);
      c.status = 'error';
      c.error = { code: result.error.code, message: result.error.userMessage };
      this.d.onChange();
      return c;
    }
    const p = result.value;
    const record = await this.d.servers.upsert({
      ...c.record!,
      generation: p.generation,
      capabilities: p.capabilities,
      userEmail: p.user?.email ?? c.record!.userEmail,
      warnings: p.warnings,
      checkedAt: this.d.clock.now(),
    });
    if (!stillChecking()) return c;
    c.hold(record, checking.apiKey);
    if (p.user?.maxConcurrent !== undefined) c.limit = { value: p.user.maxConcurrent, source: 'server' };
    this.d.onChange();
    return c;
  }

  /**
   * The server refused the key in use. Nothing may go on using it: the client, the live socket and
   * the sync of this server go (its session closes once it holds no key), the stored key is
   * forgotten so the next start does not send it again, and the app asks for a new key for this
   * server only (`key_needed`, `key_refused`). Its admin key and webhook secret stay: they belong
   * to the server, not to the refused user key. Other servers are not touched.
   */
  private async keyRefused(c: ServerConnection): Promise<ServerConnection> {
    this.d.logger.warn('The server refused the API key in use; asking for a new one', { server: c.url });
    c.drop('key_needed', refusedKeyError({ label: c.label, keyLabel: c.record?.keyLabel ?? null }));
    this.d.onChange();
    await this.forgetKey(c);
    return c;
  }

  /** The stored key goes and the server's record keeps no label of it; a failure is logged (the key is not used either way). */
  private async forgetKey(c: ServerConnection): Promise<void> {
    // A new key entered meanwhile is stored under the same id: it must not be forgotten with the old one.
    const noNewKey = () => c.withKey(() => true) === null;
    try {
      if (noNewKey()) await this.d.secrets.delete(c.id);
      if (noNewKey()) {
        await this.d.servers.clearKey(c.id);
        if (c.record) c.record = { ...c.record, keyLabel: null, keyStorage: null };
      }
    } catch (e) {
      // At the next start the key is refused and forgotten again.
      this.d.logger.warn('Could not forget the refused key', { server: c.url, error: e });
    }
  }

  /** The live connection of a server in `error` opened again: check it, and it reads as connected. */
  reachable(serverId: string): void {
    if (this.byId.get(serverId)?.status === 'error') void this.recheck(serverId).catch(() => undefined);
  }

  /** The server refused a launch for its bot limit and said what the limit is. */
  setLimit(serverId: string, limit: number): void {
    const c = this.byId.get(serverId);
    if (!c || (c.limit.value === limit && c.limit.source !== 'unknown')) return;
    c.limit = { value: limit, source: c.limit.source === 'server' && c.limit.value === limit ? 'server' : 'refusal' };
    this.d.onChange();
  }

  /**
   * Forgets the server's key (and its admin key and webhook secret) first: a key the disk will not
   * let go of must not stay behind a screen that says it was forgotten, so that refusal leaves the
   * server as it was. Its row and meetings stay; the demo goes with its meetings.
   */
  async disconnect(serverId: string): Promise<ServerConnection> {
    const c = this.require(serverId);
    if (c.demo) {
      await this.forgetDemo();
      return c;
    }
    await this.d.secrets.delete(c.id);
    await forgetServerSecrets(this.d.secrets, c.id);
    await this.d.servers.clearKey(c.id);
    if (c.record) c.record = { ...c.record, keyLabel: null, keyStorage: null };
    if (c.status !== 'removed') c.drop('disconnected');
    if (this.currentId === c.id) this.pickCurrent();
    this.persist();
    this.d.logger.info('Disconnected', { server: c.url });
    this.d.onChange();
    return c;
  }

  /** Disconnects and removes a server; its meetings stay (labelled with its name) or go with it. */
  async remove(serverId: string, keepMeetings: boolean): Promise<void> {
    const c = this.require(serverId);
    await this.disconnect(serverId);
    if (c.demo) return;
    if (keepMeetings) {
      await this.d.servers.markRemoved(c.id);
      c.record = await this.d.servers.get(c.id);
      c.drop('removed');
    } else {
      const removed = await this.d.library.removeServerMeetings(c.id);
      await this.d.servers.delete(c.id);
      this.byId.delete(c.id);
      this.d.logger.info('Removed a server and its meetings', { server: c.url, ...removed });
    }
    try {
      this.d.settings.setLaunchMemory(forgetInMemory(this.d.settings.launchMemory, c.id));
    } catch (e) {
      // A launch offered for a server that is gone is passed over anyway (launchTarget.ts).
      this.d.logger.warn('Could not update the launch memory', { error: e });
    }
    this.d.onChange();
  }

  /** The library was emptied: servers removed with their meetings kept have nothing left to name. */
  async forgetRemoved(): Promise<void> {
    const removed = this.list().filter((c) => c.status === 'removed');
    for (const c of removed) {
      await this.d.servers.delete(c.id);
      this.byId.delete(c.id);
    }
    if (removed.length) this.d.onChange();
  }

  /** The demo ended: its server and meetings leave this computer. */
  async forgetDemo(): Promise<void> {
    if (!this.byId.has(DEMO_SERVER_ID) && !(await this.d.servers.get(DEMO_SERVER_ID))) return;
    await this.d.secrets.delete(DEMO_SERVER_ID);
    await this.d.library.removeServerMeetings(DEMO_SERVER_ID);
    await this.d.servers.delete(DEMO_SERVER_ID);
    this.byId.delete(DEMO_SERVER_ID);
    if (this.currentId === DEMO_SERVER_ID) this.pickCurrent();
    this.persist();
    this.d.onChange();
  }

  async update(serverId: string, patch: { label?: string | null; colour?: ServerColour | null }): Promise<ServerConnection> {
    const c = this.require(serverId);
    const label = patch.label === undefined ? undefined : patch.label?.trim() || null;
    await this.d.servers.setLook(c.id, { userLabel: label, colour: patch.colour });
    c.record = (await this.d.servers.get(c.id)) ?? c.record;
    this.d.onChange();
    return c;
  }

  /** The servers named come first, in that order; the others keep theirs after them. */
  async reorder(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.require(id);
    const named = [...new Set(ids)];
    const order = [
      ...named,
      ...this.list()
        .map((c) => c.id)
        .filter((id) => !named.includes(id)),
    ];
    await this.d.servers.setOrder(order.filter((id) => this.byId.get(id)?.record));
    for (const c of this.byId.values()) c.record = (await this.d.servers.get(c.id)) ?? c.record;
    this.d.onChange();
  }

  setCurrent(serverId: string): void {
    const c = this.require(serverId);
    if (c.status === 'removed')
      throw new UserFacingError('removed', `${c.label} was removed. Add it again (with its key) to work with it.`);
    this.currentId = c.id;
    this.persist();
    this.d.onChange();
  }
}
