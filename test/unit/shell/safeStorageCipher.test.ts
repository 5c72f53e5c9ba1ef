import { describe, expect, it } from 'vitest';
import { CIPHER_MESSAGES, createSafeStorageCipher, type SafeStorageLike } from '../../../electron/main/shell/safeStorageCipher';

type Backend = ReturnType<SafeStorageLike['getSelectedStorageBackend']>;

interface FakeSafeStorage extends SafeStorageLike {
  /** Plain texts the OS was asked to encrypt. */
  encrypted: string[];
  /** How many times the OS was asked whether it can encrypt. */
  checks: number;
  /** What the OS answers from now on; a keyring can be locked or unlocked while the app runs. */
  available: boolean;
}

const seal = (prefix: string, plain: string) => Buffer.from(`${prefix}${Buffer.from(plain).toString('base64')}`);

/**
 * Reversible stand-in for Electron's asynchronous safeStorage; no electron import in tests.
 * `v11:` is its current key; `v10:` bytes are what the synchronous API wrote in older versions
 * of the app, which still decrypt but should be encrypted again.
 */
function fakeSafeStorage(available: boolean, backend: Backend = 'gnome_libsecret'): FakeSafeStorage {
  const fake: FakeSafeStorage = {
    encrypted: [],
    checks: 0,
    available,
    isAsyncEncryptionAvailable: async () => {
      fake.checks += 1;
      return fake.available;
    },
    getSelectedStorageBackend: () => backend,
    encryptStringAsync: async (plain) => {
      if (!fake.available) throw new Error('Encryption is not available.');
      fake.encrypted.push(plain);
      return seal('v11:', plain);
    },
    decryptStringAsync: async (data) => {
      const text = data.toString();
      const prefix = text.slice(0, 4);
      if (prefix !== 'v11:' && prefix !== 'v10:') throw new Error('Error while decrypting the ciphertext provided to safeStorage.');
      return { result: Buffer.from(text.slice(4), 'base64').toString(), shouldReEncrypt: prefix === 'v10:' };
    },
  };
  return fake;
}

async function prepared(storage: SafeStorageLike, platform: NodeJS.Platform) {
  const cipher = createSafeStorageCipher(storage, platform);
  await cipher.prepare();
  return cipher;
}

const KEY = 'vxa_tx_0123456789abcdef';

describe('safeStorage key cipher', () => {
  it('round-trips a key through the OS encryption and never stores it as is', async () => {
    const cipher = await prepared(fakeSafeStorage(true), 'linux');
    const sealed = await cipher.encrypt(KEY);
    expect(sealed).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(sealed).toString()).not.toContain(KEY);
    expect(await cipher.decrypt(sealed)).toEqual({ text: KEY, reEncrypt: false });
  });

  it('reads a key saved by an older version of the app and asks for it to be encrypted again', async () => {
    const cipher = await prepared(fakeSafeStorage(true), 'darwin');
    expect(await cipher.decrypt(new Uint8Array(seal('v10:', KEY)))).toEqual({ text: KEY, reEncrypt: true });
  });

  it('claims no secure storage before the OS has been asked, and asks it only once at a time', async () => {
    const storage = fakeSafeStorage(true);
    const cipher = createSafeStorageCipher(storage, 'win32');
    expect(cipher.isAvailable()).toBe(false);
    await expect(cipher.encrypt(KEY)).rejects.toMatchObject({ code: 'secure_storage_unavailable' });
    expect(storage.encrypted).toEqual([]);
    await Promise.all([cipher.prepare(), cipher.prepare()]);
    expect(storage.checks).toBe(1);
    expect(cipher.isAvailable()).toBe(true);
    expect(cipher.unavailableReason()).toBeNull();
  });

  it.each([
    ['darwin', 'keychain'],
    ['win32', 'dpapi'],
    ['linux', 'kwallet5'],
  ] as const)('names the %s backend %s', async (platform, backend) => {
    const cipher = await prepared(fakeSafeStorage(true, 'kwallet5'), platform);
    expect(cipher.backend()).toBe(backend);
    expect(cipher.isAvailable()).toBe(true);
    expect(cipher.unavailableReason()).toBeNull();
  });

  it.each(['basic_text', 'unknown'] as const)(
    'treats the Linux %s backend as unavailable even when Electron reports encryption available',
    async (backend) => {
      const storage = fakeSafeStorage(true, backend);
      const cipher = await prepared(storage, 'linux');
      expect(cipher.isAvailable()).toBe(false);
      expect(cipher.backend()).toBe(backend);
      expect(cipher.unavailableReason()).toBe(CIPHER_MESSAGES.noLinuxKeyring);
      expect(cipher.unavailableReason()).toMatch(/No system keyring was found \(GNOME Keyring or KWallet\)/);
      await expect(cipher.encrypt(KEY)).rejects.toMatchObject({ code: 'secure_storage_unavailable' });
      expect(storage.encrypted).toEqual([]);
    },
  );

  it('explains a locked Linux keyring by name', async () => {
    const cipher = await prepared(fakeSafeStorage(false, 'gnome_libsecret'), 'linux');
    expect(cipher.isAvailable()).toBe(false);
    expect(cipher.unavailableReason()).toContain('gnome_libsecret');
  });

  it.each([
    ['darwin', /Keychain/],
    ['win32', /Windows data protection/],
    ['freebsd', /no secure storage/],
  ] as const)('on %s gives a reason the user can act on when encryption is unavailable', async (platform, pattern) => {
    const cipher = await prepared(fakeSafeStorage(false), platform);
    expect(cipher.isAvailable()).toBe(false);
    expect(cipher.unavailableReason()).toMatch(pattern);
    await expect(cipher.encrypt(KEY)).rejects.toMatchObject({
      code: 'secure_storage_unavailable',
      userMessage: cipher.unavailableReason(),
    });
  });

  it('reports the keyring as unavailable after it stops encrypting while the app runs', async () => {
    const storage = fakeSafeStorage(true, 'gnome_libsecret');
    const cipher = await prepared(storage, 'linux');
    storage.available = false;
    await expect(cipher.encrypt(KEY)).rejects.toMatchObject({
      code: 'secure_storage_unavailable',
      userMessage: CIPHER_MESSAGES.linuxKeyringLocked('gnome_libsecret'),
    });
    expect(cipher.isAvailable()).toBe(false);
    storage.available = true;
    await cipher.prepare();
    expect(await cipher.decrypt(await cipher.encrypt(KEY))).toEqual({ text: KEY, reEncrypt: false });
  });

  it('counts an OS that cannot answer the availability question as unavailable', async () => {
    const storage: SafeStorageLike = {
      ...fakeSafeStorage(true),
      isAsyncEncryptionAvailable: () => Promise.reject(new Error('The keyring service is not running.')),
    };
    const cipher = await prepared(storage, 'darwin');
    expect(cipher.isAvailable()).toBe(false);
    expect(cipher.unavailableReason()).toBe(CIPHER_MESSAGES.macKeychain);
  });

  it('reports an undecryptable key with a code and a way forward', async () => {
    const cipher = await prepared(fakeSafeStorage(true), 'darwin');
    await expect(cipher.decrypt(new TextEncoder().encode('garbage'))).rejects.toMatchObject({
      code: 'secret_unreadable',
      userMessage: CIPHER_MESSAGES.unreadable,
    });
  });
});
