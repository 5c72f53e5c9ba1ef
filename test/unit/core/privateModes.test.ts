import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCache } from '../../../electron/core/cache/database';
import { createFileLogger } from '../../../electron/core/logger';
import { createFileSecretStore } from '../../../electron/core/secrets/fileSecretStore';
import { SettingsStore } from '../../../electron/core/settings';

/**
 * The core's own files hold meeting transcripts, settings and (with consent) keys; other accounts
 * on the machine may not read them, in the desktop app's folder as in the web app's. POSIX modes;
 * Windows has no such bits.
 */
const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);

describe.skipIf(process.platform === 'win32')('modes of the files the core creates (POSIX)', () => {
  const fresh = (): string => join(mkdtempSync(join(tmpdir(), 'vexa-modes-')), 'new folder');

  it('the cache database and its -wal and -shm files are 0600, its folder 0700', () => {
    const dir = fresh();
    const cache = openCache({ file: join(dir, 'cache.sqlite') });
    cache.db.exec('CREATE TABLE IF NOT EXISTS probe (x); INSERT INTO probe VALUES (1)');
    expect(mode(dir)).toBe('700');
    const files = readdirSync(dir);
    expect(files).toEqual(expect.arrayContaining(['cache.sqlite', 'cache.sqlite-wal', 'cache.sqlite-shm']));
    for (const f of files) expect(mode(join(dir, f)), f).toBe('600');
    cache.close();
  });

  it('an in-memory cache creates no file', () => {
    openCache({ file: ':memory:' }).close();
    expect(existsSync(join(process.cwd(), ':memory:'))).toBe(false);
  });

  it('settings.json is 0600, its folder 0700', () => {
    const dir = fresh();
    new SettingsStore(join(dir, 'settings.json')).update({ theme: 'dark' });
    expect(mode(dir)).toBe('700');
    expect(mode(join(dir, 'settings.json'))).toBe('600');
  });

  it('keys.json is 0600, its folder 0700', async () => {
    const dir = fresh();
    await createFileSecretStore({ file: join(dir, 'keys.json'), cipher: null }).set('a', 'secret', 'plaintext');
    expect(mode(dir)).toBe('700');
    expect(mode(join(dir, 'keys.json'))).toBe('600');
  });

  it('log files are 0600, the logs folder 0700', async () => {
    const dir = fresh();
    const logger = createFileLogger({ dir, maxBytes: 200 });
    for (let i = 0; i < 5; i++) logger.info(`line ${i} ${'x'.repeat(80)}`);
    await logger.close();
    expect(mode(dir)).toBe('700');
    const files = readdirSync(dir);
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) expect(mode(join(dir, f)), f).toBe('600');
  });
});
