import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { KeyCipher, SecretMode, SecretStore, SecretStoreStatus } from '../ports';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, tempName } from '../privateFiles';
import { isStorageFailure } from '../storageFault';
import { discardTemp, storageError } from '../storageNotice';

const EntrySchema = z.object({ kind: z.enum(['keychain', 'plaintext']), data: z.string() });
const FileSchema = z.object({ version: z.literal(1), entries: z.record(z.string(), EntrySchema) });
type KeyFile = z.infer<typeof FileSchema>;

export const SECURE_STORAGE_UNAVAILABLE = 'secure_storage_unavailable';

export interface FileSecretStoreOptions {
  file: string;
  /** OS encryption; null where none exists (the web harness started with --persist-keys). */
  cipher: KeyCipher | null;
}

/**
 * Keys at rest in one small JSON file, each value encrypted by the OS keychain (or, only after
 * the user accepted the warning, in plain text). Session keys never touch the disk.
 */
export function createFileSecretStore({ file, cipher }: FileSecretStoreOptions): SecretStore {
  const session = new Map<string, string>();
  // Made once, at start-up: a write never recreates a data folder removed since (as settings.ts).
  try {
    mkdirSync(dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
  } catch {
    // The first write says why.
  }
  const folderExisted = existsSync(dirname(file));

  const read = (): KeyFile => {
    if (!existsSync(file)) return { version: 1, entries: {} };
    try {
      return FileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      // A damaged key file means the user enters the key again; it must not stop the app.
      return { version: 1, entries: {} };
    }
  };
  /** All or nothing: a write the disk refuses leaves the old file and throws a `StorageError`. */
  const write = (data: KeyFile, action = `store the API key in ${file}`): void => {
    const tmp = tempName(file);
    try {
      writeFileSync(tmp, JSON.stringify(data), { mode: PRIVATE_FILE_MODE });
      renameSync(tmp, file);
    } catch (e) {
      discardTemp(tmp);
      if (!isStorageFailure(e)) throw e;
      throw storageError(action, file, e, folderExisted);
    }
    chmodSync(file, 0o600);
  };
  const removePersisted = (account: string): void => {
    const data = read();
    if (account in data.entries) {
      delete data.entries[account];
      write(data, `remove the API key from ${file}`);
    }
  };

  /**
   * Stores a key again under the OS's current encryption key after the OS asked for that. A
   * failure leaves the old bytes in place; the next read asks again.
   */
  const reseal = async (keyCipher: KeyCipher, account: string, before: string, secret: string): Promise<void> => {
    try {
      const sealed = Buffer.from(await keyCipher.encrypt(secret)).toString('base64');
      const data = read();
      const current = data.entries[account];
      // Replaced or deleted while the keyring was busy: the newer choice wins.
      if (current?.kind !== 'keychain' || current.data !== before) return;
      data.entries[account] = { kind: 'keychain', data: sealed };
      write(data);
    } catch {
      // Reading the key succeeded; the user must not lose it because the rewrite did not.
    }
  };

  const status = (): SecretStoreStatus =>
    cipher?.isAvailable()
      ? { secure: true, backend: cipher.backend(), reason: null }
      : {
          secure: false,
          backend: cipher?.backend() ?? 'none',
          reason:
            cipher?.unavailableReason() ?? 'This copy of the app has no access to the system keychain, so it cannot store keys encrypted.',
        };

  return {
    status,
    location: () => file,
    async get(account) {
      const inMemory = session.get(account);
      if (inMemory !== undefined) return inMemory;
      const entry = read().entries[account];
      if (!entry) return null;
      if (entry.kind === 'plaintext') return entry.data;
      if (!cipher?.isAvailable()) return null;
      let opened: { text: string; reEncrypt: boolean };
      try {
        opened = await cipher.decrypt(Buffer.from(entry.data, 'base64'));
      } catch {
        // The keychain changed (another user, a reinstalled OS): the key must be entered again.
        return null;
      }
      if (opened.reEncrypt) await reseal(cipher, account, entry.data, opened.text);
      return opened.text;
    },
    async set(account, secret, mode: SecretMode) {
      if (mode === 'session') {
        session.set(account, secret);
        try {
          removePersisted(account);
        } catch {
          // A key stored earlier stays on a disk that cannot be written; this run uses the new
          // one (`get` asks the session first), and nothing new was written.
        }
        return 'session';
      }
      if (mode === 'secure') {
        // The answer from start-up may be stale: the user may have unlocked the keyring since.
        if (cipher && !cipher.isAvailable()) await cipher.prepare();
        const s = status();
        if (!s.secure || !cipher) throw new UserFacingError(SECURE_STORAGE_UNAVAILABLE, s.reason ?? 'Secure storage is unavailable.');
        const sealed = Buffer.from(await cipher.encrypt(secret)).toString('base64');
        // Read only after the keyring answered, so a write made meanwhile is not lost.
        const data = read();
        data.entries[account] = { kind: 'keychain', data: sealed };
        write(data);
        session.delete(account);
        return 'keychain';
      }
      const data = read();
      data.entries[account] = { kind: 'plaintext', data: secret };
      write(data);
      session.delete(account);
      return 'plaintext';
    },
    async delete(account) {
      session.delete(account);
      removePersisted(account);
    },
  };
}

/**
 * The web harness's default: keys live in memory for the life of the process, which is what a
 * developer or a test run wants from a browser-served copy of the app.
 */
export function createMemorySecretStore(): SecretStore {
  const values = new Map<string, string>();
  return {
    status: () => ({ secure: false, backend: 'memory', reason: null }),
    location: () => 'memory (this run only)',
    get: async (account) => values.get(account) ?? null,
    set: async (account, secret) => {
      values.set(account, secret);
      return 'session';
    },
    delete: async (account) => {
      values.delete(account);
    },
  };
}
