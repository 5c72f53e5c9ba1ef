import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KeyCipher } from '../../../electron/core/ports';
import { createFileSecretStore, createMemorySecretStore } from '../../../electron/core/secrets/fileSecretStore';

// Reversible stand-in for the OS keychain: enough to show the file never holds the key itself.
function fakeCipher(available = true, backend = 'gnome_libsecret'): KeyCipher {
  return {
    backend: () => backend,
    isAvailable: () => available,
    unavailableReason: () => (available ? null : 'No system keyring was found.'),
    encrypt: (s) => new TextEncoder().encode([...s].reverse().join('') + '!enc'),
    decrypt: (b) => [...new TextDecoder().decode(b).replace(/!enc$/, '')].reverse().join(''),
  };
}

const KEY = 'vxa_tx_SECRETSECRETSECRETSECRET0001';
const file = () => join(mkdtempSync(join(tmpdir(), 'vexa-keys-')), 'keys.json');

describe('file secret store', () => {
  it('keeps keys encrypted at rest and reads them back after a restart', async () => {
    const f = file();
    const store = createFileSecretStore({ file: f, cipher: fakeCipher() });
    expect(await store.set('server-a', KEY, 'secure')).toBe('keychain');
    expect(readFileSync(f, 'utf8')).not.toContain(KEY);
    if (process.platform !== 'win32') expect(statSync(f).mode & 0o777).toBe(0o600);
    const again = createFileSecretStore({ file: f, cipher: fakeCipher() });
    expect(await again.get('server-a')).toBe(KEY);
  });

  it('refuses secure storage when the OS has no keyring, with the reason', async () => {
    const store = createFileSecretStore({ file: file(), cipher: fakeCipher(false, 'basic_text') });
    expect(store.status()).toEqual({ secure: false, backend: 'basic_text', reason: 'No system keyring was found.' });
    await expect(store.set('s', KEY, 'secure')).rejects.toMatchObject({ code: 'secure_storage_unavailable' });
  });

  it('keeps a session key in memory only', async () => {
    const f = file();
    const store = createFileSecretStore({ file: f, cipher: fakeCipher(false) });
    expect(await store.set('s', KEY, 'session')).toBe('session');
    expect(await store.get('s')).toBe(KEY);
    expect(() => readFileSync(f)).toThrow();
    expect(await createFileSecretStore({ file: f, cipher: fakeCipher(false) }).get('s')).toBeNull();
  });

  it('stores plain text only when asked to, and forgets on delete', async () => {
    const f = file();
    const store = createFileSecretStore({ file: f, cipher: fakeCipher(false) });
    expect(await store.set('s', KEY, 'plaintext')).toBe('plaintext');
    expect(readFileSync(f, 'utf8')).toContain(KEY);
    await store.delete('s');
    expect(readFileSync(f, 'utf8')).not.toContain(KEY);
    expect(await store.get('s')).toBeNull();
  });

  it('treats a damaged key file as empty instead of failing', async () => {
    const f = file();
    writeFileSync(f, '{not json');
    const store = createFileSecretStore({ file: f, cipher: fakeCipher() });
    expect(await store.get('x')).toBeNull();
    await store.set('x', KEY, 'secure');
    expect(await store.get('x')).toBe(KEY);
  });

  it('returns null when the keychain can no longer decrypt', async () => {
    const f = file();
    await createFileSecretStore({ file: f, cipher: fakeCipher() }).set('x', KEY, 'secure');
    const broken: KeyCipher = {
      ...fakeCipher(),
      decrypt: () => {
        throw new Error('bad decrypt');
      },
    };
    expect(await createFileSecretStore({ file: f, cipher: broken }).get('x')).toBeNull();
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
