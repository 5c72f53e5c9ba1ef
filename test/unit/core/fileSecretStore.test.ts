import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KeyCipher } from '../../../electron/core/ports';
import { createFileSecretStore, createMemorySecretStore } from '../../../electron/core/secrets/fileSecretStore';

interface FakeCipher extends KeyCipher {
  /** The OS's current key generation; raising it is a key rotation. */
  keyVersion: number;
  /** What the OS answers the next time it is asked; `prepare` makes the cipher learn it. */
  osAvailable: boolean;
  /** Set to make every encryption fail, as a keyring that stops answering does. */
  failEncrypt: boolean;
}

// Reversible stand-in for the OS keychain: enough to show the file never holds the key itself.
// Each sealed value names the key generation it was made with, as a rotated OS key would.
function fakeCipher(available = true, backend = 'gnome_libsecret'): FakeCipher {
  let known = false;
  const fake: FakeCipher = {
    keyVersion: 1,
    osAvailable: available,
    failEncrypt: false,
    backend: () => backend,
    prepare: async () => {
      known = fake.osAvailable;
    },
    isAvailable: () => known,
    unavailableReason: () => (known ? null : 'No system keyring was found.'),
    encrypt: async (s) => {
      if (fake.failEncrypt) throw new Error('The keyring did not answer.');
      return new TextEncoder().encode(`v${fake.keyVersion}:${[...s].reverse().join('')}!enc`);
    },
    decrypt: async (b) => {
      const match = /^v(\d+):(.*)!enc$/.exec(new TextDecoder().decode(b));
      if (!match) throw new Error('bad decrypt');
      return { text: [...match[2]!].reverse().join(''), reEncrypt: Number(match[1]) < fake.keyVersion };
    },
  };
  return fake;
}

async function preparedCipher(available = true, backend = 'gnome_libsecret'): Promise<FakeCipher> {
  const cipher = fakeCipher(available, backend);
  await cipher.prepare();
  return cipher;
}

const KEY = 'vxa_tx_SECRETSECRETSECRETSECRET0001';
const file = () => join(mkdtempSync(join(tmpdir(), 'vexa-keys-')), 'keys.json');

describe('file secret store', () => {
  it('keeps keys encrypted at rest and reads them back after a restart', async () => {
    const f = file();
    const store = createFileSecretStore({ file: f, cipher: await preparedCipher() });
    expect(await store.set('server-a', KEY, 'secure')).toBe('keychain');
    expect(readFileSync(f, 'utf8')).not.toContain(KEY);
    if (process.platform !== 'win32') expect(statSync(f).mode & 0o777).toBe(0o600);
    const again = createFileSecretStore({ file: f, cipher: await preparedCipher() });
    expect(await again.get('server-a')).toBe(KEY);
  });

  it('refuses secure storage when the OS has no keyring, with the reason', async () => {
    const store = createFileSecretStore({ file: file(), cipher: await preparedCipher(false, 'basic_text') });
    expect(store.status()).toEqual({ secure: false, backend: 'basic_text', reason: 'No system keyring was found.' });
    await expect(store.set('s', KEY, 'secure')).rejects.toMatchObject({ code: 'secure_storage_unavailable' });
  });

  it('keeps a session key in memory only', async () => {
    const f = file();
    const store = createFileSecretStore({ file: f, cipher: await preparedCipher(false) });
    expect(await store.set('s', KEY, 'session')).toBe('session');
    expect(await store.get('s')).toBe(KEY);
    expect(() => readFileSync(f)).toThrow();
    expect(await createFileSecretStore({ file: f, cipher: await preparedCipher(false) }).get('s')).toBeNull();
  });

  it('stores plain text only when asked to, and forgets on delete', async () => {
    const f = file();
    const store = createFileSecretStore({ file: f, cipher: await preparedCipher(false) });
    expect(await store.set('s', KEY, 'plaintext')).toBe('plaintext');
    expect(readFileSync(f, 'utf8')).toContain(KEY);
    await store.delete('s');
    expect(readFileSync(f, 'utf8')).not.toContain(KEY);
    expect(await store.get('s')).toBeNull();
  });

  it('treats a damaged key file as empty instead of failing', async () => {
    const f = file();
    writeFileSync(f, '{not json');
    const store = createFileSecretStore({ file: f, cipher: await preparedCipher() });
    expect(await store.get('x')).toBeNull();
    await store.set('x', KEY, 'secure');
    expect(await store.get('x')).toBe(KEY);
  });

  it('returns null when the keychain can no longer decrypt', async () => {
    const f = file();
    await createFileSecretStore({ file: f, cipher: await preparedCipher() }).set('x', KEY, 'secure');
    const broken: KeyCipher = {
      ...(await preparedCipher()),
      decrypt: () => Promise.reject(new Error('bad decrypt')),
    };
    expect(await createFileSecretStore({ file: f, cipher: broken }).get('x')).toBeNull();
  });
});

