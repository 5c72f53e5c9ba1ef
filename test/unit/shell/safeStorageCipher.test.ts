import { describe, expect, it } from 'vitest';
import { CIPHER_MESSAGES, createSafeStorageCipher, type SafeStorageLike } from '../../../electron/main/shell/safeStorageCipher';

type Backend = ReturnType<SafeStorageLike['getSelectedStorageBackend']>;

/** Reversible stand-in for Electron's safeStorage; no electron import in tests. */
function fakeSafeStorage(available: boolean, backend: Backend = 'gnome_libsecret'): SafeStorageLike & { encrypted: string[] } {
  const encrypted: string[] = [];
  return {
    encrypted,
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain) => {
      encrypted.push(plain);
      return Buffer.from(`enc:${Buffer.from(plain).toString('base64')}`);
    },
    decryptString: (data) => {
      const text = data.toString();
      if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(4), 'base64').toString();
    },
  };
}

const KEY = 'vxa_tx_0123456789abcdef';

describe('safeStorage key cipher', () => {
  it('round-trips a key through the OS encryption and never stores it as is', () => {
    const cipher = createSafeStorageCipher(fakeSafeStorage(true), 'linux');
    const sealed = cipher.encrypt(KEY);
    expect(sealed).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(sealed).toString()).not.toContain(KEY);
    expect(cipher.decrypt(sealed)).toBe(KEY);
  });

  it.each([
    ['darwin', 'keychain'],
    ['win32', 'dpapi'],
    ['linux', 'kwallet5'],
  ] as const)('names the %s backend %s', (platform, backend) => {
    const cipher = createSafeStorageCipher(fakeSafeStorage(true, 'kwallet5'), platform);
    expect(cipher.backend()).toBe(backend);
    expect(cipher.isAvailable()).toBe(true);
    expect(cipher.unavailableReason()).toBeNull();
  });

  it.each(['basic_text', 'unknown'] as const)(
    'treats the Linux %s backend as unavailable even when Electron reports encryption available',
    (backend) => {
      const storage = fakeSafeStorage(true, backend);
      const cipher = createSafeStorageCipher(storage, 'linux');
      expect(cipher.isAvailable()).toBe(false);
      expect(cipher.backend()).toBe(backend);
      expect(cipher.unavailableReason()).toBe(CIPHER_MESSAGES.noLinuxKeyring);
      expect(cipher.unavailableReason()).toMatch(/No system keyring was found \(GNOME Keyring or KWallet\)/);
      expect(() => cipher.encrypt(KEY)).toThrow(expect.objectContaining({ code: 'secure_storage_unavailable' }));
      expect(storage.encrypted).toEqual([]);
    },
  );

  it('explains a locked Linux keyring by name', () => {
    const cipher = createSafeStorageCipher(fakeSafeStorage(false, 'gnome_libsecret'), 'linux');
    expect(cipher.isAvailable()).toBe(false);
    expect(cipher.unavailableReason()).toContain('gnome_libsecret');
  });

  it.each([
    ['darwin', /Keychain/],
    ['win32', /Windows data protection/],
    ['freebsd', /no secure storage/],
  ] as const)('on %s gives a reason the user can act on when encryption is unavailable', (platform, pattern) => {
    const cipher = createSafeStorageCipher(fakeSafeStorage(false), platform);
    expect(cipher.isAvailable()).toBe(false);
    expect(cipher.unavailableReason()).toMatch(pattern);
    expect(() => cipher.encrypt(KEY)).toThrow(expect.objectContaining({ userMessage: cipher.unavailableReason() }));
  });

  it('reports an undecryptable key with a code and a way forward', () => {
    const cipher = createSafeStorageCipher(fakeSafeStorage(true), 'darwin');
    expect(() => cipher.decrypt(new TextEncoder().encode('garbage'))).toThrow(
      expect.objectContaining({ code: 'secret_unreadable', userMessage: CIPHER_MESSAGES.unreadable }),
    );
  });
});
