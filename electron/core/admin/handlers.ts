import type { adminChannels } from '../../../shared/ipc/admin';
import { UserFacingError, type Handler } from '../../../shared/ipc/dispatch';
import { IpcCodes } from '../../../shared/ipc/result';
import type { ConnectionService } from '../connection';
import { isVexaError } from '../vexa';
import { accountInfo } from './account';
import type { AdminAccess } from './adminAccess';
import type { AdminUsers } from './adminUsers';
import type { KeyScopes } from './keyScopes';
import type { WebhookService } from './webhooks';

export type AdminHandlerTable = { [C in keyof typeof adminChannels]: Handler<C> };

export interface AdminHandlerDeps {
  access: AdminAccess;
  users: AdminUsers;
  webhooks: WebhookService;
  keyScopes: KeyScopes;
  connection: ConnectionService;
}

/** The admin console, account and webhook channels. */
export function createAdminHandlers(d: AdminHandlerDeps): AdminHandlerTable {
  return {
    'admin:status': async () => d.access.status(),
    'admin:setKey': async ({ key, adminUrl }) => d.access.setKey(key, adminUrl),
    'admin:forget': async () => d.access.forget(),
    'admin:users:list': async ({ skip, limit, filter }) => d.users.list(skip, limit, filter),
    'admin:users:findByEmail': async ({ email }) => ({ user: await d.users.findByEmail(email) }),
    'admin:users:get': async ({ userId }) => d.users.get(userId),
    'admin:users:create': async (input) => d.users.create(input),
    'admin:users:update': async ({ userId, ...patch }) => d.users.update(userId, patch),
    'admin:tokens:create': async ({ userId, scopes, name }) => d.users.createToken(userId, scopes, name),
    'admin:tokens:useInApp': async ({ handle, keyStorage }) => d.users.useInApp(handle, keyStorage),
    'admin:tokens:revoke': async ({ tokenId }) => {
      await d.users.revoke(tokenId);
      return null;
    },
    'account:info': async () => {
      const server = d.connection.activeServer;
      const key = d.connection.withActiveKey((_s, k) => k);
      if (!server || key === null || d.connection.view().status !== 'connected')
        throw new UserFacingError(IpcCodes.notConnected, 'Connect to a Vexa server first to see what your key may do.');
      let me = null;
      let meError: string | null = null;
      if (server.capabilities.authMe) {
        try {
          me = await d.connection.client().authMe();
          d.keyScopes.remember(me.scopes);
        } catch (e) {
          if (!isVexaError(e) || e.code === 'unauthorized') throw e;
          meError = `The server could not say who this key belongs to: ${e.userMessage}`;
        }
      }
      return accountInfo({ generation: server.generation, keyLabel: d.connection.view().key?.label ?? null, key, me, meError });
    },
    'webhook:get': async () => d.webhooks.get(),
    'webhook:set': async ({ url, secret }) => d.webhooks.set(url, secret),
    'webhook:test': async () => d.webhooks.test(),
    'webhook:clear': async () => d.webhooks.clear(),
    'webhook:deliveries': async (input) => d.webhooks.deliveries(input?.limit ?? 50),
  };
}
