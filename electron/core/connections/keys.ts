import type { KeyStorage } from '../../../shared/ipc/models';
import type { Resolver } from '../net/guardedLookup';
import type { Logger, SecretMode, SecretStore } from '../ports';
import { normalizeServerUrl } from '../serverUrl';
import type { StorageFault } from '../storageFault';
import { StorageError } from '../storageNotice';
import { probeServer, type ServerProbe } from '../vexa';

export interface ProbedServer {
  probe: ServerProbe;
  insecure: boolean;
  /** The normalised address: the server's id. */
  url: string;
}

/** Checks an address with a key (registered with the logger first, so no line prints it). */
export async function probeWithKey(
  d: { logger: Logger; fetch?: typeof fetch; resolveHost?: Resolver },
  url: string,
  rawKey: string,
): Promise<ProbedServer> {
  const normalized = normalizeServerUrl(url);
  const apiKey = rawKey.trim();
  d.logger.addSecret(apiKey);
  const result = await probeServer({ baseUrl: normalized.url, apiKey, fetch: d.fetch, resolveHost: d.resolveHost });
  if (!result.ok) {
    d.logger.info('Server check failed', { url: normalized.url, code: result.error.code });
    throw result.error;
  }
  return { probe: result.value, insecure: normalized.insecure, url: normalized.url };
}

/**
 * The key in the chosen store under the server's id. A disk that refuses it keeps it for this run
 * (the app says so) rather than refusing to connect on a disk where nothing can be saved; the
 * keychain refusing (`secure_storage_unavailable`) goes back to the person to choose another way.
 */
export async function storeKey(
  d: { secrets: SecretStore; logger: Logger; onStorageFault(subject: 'key', fault: StorageFault): void },
  id: string,
  apiKey: string,
  mode: SecretMode,
): Promise<KeyStorage> {
  try {
    return await d.secrets.set(id, apiKey, mode);
  } catch (e) {
    if (!(e instanceof StorageError)) throw e;
    d.logger.warn('Could not store the key; it is kept for this run', { code: e.fault.code, cause: e.fault.cause });
    d.onStorageFault('key', e.fault);
    return d.secrets.set(id, apiKey, 'session');
  }
}
