import { UserFacingError } from '../../shared/ipc/dispatch';
import type { ConnectionView, KeyStorage, ProbeView } from '../../shared/ipc/models';
import { IpcCodes } from '../../shared/ipc/result';
import type { Resolver } from './net/guardedLookup';
import type { Clock, Logger, SecretMode, SecretStore } from './ports';
import { connectedView, keyNeededView, labelFor, missingKeyError, noConnection, refusedKeyError } from './connectionViews';
import { maskKey, normalizeServerUrl } from './serverUrl';
import type { ServerRecord, ServerRepository } from './servers';
import type { SettingsStore } from './settings';
import type { StorageFault } from './storageFault';
import { StorageError } from './storageNotice';
import { createVexaClient, probeServer, type ServerProbe, type VexaClient } from './vexa';

export const DEMO_SERVER_ID = 'demo';

export interface ConnectionDeps {
  servers: ServerRepository;
  settings: SettingsStore;
  secrets: SecretStore;
  logger: Logger;
  clock: Clock;
  fetch?: typeof fetch;
  /** Resolves the name of a plain-http server; each address is checked before connecting. */
  resolveHost?: Resolver;
  onChange(): void;
  /** The disk refused to keep the key or the active server; the connection went on for this run. */
  onStorageFault(subject: 'key' | 'settings', fault: StorageFault): void;
}

type KeyStorageChoice = 'auto' | 'session' | 'plaintext';

const MODE: Record<KeyStorageChoice, SecretMode> = { auto: 'secure', session: 'session', plaintext: 'plaintext' };

/**
 * The active server and its key. The key stays inside this service and the SecretStore; the
 * views it hands out carry only a masked label.
 */
export class ConnectionService {
  private state: ConnectionView = noConnection();
  private active: { record: ServerRecord; key: string } | null = null;
  private clientCache: VexaClient | null = null;

  constructor(private readonly deps: ConnectionDeps) {}

  view(): ConnectionView {
    return this.state;
  }

  /** The client for the active server; handlers that need the server call this. */
  client(): VexaClient {
    if (!this.active) throw new UserFacingError(IpcCodes.notConnected, 'Connect to a Vexa server first (or try the demo).');
    this.clientCache ??= createVexaClient({
      baseUrl: this.active.record.url,
      apiKey: this.active.key,
      generation: this.active.record.generation,
      fetch: this.deps.fetch,
      resolveHost: this.deps.resolveHost,
    });
    return this.clientCache;
  }

  get activeServer(): ServerRecord | null {
    return this.active?.record ?? null;
  }

  /**
   * Builds something that needs the key (the live socket) for the active server. The key is
   * handed to the factory and to nothing else.
   */
  withActiveKey<T>(factory: (server: ServerRecord, apiKey: string) => T): T | null {
    return this.active ? factory(this.active.record, this.active.key) : null;
  }

  private set(view: ConnectionView): ConnectionView {
    this.state = view;
    this.deps.onChange();
    return view;
  }

  private async detect(url: string, apiKey: string, demo = false): Promise<{ probe: ServerProbe; insecure: boolean; url: string }> {
    const normalized = normalizeServerUrl(url);
    this.refuseOtherServer(normalized.url, demo);
    this.deps.logger.addSecret(apiKey);
    const result = await probeServer({ baseUrl: normalized.url, apiKey, fetch: this.deps.fetch, resolveHost: this.deps.resolveHost });
    if (!result.ok) {
      this.deps.logger.info('Server check failed', { url: normalized.url, code: result.error.code });
      throw result.error;
    }
    return { probe: result.value, insecure: normalized.insecure, url: normalized.url };
  }

  /**
   * While the app waits for the key of the server it was last connected to, a key goes to that
   * server only: a screen that names one server must never send its key to another. Choosing
   * another server (`disconnect`) lifts this. The demo's key is minted here, so it may go to the demo.
   */
  private refuseOtherServer(url: string, demo: boolean): void {
    const waiting = this.state.keyNeeded;
    if (!waiting || demo || url === waiting.url) return;
    throw new UserFacingError(
      'other_server',
      `This key is asked for ${waiting.label}. To use another server, choose "Connect to another server" first.`,
    );
  }

