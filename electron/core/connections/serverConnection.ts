import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { ConnectionView, ServerStatus } from '../../../shared/ipc/models';
import { IpcCodes } from '../../../shared/ipc/result';
import type { Resolver } from '../net/guardedLookup';
import type { ServerRecord } from '../servers';
import { createVexaClient, type VexaClient } from '../vexa';
import { DEMO_SERVER_ID, serverLabel } from '../../../shared/serverLabel';
import { UNKNOWN_LIMIT, type BotLimit } from './botSlots';

/**
 * The face of one server that the admin console, the account page and webhooks use: the server
 * itself while it is connected, the client that carries its key, and the key for a factory that
 * needs it (never returned to the window).
 */
export interface ServerPort {
  /** The server, while it is connected with its key; null otherwise. */
  readonly activeServer: ServerRecord | null;
  /** This server as the window's one-server screens see it. */
  view(): ConnectionView;
  client(): VexaClient;
  withActiveKey<T>(factory: (server: ServerRecord, apiKey: string) => T): T | null;
  /** Connects this server again with another key (a token minted for it), keeping it current if it was. */
  connect(url: string, apiKey: string, keyStorage: 'auto' | 'session' | 'plaintext'): Promise<ConnectionView>;
}

/**
 * One server the app knows, and its key while it holds one. The key stays inside this object and
 * the secret store; it leaves only in request headers (the client, the live socket).
 */
export class ServerConnection {
  record: ServerRecord | null;
  status: ServerStatus;
  error: { code: string; message: string } | null = null;
  /** The concurrent bot limit of this key's user, where the server said it. */
  limit: BotLimit = UNKNOWN_LIMIT;
  private apiKey: string | null = null;
  private cachedClient: VexaClient | null = null;

  constructor(
    readonly id: string,
    public url: string,
    record: ServerRecord | null,
    status: ServerStatus,
    private readonly net: { fetch?: typeof fetch; resolveHost?: Resolver },
  ) {
    this.record = record;
    this.status = status;
  }

  get demo(): boolean {
    return this.id === DEMO_SERVER_ID;
  }

  /** The person's label, else the app's own (`shared/serverLabel.ts`, as library rows name it). */
  get label(): string {
    return serverLabel({ ...this.record, id: this.id, url: this.record?.url ?? this.url, demo: this.demo });
  }

  /**
   * Holds a key and the server's record: its live connection and sync run. A server that refused
   * its key holds none (`key_needed`): nothing goes on sending a refused key.
   */
  get live(): boolean {
    return this.apiKey !== null && this.record !== null && (this.status === 'connected' || this.status === 'error');
  }

  hold(record: ServerRecord, apiKey: string): void {
    this.record = record;
    this.url = record.url;
    this.apiKey = apiKey;
    this.cachedClient = null;
    this.status = 'connected';
    this.error = null;
  }

  /** Lets go of the key (forgotten, refused, or never found). */
  drop(status: ServerStatus, error: { code: string; message: string } | null = null): void {
    this.apiKey = null;
    this.cachedClient = null;
    this.status = status;
    this.error = error;
    this.limit = UNKNOWN_LIMIT;
  }

  /** The key for a factory that sends it to this server (the live socket); null without one. */
  withKey<T>(factory: (server: ServerRecord, apiKey: string) => T): T | null {
    return this.apiKey !== null && this.record ? factory(this.record, this.apiKey) : null;
  }

  client(): VexaClient {
    if (!this.live || !this.record || this.apiKey === null) throw notConnected(this.label, 'reach it');
    this.cachedClient ??= createVexaClient({
      baseUrl: this.record.url,
      apiKey: this.apiKey,
      generation: this.record.generation,
      fetch: this.net.fetch,
      resolveHost: this.net.resolveHost,
    });
    return this.cachedClient;
  }

  /** Rebuilt when any of these change: the live socket and client must follow. */
  identity(): string | null {
    if (!this.live || !this.record) return null;
    return `${this.record.id}|${this.record.url}|${this.record.generation}|${this.record.keyLabel ?? ''}`;
  }
}

/**
 * A server-only action on a server that is not connected: which server, and that reconnecting it
 * (entering its key again beside its name in the server list) is all it takes.
 */
export function notConnected(label: string, action: string): UserFacingError {
  return new UserFacingError(
    IpcCodes.notConnected,
    `${label} is not connected, so the app cannot ${action}. Reconnect ${label} from the list of servers (enter its key again) and try again; meetings already on this computer stay readable meanwhile.`,
  );
}
