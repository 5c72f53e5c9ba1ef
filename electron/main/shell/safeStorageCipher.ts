import type { SafeStorage } from 'electron';
import type { KeyCipher } from '../../core/ports';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

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

/** The KeyCipher port over Electron's safeStorage. Call after `app.whenReady()`. */
export function createSafeStorageCipher(safeStorage: SafeStorageLike, platform: NodeJS.Platform): KeyCipher {
  const backend = (): string => {
    if (platform === 'darwin') return 'keychain';
    if (platform === 'win32') return 'dpapi';
    if (platform === 'linux') return safeStorage.getSelectedStorageBackend();
    return 'unknown';
  };

  const unavailableReason = (): string | null => {
    if (platform === 'linux') {
      const name = backend();
      if (LINUX_WITHOUT_KEYRING.has(name)) return CIPHER_MESSAGES.noLinuxKeyring;
      return safeStorage.isEncryptionAvailable() ? null : CIPHER_MESSAGES.linuxKeyringLocked(name);
    }
    if (safeStorage.isEncryptionAvailable()) return null;
    if (platform === 'darwin') return CIPHER_MESSAGES.macKeychain;
    if (platform === 'win32') return CIPHER_MESSAGES.windowsDpapi;
    return CIPHER_MESSAGES.other;
  };

  return {
    backend,
    isAvailable: () => unavailableReason() === null,
    unavailableReason,
    encrypt(plain) {
      const reason = unavailableReason();
      if (reason !== null) throw new CipherError('secure_storage_unavailable', reason);
      return new Uint8Array(safeStorage.encryptString(plain));
    },
    decrypt(data) {
      try {
        return safeStorage.decryptString(Buffer.from(data));
      } catch {
        throw new CipherError('secret_unreadable', CIPHER_MESSAGES.unreadable);
      }
    },
  };
}
