import type { SafeStorage } from 'electron';
import type { KeyCipher } from '../../core/ports';

// Only the asynchronous API: the synchronous one is deprecated in Electron 45 and removed in 46.
export type SafeStorageLike = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

/** Thrown with a code and a sentence the IPC layer passes to the user unchanged. */
export class CipherError extends Error {
  constructor(
    readonly code: 'secure_storage_unavailable' | 'secret_unreadable',
    readonly userMessage: string,
  ) {
    super(userMessage);
    this.name = 'CipherError';
  }
}

// Linux: `basic_text` means Chromium found no keyring and would "encrypt" with a hard-coded
// key; `unknown` means the app asked before `ready`. Neither protects a key at rest.
const LINUX_WITHOUT_KEYRING = new Set(['basic_text', 'unknown']);

export const CIPHER_MESSAGES = {
  noLinuxKeyring:
    'No system keyring was found (GNOME Keyring or KWallet). Install one and make sure it is unlocked when you sign in ' +
    '(for example the gnome-keyring package), then restart Vexa Companion. Until then the API key can be kept for ' +
    'this session only, or saved unencrypted if you accept that risk.',
  linuxKeyringLocked: (backend: string) =>
    `The system keyring (${backend}) did not answer; it may be locked. Unlock it, for example by signing out and in ` +
    'again, then restart Vexa Companion. Until then the API key can be kept for this session only.',
  macKeychain:
    'The macOS Keychain is not available to Vexa Companion. Unlock your login keychain in Keychain Access, then ' +
    'restart the app. Until then the API key can be kept for this session only.',
  windowsDpapi:
    'Windows data protection is not available for this account. Sign in to Windows with your usual account and ' +
    'restart Vexa Companion. Until then the API key can be kept for this session only.',
  other: 'This system offers no secure storage for the API key. It can be kept for this session only.',
  unreadable:
    'The saved API key could not be decrypted, perhaps because the system keyring changed. Connect again and paste ' + 'your API key.',
} as const;

/**
 * The KeyCipher port over Electron's asynchronous safeStorage. Create and `prepare()` after
 * `app.whenReady()`: the OS encryptor initialises lazily on the first call after ready.
 */
export function createSafeStorageCipher(safeStorage: SafeStorageLike, platform: NodeJS.Platform): KeyCipher {
  // null until the OS has been asked: the status must never claim encryption nobody confirmed.
  let osCanEncrypt: boolean | null = null;
  let asking: Promise<void> | null = null;

  const backend = (): string => {
    if (platform === 'darwin') return 'keychain';
    if (platform === 'win32') return 'dpapi';
    if (platform === 'linux') return safeStorage.getSelectedStorageBackend();
    return 'unknown';
  };

  /** What to tell the user when the OS says it cannot encrypt. */
  const refusal = (): string => {
    if (platform === 'linux') return CIPHER_MESSAGES.linuxKeyringLocked(backend());
    if (platform === 'darwin') return CIPHER_MESSAGES.macKeychain;
    if (platform === 'win32') return CIPHER_MESSAGES.windowsDpapi;
    return CIPHER_MESSAGES.other;
  };

  const unavailableReason = (): string | null => {
    // Checked first and independently of the OS answer: Chromium reports basic_text as "available".
    if (platform === 'linux' && LINUX_WITHOUT_KEYRING.has(backend())) return CIPHER_MESSAGES.noLinuxKeyring;
    return osCanEncrypt === true ? null : refusal();
  };

  const prepare = (): Promise<void> => {
    // Callers arriving while the OS is still answering share the question: one keyring prompt at most.
    asking ??= Promise.resolve()
      .then(() => safeStorage.isAsyncEncryptionAvailable())
      .then(
        (answer) => {
          osCanEncrypt = answer;
        },
        () => {
          osCanEncrypt = false;
        },
      )
      .finally(() => {
        asking = null;
      });
    return asking;
  };

  return {
    backend,
    prepare,
    isAvailable: () => unavailableReason() === null,
    unavailableReason,
    async encrypt(plain) {
      const reason = unavailableReason();
      if (reason !== null) throw new CipherError('secure_storage_unavailable', reason);
      try {
        return new Uint8Array(await safeStorage.encryptStringAsync(plain));
      } catch {
        // The keyring can go away while the app runs (locked, its daemon stopped): ask again so
        // the status shown next matches this failure.
        await prepare();
        throw new CipherError('secure_storage_unavailable', unavailableReason() ?? refusal());
      }
    },
    async decrypt(data) {
      try {
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(data));
        return { text: result, reEncrypt: shouldReEncrypt };
      } catch {
        throw new CipherError('secret_unreadable', CIPHER_MESSAGES.unreadable);
      }
    },
  };
}
