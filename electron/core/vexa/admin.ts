import {
  isVexaError,
  normaliseAdminTokens,
  normaliseAdminUser,
  normaliseAdminUsers,
  normaliseMintedToken,
  unsupported,
} from '../../../shared/vexa';
import type { AdminToken, AdminUser, AdminUserPage, MintedToken, ServerGeneration } from '../../../shared/vexa';
import { createHttp, seg } from './http';
import type { HttpOptions, VexaHttp } from './http';
import type { CallOptions } from './client';
import { clientMessages } from './clientMessages';

export interface MintTokenOptions {
  /** G2/G3 scopes (`bot`, `tx`, `browser`); ask for both `bot` and `tx` so the key can send bots and read transcripts. G1 ignores them. */
  scopes?: string[];
  name?: string;
  expiresInSeconds?: number;
}

/** @deprecated Use MintTokenOptions. */
export type CreateTokenOptions = MintTokenOptions;

export interface UserPatch {
  /** G1/G2 only: G3's PATCH accepts only the bot limit and billing data (extra keys are refused). */
  name?: string;
  maxConcurrentBots?: number;
}

/** Which user fields a generation lets an admin change (G3 `UserAdminPatch` forbids anything but the bot limit and billing). */
export function editableUserFields(generation: ServerGeneration | undefined): ReadonlyArray<keyof UserPatch> {
  return generation === 'g3' ? ['maxConcurrentBots'] : ['name', 'maxConcurrentBots'];
}

/** The first page size of `GET /admin/users` when none is asked for (G1 admin-api `limit: int = 100`). */
export const DEFAULT_USER_PAGE = 100;

/** FastAPI's answer for a route that does not exist, as opposed to "User not found". */
function isMissingRoute(e: unknown): boolean {
  return isVexaError(e) && (e.status === 405 || (e.status === 404 && e.detail === 'Not Found'));
}

/**
 * The admin API (`X-Admin-API-Key`). G1/G2 serve it through the gateway at /admin; G3 only on
 * admin-api itself (compose port 8001, host port 18057), so its base URL differs from the user
 * API's: pass that address as `baseUrl`. Tokens' values are returned once, by `mintToken`, and
 * never kept by this client.
 */
export class VexaAdminClient {
  constructor(
    private readonly http: VexaHttp,
    readonly generation?: ServerGeneration,
  ) {}

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  /**
   * Checks that an admin API answers at this address and accepts the key, without changing
   * anything (it looks up user 0, which no server has). Throws `unsupported` when nothing answers
   * `/admin` here (a G3 gateway), `unauthorized` for a refused key, `forbidden` when the server
   * has no admin key set.
   */
  async probe(o: CallOptions = {}): Promise<void> {
    try {
      await this.http.request('/admin/users/0', { signal: o.signal, retries: 0 });
    } catch (e) {
      if (isVexaError(e) && e.code === 'not_found' && !isMissingRoute(e)) return;
      if (isMissingRoute(e)) throw unsupported(clientMessages.adminNotHere(this.http.host));
      throw e;
    }
  }

  /** One page of users, in id order. G3 has no list route (405): `unsupported`, look users up by email or id instead. */
  async listUsers(q: { skip?: number; limit?: number } = {}, o: CallOptions = {}): Promise<AdminUserPage> {
    const skip = Math.max(0, Math.floor(q.skip ?? 0));
    const limit = Math.max(1, Math.floor(q.limit ?? DEFAULT_USER_PAGE));
    if (this.generation === 'g3') throw unsupported(clientMessages.adminNoUserList());
    try {
      const res = await this.http.request('/admin/users', { query: { skip, limit }, signal: o.signal });
      const users = normaliseAdminUsers(res.body);
      return { users, skip, limit, hasMore: users.length >= limit };
    } catch (e) {
      if (isMissingRoute(e)) throw unsupported(clientMessages.adminNoUserList());
      throw e;
    }
  }

  /** The user with their tokens (G3 keeps them on a route of their own, so that is a second request). */
  async getUser(id: string | number, o: CallOptions = {}): Promise<AdminUser> {
    const user = normaliseAdminUser((await this.http.request(`/admin/users/${seg(id)}`, { signal: o.signal })).body);
    if (user.tokens !== null && this.generation !== 'g3') return user;
    return { ...user, tokens: await this.tokensRoute(user.id, o) };
  }