  /** The key for the server named in `keyNeeded`, sent there and nowhere else. */
  async reenterKey(rawKey: string, keyStorage: KeyStorageChoice): Promise<ConnectionView> {
    const waiting = this.state.keyNeeded;
    if (!waiting) {
      throw new UserFacingError('no_server', 'No server is waiting for its key any more. Enter the address of your server and its key.');
    }
    return this.connect(waiting.url, rawKey, keyStorage);
  }

  async probe(url: string, apiKey: string): Promise<ProbeView> {
    const { probe, insecure, url: base } = await this.detect(url, apiKey.trim());
    return {
      url: base,
      generation: probe.generation,
      capabilities: probe.capabilities,
      userEmail: probe.user?.email ?? null,
      insecure,
      warnings: probe.warnings,
    };
  }

  /**
   * Stores the key, then points the settings at the server, then records it in the cache. Each
   * step leaves a state the next start can use, and none is half-saved:
   * - the keychain may refuse (the person chooses another way to keep the key): nothing changed,
   *   the previous connection stays;
   * - a disk that cannot take the key (read-only, full): the key is kept for this run only and the
   *   app says so, rather than refusing to connect on a disk where nothing can be saved;
   * - settings that cannot be saved: a stored key would belong to a server the next start does not
   *   return to, so it is kept for this run only too, and the app says so;
   * - the cache never refuses: a cache the disk refuses moves to memory (cache/database.ts).
   */
  async connect(url: string, rawKey: string, keyStorage: KeyStorageChoice, demo = false): Promise<ConnectionView> {
    const apiKey = rawKey.trim();
    const { probe, insecure, url: base } = await this.detect(url, apiKey, demo);
    const id = demo ? DEMO_SERVER_ID : base;
    let storage = await this.storeKey(id, apiKey, demo ? 'session' : MODE[keyStorage]);
    if (this.deps.settings.activeServerId !== id) {
      try {
        this.deps.settings.setActiveServer(id);
      } catch (e) {
        if (!(e instanceof StorageError)) throw e;
        this.deps.logger.warn('Could not save the active server; connected for this run', { code: e.fault.code, cause: e.fault.cause });
        this.deps.onStorageFault('settings', e.fault);
        if (storage !== 'session') storage = await this.deps.secrets.set(id, apiKey, 'session');
      }
    }
    const record: ServerRecord = {
      id,
      url: base,
      label: demo ? 'Demo simulator' : labelFor(base),
      generation: probe.generation,
      capabilities: probe.capabilities,
      demo,
      insecure: insecure && !demo,
      checkedAt: this.deps.clock.now(),
      userEmail: probe.user?.email ?? null,
      warnings: probe.warnings,
      keyLabel: maskKey(apiKey),
      keyStorage: storage,
    };
    await this.deps.servers.upsert(record);
    this.activate(record, apiKey);
    this.deps.logger.info('Connected', { server: record.url, generation: record.generation, keyStorage: storage });
    return this.state;
  }

  /** The key in the chosen store; a disk that refuses it keeps it for this run (see `connect`). */
  private async storeKey(id: string, apiKey: string, mode: SecretMode): Promise<KeyStorage> {
    try {
      return await this.deps.secrets.set(id, apiKey, mode);
    } catch (e) {
      if (!(e instanceof StorageError)) throw e;
      this.deps.logger.warn('Could not store the key; it is kept for this run', { code: e.fault.code, cause: e.fault.cause });
      this.deps.onStorageFault('key', e.fault);
      return this.deps.secrets.set(id, apiKey, 'session');
    }
  }

  private activate(record: ServerRecord, key: string): void {
    this.active = { record, key };
    this.clientCache = null;
    this.set(connectedView(record, key));
  }

