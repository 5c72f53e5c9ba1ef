import type { SecretStore } from '../ports';
import { adminAccount } from './adminAccess';
import { webhookAccount } from './webhooks';

/** The secrets kept for a server besides its user key. */
export async function forgetServerSecrets(secrets: SecretStore, serverId: string): Promise<void> {
  await secrets.delete(adminAccount(serverId));
  await secrets.delete(webhookAccount(serverId));
}