  /** Null when no user has this email. */
  async findUserByEmail(email: string, o: CallOptions = {}): Promise<AdminUser | null> {
    try {
      return normaliseAdminUser((await this.http.request(`/admin/users/email/${seg(email.trim())}`, { signal: o.signal })).body);
    } catch (e) {
      if (isVexaError(e) && e.code === 'not_found' && !isMissingRoute(e)) return null;
      throw e;
    }
  }

  /** Find-or-create: the server answers 201 for a new user and 200 with the existing one for a known email. */
  async createUser(
    input: { email: string; name?: string; maxConcurrentBots?: number },
    o: CallOptions = {},
  ): Promise<{ user: AdminUser; existed: boolean }> {
    const body: Record<string, unknown> = { email: input.email.trim() };
    if (input.name !== undefined) body.name = input.name;
    if (input.maxConcurrentBots !== undefined) body.max_concurrent_bots = input.maxConcurrentBots;
    const res = await this.http.request('/admin/users', { method: 'POST', body, signal: o.signal });
    return { user: normaliseAdminUser(res.body), existed: res.status === 200 };
  }

  async updateUser(id: string | number, patch: UserPatch, o: CallOptions = {}): Promise<AdminUser> {
    if (patch.name !== undefined && !editableUserFields(this.generation).includes('name'))
      throw unsupported(clientMessages.adminNoRename());
    const body: Record<string, unknown> = {};
    if (patch.name !== undefined) body.name = patch.name;
    if (patch.maxConcurrentBots !== undefined) body.max_concurrent_bots = patch.maxConcurrentBots;
    const res = await this.http.request(`/admin/users/${seg(id)}`, { method: 'PATCH', body, signal: o.signal });
    return normaliseAdminUser(res.body);
  }

  /** G3 lists tokens (without secrets) on their own route; G1/G2 embed them, values masked here, in the user. */
  async listTokens(userId: string | number, o: CallOptions = {}): Promise<AdminToken[]> {
    if (this.generation === 'g1' || this.generation === 'g2') return (await this.getUser(userId, o)).tokens ?? [];
    return this.tokensRoute(userId, o);
  }

  private async tokensRoute(userId: string | number, o: CallOptions): Promise<AdminToken[]> {
    try {
      const res = await this.http.request(`/admin/users/${seg(userId)}/tokens`, { signal: o.signal });
      return normaliseAdminTokens(res.body);
    } catch (e) {
      // A server of unknown generation without the route: its user record carries the tokens.
      if (this.generation === undefined && isMissingRoute(e)) {
        const user = normaliseAdminUser((await this.http.request(`/admin/users/${seg(userId)}`, { signal: o.signal })).body);
        return user.tokens ?? [];
      }
      throw e;
    }
  }

  /**
   * Query parameters work on G2 and G3 (`scopes=bot,tx`); G1 ignores them and mints an unscoped
   * key. The value is in the answer only: show it once, never store or log it.
   */
  async mintToken(userId: string | number, opts: MintTokenOptions = {}, o: CallOptions = {}): Promise<MintedToken> {
    const res = await this.http.request(`/admin/users/${seg(userId)}/tokens`, {
      method: 'POST',
      query: { scopes: opts.scopes?.join(','), name: opts.name, expires_in: opts.expiresInSeconds },
      signal: o.signal,
      // Not idempotent: a retried POST could mint a second token nobody sees.
      retries: 0,
    });
    return normaliseMintedToken(res.body);
  }

  /** @deprecated Use mintToken. */
  createToken(userId: string | number, opts: MintTokenOptions = {}, o: CallOptions = {}): Promise<MintedToken> {
    return this.mintToken(userId, opts, o);
  }

  /** Cannot be undone: every app using the token is refused from then on. */
  async revokeToken(tokenId: string | number, o: CallOptions = {}): Promise<void> {
    await this.http.request(`/admin/tokens/${seg(tokenId)}`, { method: 'DELETE', accept: 'none', signal: o.signal });
  }
}

export function createVexaAdminClient(
  options: Omit<HttpOptions, 'apiKey' | 'adminKey' | 'keyScopes'> & { adminKey: string; generation?: ServerGeneration },
): VexaAdminClient {
  const { generation, ...http } = options;
  return new VexaAdminClient(createHttp(http), generation);
}
