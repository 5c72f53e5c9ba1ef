import type * as fs from 'node:fs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

/**
 * Settings and keys are written to a temporary file and renamed into place. When two writers share
 * a folder (two copies of the app, or one copy's write interrupted by another's), each must use a
 * temporary file of its own: with one fixed `.tmp` name, the second writer's rename takes the
 * first one's file away and the first rename fails, or lands the other writer's content.
 */

// Runs `during` once, between the first writer's temp-file write and its rename.
let during: (() => void) | null = null;
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  return {
    ...real,
    writeFileSync: (...args: Parameters<typeof fs.writeFileSync>) => {
      real.writeFileSync(...args);
      const run = during;
      during = null;
      run?.();
    },
  };
});

const { SettingsStore } = await import('../../../electron/core/settings');
const { createFileSecretStore } = await import('../../../electron/core/secrets/fileSecretStore');

describe('temporary files of atomic writes', () => {
  it('two settings writers on one file each finish, and the later write wins', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'vexa-tmpnames-')), 'settings.json');
    const first = new SettingsStore(file);
    const second = new SettingsStore(file);
    during = () => second.update({ theme: 'light' });
    expect(() => first.update({ theme: 'dark' })).not.toThrow();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ settings: { theme: 'dark' } });
  });

  it('two key-file writers on one file each finish, and the later write wins', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'vexa-tmpnames-')), 'keys.json');
    const first = createFileSecretStore({ file, cipher: null });
    const second = createFileSecretStore({ file, cipher: null });
    during = () => void second.set('other', 'k2', 'plaintext');
    await expect(first.set('mine', 'k1', 'plaintext')).resolves.toBe('plaintext');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ entries: { mine: { data: 'k1' } } });
  });
});
