import {
  isVexaError,
  normaliseAdminToken,
  normaliseAdminTokens,
  normaliseAdminUser,
  normaliseAdminUsers,
  unsupported,
} from '../../../shared/vexa';
import type { AdminToken, AdminUser, ServerGeneration } from '../../../shared/vexa';
import { createHttp, seg } from './http';
import type { HttpOptions, VexaHttp } from './http';
import type { CallOptions } from './client';
import { clientMessages } from './clientMessages';

export interface CreateTokenOptions {
  /** G2/G3 scopes; ask for both so that the key can send bots and read transcripts. */
  scopes?: string[];
  name?: string;
  expiresInSeconds?: number;
}

/** FastAPI's answer for a route that does not exist, as opposed to "User not found". */
function isMissingRoute(e: unknown): boolean {
  return isVexaError(e) && (e.status === 405 || (e.status === 404 && e.detail === 'Not Found'));
}

/**
 * The admin API (`X-Admin-API-Key`). G1/G2 serve it through the gateway at /admin; G3 only on
 * admin-api itself (compose port 8001), so its base URL may differ from the user API's.
 */
export class VexaAdminClient {
  constructor(
    private readonly http: VexaHttp,
    private readonly generation?: ServerGeneration,
  ) {}

  async listUsers(q: { skip?: number; limit?: number } = {}, o: CallOptions = {}): Promise<AdminUser[]> {
    try {
      const res = await this.http.request('/admin/users', { query: { skip: q.skip, limit: q.limit }, signal: o.signal });
      return normaliseAdminUsers(res.body);
    } catch (e) {
      if (isMissingRoute(e)) throw unsupported(clientMessages.adminNoUserList());
      throw e;
    }
  }

  async getUser(id: string | number, o: CallOptions = {}): Promise<AdminUser> {
    return normaliseAdminUser((await this.http.request(`/admin/users/${seg(id)}`, { signal: o.signal })).body);
  }

  async getUserByEmail(email: string, o: CallOptions = {}): Promise<AdminUser> {
    return normaliseAdminUser((await this.http.request(`/admin/users/email/${seg(email)}`, { signal: o.signal })).body);
  }

  /** Find-or-create: the server answers 201 for a new user and 200 for an existing one. */
  async createUser(
    input: { email: string; name?: string; maxConcurrentBots?: number },
    o: CallOptions = {},
  ): Promise<{ user: AdminUser; created: boolean }> {
    const body: Record<string, unknown> = { email: input.email };
    if (input.name !== undefined) body.name = input.name;
    if (input.maxConcurrentBots !== undefined) body.max_concurrent_bots = input.maxConcurrentBots;
    const res = await this.http.request('/admin/users', { method: 'POST', body, signal: o.signal });
    return { user: normaliseAdminUser(res.body), created: res.status === 201 };
  }

  async updateUser(
    id: string | number,
    patch: { name?: string; maxConcurrentBots?: number; data?: Record<string, unknown> },
    o: CallOptions = {},
  ): Promise<AdminUser> {
    const body: Record<string, unknown> = {};
    if (patch.name !== undefined) body.name = patch.name;
    if (patch.maxConcurrentBots !== undefined) body.max_concurrent_bots = patch.maxConcurrentBots;
    if (patch.data !== undefined) body.data = patch.data;
    const res = await this.http.request(`/admin/users/${seg(id)}`, { method: 'PATCH', body, signal: o.signal });
    return normaliseAdminUser(res.body);
  }

  /** G3 lists tokens (without secrets) on their own route; G1/G2 embed them in the user. */
  async listTokens(userId: string | number, o: CallOptions = {}): Promise<AdminToken[]> {
    const fromUser = async () => (await this.getUser(userId, o)).tokens ?? [];
    if (this.generation === 'g1' || this.generation === 'g2') return fromUser();
    try {
      const res = await this.http.request(`/admin/users/${seg(userId)}/tokens`, { signal: o.signal });
      return normaliseAdminTokens(res.body);
    } catch (e) {
      if (this.generation === undefined && isMissingRoute(e)) return fromUser();
      throw e;
    }
  }

  /**
   * Query parameters work on G2 and G3 (`scopes=bot,tx`); G1 ignores them and mints an unscoped
   * key. The returned token is shown once and never stored by this client.
   */
  async createToken(userId: string | number, opts: CreateTokenOptions = {}, o: CallOptions = {}): Promise<AdminToken> {
    const res = await this.http.request(`/admin/users/${seg(userId)}/tokens`, {
      method: 'POST',
      query: {
        scopes: opts.scopes?.join(','),
        name: opts.name,
        expires_in: opts.expiresInSeconds,
      },
      signal: o.signal,
    });
    return normaliseAdminToken(res.body);
  }

  async revokeToken(tokenId: string | number, o: CallOptions = {}): Promise<void> {
    await this.http.request(`/admin/tokens/${seg(tokenId)}`, { method: 'DELETE', accept: 'none', signal: o.signal });
  }
}

export function createVexaAdminClient(
  options: Omit<HttpOptions, 'apiKey' | 'adminKey'> & { adminKey: string; generation?: ServerGeneration },
): VexaAdminClient {
  const { generation, ...http } = options;
  return new VexaAdminClient(createHttp(http), generation);
}