describe('file secret store with a changing OS keychain', () => {
  const storedBytes = (f: string, account: string): string => {
    const entry = (JSON.parse(readFileSync(f, 'utf8')) as { entries: Record<string, { data: string }> }).entries[account];
    return Buffer.from(entry!.data, 'base64').toString();
  };

  it('offers secure storage only once the OS has confirmed it', async () => {
    const cipher = fakeCipher(true, 'kwallet5');
    const store = createFileSecretStore({ file: file(), cipher });
    expect(store.status()).toMatchObject({ secure: false, backend: 'kwallet5' });
    await cipher.prepare();
    expect(store.status()).toEqual({ secure: true, backend: 'kwallet5', reason: null });
  });

  it('saves securely after the user unlocked the keyring, without a restart', async () => {
    const f = file();
    const cipher = await preparedCipher(false);
    const store = createFileSecretStore({ file: f, cipher });
    expect(store.status().secure).toBe(false);
    cipher.osAvailable = true;
    expect(await store.set('s', KEY, 'secure')).toBe('keychain');
    expect(store.status().secure).toBe(true);
    expect(readFileSync(f, 'utf8')).not.toContain(KEY);
    expect(await store.get('s')).toBe(KEY);
  });

  it('stores a key again under a rotated OS key, and the rewritten key still reads', async () => {
    const f = file();
    const cipher = await preparedCipher();
    await createFileSecretStore({ file: f, cipher }).set('server-a', KEY, 'secure');
    expect(storedBytes(f, 'server-a')).toMatch(/^v1:/);
    cipher.keyVersion = 2;
    expect(await createFileSecretStore({ file: f, cipher }).get('server-a')).toBe(KEY);
    expect(storedBytes(f, 'server-a')).toMatch(/^v2:/);
    expect(readFileSync(f, 'utf8')).not.toContain(KEY);
    if (process.platform !== 'win32') expect(statSync(f).mode & 0o777).toBe(0o600);
    const before = readFileSync(f, 'utf8');
    expect(await createFileSecretStore({ file: f, cipher }).get('server-a')).toBe(KEY);
    expect(readFileSync(f, 'utf8')).toBe(before);
  });

  it('still returns the key when storing it again under the new OS key fails', async () => {
    const f = file();
    const cipher = await preparedCipher();
    await createFileSecretStore({ file: f, cipher }).set('server-a', KEY, 'secure');
    const before = readFileSync(f, 'utf8');
    cipher.keyVersion = 2;
    cipher.failEncrypt = true;
    expect(await createFileSecretStore({ file: f, cipher }).get('server-a')).toBe(KEY);
    expect(readFileSync(f, 'utf8')).toBe(before);
    cipher.failEncrypt = false;
    expect(await createFileSecretStore({ file: f, cipher }).get('server-a')).toBe(KEY);
    expect(storedBytes(f, 'server-a')).toMatch(/^v2:/);
  });

  it('reads a key file written by an earlier version of the app', async () => {
    const f = file();
    const sealed = Buffer.from(`v1:${[...KEY].reverse().join('')}!enc`).toString('base64');
    writeFileSync(f, JSON.stringify({ version: 1, entries: { 'server-a': { kind: 'keychain', data: sealed } } }));
    const store = createFileSecretStore({ file: f, cipher: await preparedCipher() });
    expect(await store.get('server-a')).toBe(KEY);
    await store.set('server-b', KEY, 'secure');
    expect(JSON.parse(readFileSync(f, 'utf8'))).toEqual({
      version: 1,
      entries: { 'server-a': { kind: 'keychain', data: sealed }, 'server-b': { kind: 'keychain', data: sealed } },
    });
  });
});

describe('memory secret store', () => {
  it('reports session storage and forgets on delete', async () => {
    const store = createMemorySecretStore();
    expect(await store.set('a', KEY, 'secure')).toBe('session');
    expect(await store.get('a')).toBe(KEY);
    await store.delete('a');
    expect(await store.get('a')).toBeNull();
  });
});
