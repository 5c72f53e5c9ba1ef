import { UserFacingError, type Handler } from '../../../shared/ipc/dispatch';
import type { adminChannels } from '../../../shared/ipc/admin';

export type AdminHandlerTable = { [C in keyof typeof adminChannels]: Handler<C> };

/** The admin console, account and webhook channels. */
export function createAdminHandlers(): AdminHandlerTable {
  const pending = async (): Promise<never> => {
    throw new UserFacingError('not_available', 'This part of the app is not ready yet.');
  };
  return {
    'admin:status': pending,
    'admin:setKey': pending,
    'admin:forget': pending,
    'admin:users:list': pending,
    'admin:users:findByEmail': pending,
    'admin:users:get': pending,
    'admin:users:create': pending,
    'admin:users:update': pending,
    'admin:tokens:create': pending,
    'admin:tokens:useInApp': pending,
    'admin:tokens:revoke': pending,
    'account:info': pending,
    'webhook:get': pending,
    'webhook:set': pending,
    'webhook:test': pending,
    'webhook:clear': pending,
    'webhook:deliveries': pending,
  };
}
