import type { Connections } from '../connections/connections';
import { serverPort } from '../connections/serverPorts';
import type { Clock, Logger, SecretStore } from '../ports';
import type { Resolver } from '../net/guardedLookup';
import { AdminAccess } from './adminAccess';
import { AdminUsers } from './adminUsers';
import type { AdminServices } from './handlers';
import { KeyScopes } from './keyScopes';
import type { MintedTokens } from './mintedTokens';
import { WebhookService } from './webhooks';

export interface AdminServicesDeps {
  connections: Connections;
  secrets: SecretStore;
  logger: Logger;
  clock: Clock;
  minted: MintedTokens;
  fetch?: typeof fetch;
  resolveHost?: Resolver;
}

/**
 * The admin console, account and webhook services of each server, made when first asked for and
 * kept (a server's admin key and webhook secret live under its own id in the secret store).
 * Left out, the server is the current one.
 */
export function adminServicesByServer(d: AdminServicesDeps): (serverId: string | undefined) => AdminServices {
  const made = new Map<string, AdminServices>();
  return (serverId) => {
    const id = d.connections.resolve(serverId)?.id ?? null;
    const cached = made.get(id ?? '');
    if (cached) return cached;
    const connection = serverPort(d.connections, id);
    const access = new AdminAccess({ connection, secrets: d.secrets, logger: d.logger, fetch: d.fetch, resolveHost: d.resolveHost });
    const services: AdminServices = {
      connection,
      access,
      users: new AdminUsers({ access, connection, minted: d.minted, logger: d.logger }),
      webhooks: new WebhookService({
        connection,
        secrets: d.secrets,
        logger: d.logger,
        clock: d.clock,
        fetch: d.fetch,
        resolveHost: d.resolveHost,
      }),
      keyScopes: new KeyScopes(connection),
    };
    made.set(id ?? '', services);
    return services;
  };
}
