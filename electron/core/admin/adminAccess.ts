import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { AdminOffers, AdminStatus } from '../../../shared/ipc/admin';
import type { Generation, KeyStorage } from '../../../shared/ipc/models';
import { IpcCodes } from '../../../shared/ipc/result';
import type { ServerPort } from '../connections/serverConnection';
import type { Logger, SecretMode, SecretStore } from '../ports';
import { normalizeServerUrl } from '../serverUrl';
import type { ServerRecord } from '../servers';
import { StorageError } from '../storageNotice';
import { createVexaAdminClient, isVexaError, type VexaAdminClient } from '../vexa';
import type { Resolver } from '../net/guardedLookup';

/** The keychain account of a server's admin key, apart from its user key (whose account is the server id). */
export const adminAccount = (serverId: string): string => `admin:${serverId}`;

/** G3's admin-api listens on compose port 8001, published on the host as 18057 (docker-compose.yml). */
const G3_ADMIN_PORT = '18057';

/** What each generation's admin API offers (vexa-server-behaviour.md §7). */
export function offersFor(generation: Generation): AdminOffers {
  const classic = generation !== 'g3';
  return {
    listUsers: classic,
    findByEmail: true,
    updatableFields: classic ? ['name', 'maxConcurrentBots'] : ['maxConcurrentBots'],
    tokenScopes: generation !== 'g1',
    webhookDeliveries: generation === 'g3',
  };
}

export function notesFor(generation: Generation): string[] {
  if (generation === 'g1')
    return [
      'This server (Vexa 0.9) makes keys without scopes: every key it makes can send bots and read transcripts.',
      'This server does not keep a log of webhook deliveries.',
    ];
  if (generation === 'g2') return ['This server does not keep a log of webhook deliveries.'];
  return [
    'This server (Vexa 0.12) serves the admin API on its own address, apart from the API.',
    'This server cannot list all users: look a user up by email instead.',
    'On this server only the bot limit of a user can be changed.',
  ];
}

/** A placeholder for the admin address field: the API's host on admin-api's usual port. Never contacted by itself. */
export function adminUrlHint(serverUrl: string): string {
  const u = new URL(serverUrl);
  // `hostname` keeps an IPv6 address in its brackets.
  return `${u.protocol}//${u.hostname}:${G3_ADMIN_PORT}`;
}

const StoredSchema = (raw: string): { key: string; url: string } | null => {
  try {
    const v = JSON.parse(raw) as unknown;
    if (
      v &&
      typeof v === 'object' &&
      typeof (v as { key?: unknown }).key === 'string' &&
      typeof (v as { url?: unknown }).url === 'string'
    ) {
      return { key: (v as { key: string }).key, url: (v as { url: string }).url };
    }
  } catch {
    // A damaged entry means the admin key is entered again.
  }
  return null;
};

/**
 * The admin key goes to the keychain when the user key does; otherwise it is kept for this run. A
 * user who accepted a plain-text user key did not accept it for the admin key (STYLE.md: never
 * store silently in plain text).
 */
export const secretModeBeside = (userKeyStorage: KeyStorage | null): SecretMode => (userKeyStorage === 'keychain' ? 'secure' : 'session');

export interface AdminAccessDeps {
  connection: ServerPort;
  secrets: SecretStore;
  logger: Logger;
  fetch?: typeof fetch;
  resolveHost?: Resolver;
}

/**
 * The admin key of the connected server. It is read from the secret store when needed, registered
 * with the logger as a secret, handed only to the admin client, and never put in a view.
 */
export class AdminAccess {
  /** How each server's admin key was stored in this run; one found at start-up came from the keychain. */
  private readonly storedAs = new Map<string, KeyStorage>();

  constructor(private readonly d: AdminAccessDeps) {}

  private server(): ServerRecord {
    const s = this.d.connection.activeServer;
    if (!s || this.d.connection.view().status !== 'connected')
      throw new UserFacingError(IpcCodes.notConnected, 'Connect to a Vexa server first; the admin key belongs to a server.');
    return s;
  }

  private async stored(serverId: string): Promise<{ key: string; url: string } | null> {
    const raw = await this.d.secrets.get(adminAccount(serverId));
    const entry = raw ? StoredSchema(raw) : null;
    if (entry) this.d.logger.addSecret(entry.key);
    return entry;
  }