  /** Re-detects the generation and capabilities of the active server; a refused key ends the connection (`keyRefused`). */
  async recheck(): Promise<ConnectionView> {
    if (!this.active) throw new UserFacingError(IpcCodes.notConnected, 'There is no server to check. Connect to one first.');
    const checking = this.active;
    const { record, key } = checking;
    const result = await probeServer({ baseUrl: record.url, apiKey: key, fetch: this.deps.fetch, resolveHost: this.deps.resolveHost });
    // Another server or key was connected while this one was asked: its answer is about the past.
    if (this.active !== checking) return this.state;
    if (!result.ok) {
      if (result.error.code === 'unauthorized') return this.keyRefused(record);
      return this.set({ ...this.state, error: { code: result.error.code, message: result.error.userMessage } });
    }
    const next: ServerRecord = {
      ...record,
      generation: result.value.generation,
      capabilities: result.value.capabilities,
      userEmail: result.value.user?.email ?? record.userEmail,
      warnings: result.value.warnings,
      checkedAt: this.deps.clock.now(),
    };
    await this.deps.servers.upsert(next);
    if (this.active !== checking) return this.state;
    this.activate(next, key);
    return this.state;
  }

  /**
   * The server refused the key in use. Nothing may go on using it: the client, the live socket and
   * the sync go (the session closes once the status leaves 'connected'), the stored key is forgotten
   * so the next start does not send it again, and the app asks for a new key for this server only,
   * as it does when a stored key is missing at start (`keyNeeded`, `reenterKey`).
   */
  private async keyRefused(record: ServerRecord): Promise<ConnectionView> {
    this.active = null;
    this.clientCache = null;
    this.deps.logger.warn('The server refused the API key in use; asking for a new one', { server: record.url });
    const view = this.set(keyNeededView(record, refusedKeyError(record)));
    try {
      await this.forgetKey(record);
    } catch (e) {
      // The key is no longer used either way; at the next start it is refused and forgotten again.
      this.deps.logger.warn('Could not forget the refused key', { error: String((e as Error)?.message ?? e) });
    }
    return view;
  }

  /** The stored key goes, and the server's record keeps no label of it. */
  private async forgetKey(record: ServerRecord): Promise<void> {
    await this.deps.secrets.delete(record.id);
    const { keyLabel: _l, keyStorage: _s, ...rest } = record;
    await this.deps.servers.upsert({ ...rest, keyLabel: null, keyStorage: null });
  }

  /**
   * Forgets the key of the active server and returns to onboarding. The key goes first: a key the
   * disk will not let go of must not stay behind a screen that says it was forgotten, so that
   * refusal (a `StorageError` naming the file) leaves the connection as it was. Settings that
   * cannot be saved afterwards only mean the next start asks for this server's key again.
   */
  async disconnect(): Promise<ConnectionView> {
    if (this.active) {
      await this.forgetKey(this.active.record);
      this.deps.logger.info('Disconnected', { server: this.active.record.url });
    }
    this.active = null;
    this.clientCache = null;
    try {
      this.deps.settings.setActiveServer(null);
    } catch (e) {
      if (!(e instanceof StorageError)) throw e;
      this.deps.onStorageFault('settings', e.fault);
    }
    return this.set(noConnection());
  }

  /**
   * Restores the last connection at start-up from the cached server record and the stored key,
   * without waiting for the network; the capability re-check runs in the background.
   */
  async restore(): Promise<'restored' | 'demo' | 'none'> {
    const id = this.deps.settings.activeServerId;
    if (!id) return 'none';
    if (id === DEMO_SERVER_ID) return 'demo';
    const record = await this.deps.servers.get(id);
    const key = await this.deps.secrets.get(id);
    if (!record && key) {
      // The server list lives in the cache; a rebuilt cache lost it, but the key and the address
      // (a server's id is its URL) are still known, so connect again in the background.
      this.set({ ...noConnection(), status: 'connecting' });
      void this.connect(id, key, 'auto').catch((e: unknown) => {
        const coded = e as { code?: string; userMessage?: string; message?: string };
        this.set(
          noConnection({
            code: coded.code ?? 'reconnect_failed',
            message: coded.userMessage ?? coded.message ?? 'Connect to your server again.',
          }),
        );
      });
      return 'restored';
    }
    if (!record || !key) {
      this.set(record ? keyNeededView(record, missingKeyError(record)) : noConnection());
      return 'none';
    }
    this.deps.logger.addSecret(key);
    this.activate(record, key);
    void this.recheck().catch((e: unknown) => this.deps.logger.warn('Background server check failed', { error: e }));
    return 'restored';
  }
}
