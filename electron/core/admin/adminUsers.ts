import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { AdminUserDetail, AdminUserPage, AdminUserView, MintedToken, TokenScope } from '../../../shared/ipc/admin';
import type { ConnectionView } from '../../../shared/ipc/models';
import type { ServerPort } from '../connections/serverConnection';
import type { Logger } from '../ports';
import { isVexaError } from '../vexa';
import { scopeRefusal } from './account';
import type { AdminAccess } from './adminAccess';
import { offersFor } from './adminAccess';
import type { MintedTokens } from './mintedTokens';
import { emailProblem, matchesFilter, toTokenView, toUserView } from './views';

/** Keys that can send a bot and read its transcript (a bot-only key cannot read it on G3, vexa#1062). */
const DEFAULT_SCOPES: TokenScope[] = ['bot', 'tx'];

const userNotFound = (id: string | number) =>
  new UserFacingError(
    'not_found',
    `There is no user with the ID ${String(id)} on this server. Refresh the list; the user may have been removed.`,
  );

function isUnknownUser(e: unknown): boolean {
  return isVexaError(e) && e.code === 'not_found' && /user not found/i.test(String(e.detail ?? ''));
}

export interface AdminUsersDeps {
  access: AdminAccess;
  connection: ServerPort;
  minted: MintedTokens;
  logger: Logger;
}

/** Users and their tokens through the admin API of the connected server. */
export class AdminUsers {
  constructor(private readonly d: AdminUsersDeps) {}

  async list(skip: number, limit: number, filter: string | undefined): Promise<AdminUserPage> {
    const { client, server } = await this.d.access.client();
    if (!offersFor(server.generation).listUsers) {
      return {
        available: false,
        message: 'This server (Vexa 0.12) cannot list its users. Look a user up by email instead.',
        skip,
        limit,
        users: [],
        hasMore: false,
      };
    }
    try {
      const page = await client.listUsers({ skip, limit });
      return {
        available: true,
        message: null,
        skip,
        limit,
        users: page.users.map(toUserView).filter((u) => matchesFilter(u, filter)),
        hasMore: page.hasMore,
      };
    } catch (e) {
      if (isVexaError(e) && e.code === 'unsupported')
        return { available: false, message: e.userMessage, skip, limit, users: [], hasMore: false };
      throw e;
    }
  }

  async findByEmail(email: string): Promise<AdminUserView | null> {
    const problem = emailProblem(email);
    if (problem) throw new UserFacingError('validation', problem);
    const { client } = await this.d.access.client();
    const user = await client.findUserByEmail(email.trim());
    return user ? toUserView(user) : null;
  }

  async get(userId: string | number): Promise<AdminUserDetail> {
    const { client } = await this.d.access.client();
    try {
      const user = await client.getUser(userId);
      return { user: toUserView(user), tokens: (user.tokens ?? []).map(toTokenView) };
    } catch (e) {
      if (isUnknownUser(e)) throw userNotFound(userId);
      throw e;
    }
  }

  async create(input: { email: string; name?: string; maxConcurrentBots?: number }): Promise<{ user: AdminUserView; existed: boolean }> {
    const problem = emailProblem(input.email);
    if (problem) throw new UserFacingError('validation', problem);
    const { client } = await this.d.access.client();
    const name = input.name?.trim();
    const { user, existed } = await client.createUser({
      email: input.email.trim(),
      ...(name ? { name } : {}),
      ...(input.maxConcurrentBots !== undefined ? { maxConcurrentBots: input.maxConcurrentBots } : {}),
    });
    return { user: toUserView(user), existed };
  }

  async update(userId: string | number, patch: { name?: string; maxConcurrentBots?: number }): Promise<AdminUserView> {
    const { client, server } = await this.d.access.client();
    const allowed = offersFor(server.generation).updatableFields;
    if (patch.name !== undefined && !allowed.includes('name'))
      throw new UserFacingError(
        'unsupported',
        "This server (Vexa 0.12) does not let an administrator change a user's name; only the bot limit.",
      );
    if (patch.name === undefined && patch.maxConcurrentBots === undefined)
      throw new UserFacingError('validation', 'Nothing to change: give a new name or bot limit.');
    try {
      return toUserView(await client.updateUser(userId, patch));
    } catch (e) {
      if (isUnknownUser(e)) throw userNotFound(userId);
      throw e;
    }
  }

  /** The value goes to the window in this reply only; the logger hides it from the first moment. */
  async createToken(userId: string | number, scopes: TokenScope[] | undefined, name: string | undefined): Promise<MintedToken> {
    const { client, server } = await this.d.access.client();
    const wanted = offersFor(server.generation).tokenScopes ? (scopes ?? DEFAULT_SCOPES) : undefined;
    try {
      const token = await client.mintToken(userId, {
        ...(wanted ? { scopes: wanted } : {}),
        ...(name?.trim() ? { name: name.trim() } : {}),
      });
      this.d.logger.addSecret(token.value);
      const { handle, expiresAt } = this.d.minted.keep(token.value, server.id, token.scopes);
      this.d.logger.info('Token created', { server: server.url, userId: String(userId), tokenId: token.id });
      const { value, ...listed } = token;
      return { token: toTokenView(listed), value, handle, handleExpiresAt: expiresAt };
    } catch (e) {
      if (isUnknownUser(e)) throw userNotFound(userId);
      throw e;
    }
  }

  async useInApp(handle: string, keyStorage: 'auto' | 'session' | 'plaintext'): Promise<ConnectionView> {
    const server = this.d.connection.activeServer;
    const minted = server ? this.d.minted.peek(handle, server.id) : null;
    if (!server || !minted)
      throw new UserFacingError(
        'token_gone',
        'This token can no longer be used from here: it is kept only for ten minutes after it is made, and only for the server it was made on. Paste it on the connection screen instead.',
      );
    try {
      const view = await this.d.connection.connect(server.url, minted.value, keyStorage);
      this.d.minted.used(handle);
      return view;
    } catch (e) {
      if (isVexaError(e) && e.code === 'missing_scope') throw new UserFacingError(e.code, scopeRefusal(e.userMessage, minted.scopes));
      throw e;
    }
  }

  async revoke(tokenId: string | number): Promise<void> {
    const { client, server } = await this.d.access.client();
    try {
      await client.revokeToken(tokenId);
    } catch (e) {
      if (isVexaError(e) && e.code === 'not_found')
        throw new UserFacingError(
          'not_found',
          `There is no token with the ID ${String(tokenId)} on this server; it may have been revoked already.`,
        );
      throw e;
    }
    this.d.logger.info('Token revoked', { server: server.url, tokenId: String(tokenId) });
  }
}
