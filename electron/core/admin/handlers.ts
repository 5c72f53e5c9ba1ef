import type { adminChannels } from '../../../shared/ipc/admin';
import { UserFacingError, type Handler } from '../../../shared/ipc/dispatch';
import { IpcCodes } from '../../../shared/ipc/result';
import type { ServerPort } from '../connections/serverConnection';
import { isVexaError } from '../vexa';
import { accountInfo } from './account';
import type { AdminAccess } from './adminAccess';
import type { AdminUsers } from './adminUsers';
import type { KeyScopes } from './keyScopes';
import type { WebhookService } from './webhooks';

export type AdminHandlerTable = { [C in keyof typeof adminChannels]: Handler<C> };

/** The admin console, account and webhooks of one server. */
export interface AdminServices {
  access: AdminAccess;
  users: AdminUsers;
  webhooks: WebhookService;
  keyScopes: KeyScopes;
  connection: ServerPort;
}

export interface AdminHandlerDeps {
  /** The services of the named server, else of the current one (a port with no server when there is none). */
  forServer(serverId: string | undefined): AdminServices;
}

type OnServer = { serverId?: string } | null | undefined;

/** The admin console, account and webhook channels; each acts on the server it names, else the current one. */
export function createAdminHandlers({ forServer }: AdminHandlerDeps): AdminHandlerTable {
  const on = (input: OnServer) => forServer(input?.serverId ?? undefined);
  return {
    'admin:status': async (input) => on(input).access.status(),
    'admin:setKey': async ({ serverId, key, adminUrl }) => forServer(serverId).access.setKey(key, adminUrl),
    'admin:forget': async (input) => on(input).access.forget(),
    'admin:users:list': async ({ serverId, skip, limit, filter }) => forServer(serverId).users.list(skip, limit, filter),
    'admin:users:findByEmail': async ({ serverId, email }) => ({ user: await forServer(serverId).users.findByEmail(email) }),
    'admin:users:get': async ({ serverId, userId }) => forServer(serverId).users.get(userId),
    'admin:users:create': async ({ serverId, ...input }) => forServer(serverId).users.create(input),
    'admin:users:update': async ({ serverId, userId, ...patch }) => forServer(serverId).users.update(userId, patch),
    'admin:tokens:create': async ({ serverId, userId, scopes, name }) => forServer(serverId).users.createToken(userId, scopes, name),
    'admin:tokens:useInApp': async ({ serverId, handle, keyStorage }) => forServer(serverId).users.useInApp(handle, keyStorage),
    'admin:tokens:revoke': async ({ serverId, tokenId }) => {
      await forServer(serverId).users.revoke(tokenId);
      return null;
    },
    'account:info': async (input) => {
      const { connection, keyScopes } = on(input);
      const server = connection.activeServer;
      const key = connection.withActiveKey((_s, k) => k);
      if (!server || key === null || connection.view().status !== 'connected')
        throw new UserFacingError(IpcCodes.notConnected, 'Connect to a Vexa server first to see what your key may do.');
      let me = null;
      let meError: string | null = null;
      if (server.capabilities.authMe) {
        try {
          me = await connection.client().authMe();
          keyScopes.remember(me.scopes);
        } catch (e) {
          if (!isVexaError(e) || e.code === 'unauthorized') throw e;
          meError = `The server could not say who this key belongs to: ${e.userMessage}`;
        }
      }
      return accountInfo({ generation: server.generation, keyLabel: connection.view().key?.label ?? null, key, me, meError });
    },
    'webhook:get': async (input) => on(input).webhooks.get(),
    'webhook:set': async ({ serverId, url, secret }) => forServer(serverId).webhooks.set(url, secret),
    'webhook:test': async (input) => on(input).webhooks.test(),
    'webhook:clear': async (input) => on(input).webhooks.clear(),
    'webhook:deliveries': async (input) => on(input).webhooks.deliveries(input?.limit ?? 50),
  };
}