  async status(): Promise<AdminStatus> {
    const s = this.d.connection.activeServer;
    if (!s || this.d.connection.view().status !== 'connected') {
      return {
        connected: false,
        generation: null,
        keyStored: false,
        keyStorage: null,
        adminUrl: null,
        adminUrlNeeded: false,
        adminUrlHint: null,
        offers: { listUsers: false, findByEmail: false, updatableFields: [], tokenScopes: false, webhookDeliveries: false },
        notes: [],
      };
    }
    const entry = await this.stored(s.id);
    const needed = s.generation === 'g3';
    return {
      connected: true,
      generation: s.generation,
      keyStored: entry !== null,
      keyStorage: entry ? (this.storedAs.get(s.id) ?? 'keychain') : null,
      adminUrl: entry?.url ?? (needed ? null : s.url),
      adminUrlNeeded: needed,
      adminUrlHint: needed ? adminUrlHint(s.url) : null,
      offers: offersFor(s.generation),
      notes: notesFor(s.generation),
    };
  }

  private clientFor(s: ServerRecord, key: string, url: string): VexaAdminClient {
    return createVexaAdminClient({
      baseUrl: url,
      adminKey: key,
      generation: s.generation,
      fetch: this.d.fetch,
      resolveHost: this.d.resolveHost,
      retries: 0,
    });
  }

  /** Checks the key against the admin API with a harmless lookup, then stores it. */
  async setKey(rawKey: string, rawUrl: string | undefined): Promise<AdminStatus> {
    const s = this.server();
    const key = rawKey.trim();
    if (!key) throw new UserFacingError('validation', 'Paste the admin key; it is empty.');
    this.d.logger.addSecret(key);
    const url = this.adminUrlFor(s, rawUrl);
    await this.check(s, key, url);
    const value = JSON.stringify({ key, url });
    let storage: KeyStorage;
    try {
      storage = await this.d.secrets.set(adminAccount(s.id), value, secretModeBeside(s.keyStorage));
    } catch (e) {
      if (!(e instanceof StorageError) && (e as { code?: unknown }).code !== 'secure_storage_unavailable') throw e;
      this.d.logger.warn('Could not store the admin key; it is kept for this run', { server: s.url });
      storage = await this.d.secrets.set(adminAccount(s.id), value, 'session');
    }
    this.storedAs.set(s.id, storage);
    this.d.logger.info('Admin key stored', { server: s.url, adminUrl: url, storage });
    return this.status();
  }

  private adminUrlFor(s: ServerRecord, rawUrl: string | undefined): string {
    const given = rawUrl?.trim();
    if (!given) {
      if (s.generation === 'g3')
        throw new UserFacingError(
          'admin_url_needed',
          `This server (Vexa 0.12) serves the admin API on its own address. Enter it, for example ${adminUrlHint(s.url)}.`,
        );
      return s.url;
    }
    try {
      return normalizeServerUrl(given).url;
    } catch (e) {
      const coded = e as { userMessage?: unknown };
      throw new UserFacingError(
        'invalid_url',
        typeof coded.userMessage === 'string' ? coded.userMessage : 'The admin address is not a web address. Enter it as http://host:port.',
      );
    }
  }

  /** A harmless lookup on the admin API (user 0, whom no server has) proves the address and the key. */
  private async check(s: ServerRecord, key: string, url: string): Promise<void> {
    try {
      await this.clientFor(s, key, url).probe();
    } catch (e) {
      if (isVexaError(e) && e.code === 'unsupported')
        throw new UserFacingError(
          'no_admin_api',
          s.generation === 'g3'
            ? `The address ${url} does not serve the admin API. On Vexa 0.12 the admin API has its own address (often ${adminUrlHint(s.url)}); ask the server's administrator for it.`
            : `The server at ${url} does not serve the admin API at /admin.`,
        );
      throw e;
    }
  }

  async forget(): Promise<AdminStatus> {
    const s = this.server();
    await this.d.secrets.delete(adminAccount(s.id));
    this.storedAs.delete(s.id);
    this.d.logger.info('Admin key forgotten', { server: s.url });
    return this.status();
  }

  /** The admin client of the connected server, or a sentence asking for the admin key. */
  async client(): Promise<{ client: VexaAdminClient; server: ServerRecord }> {
    const s = this.server();
    const entry = await this.stored(s.id);
    if (!entry) throw new UserFacingError('admin_key_needed', 'Enter the admin key of this server first (Admin, then "Admin key").');
    return { client: this.clientFor(s, entry.key, entry.url), server: s };
  }
}
