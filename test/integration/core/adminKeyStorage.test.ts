import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyCipher } from '../../../electron/core/ports';
import { createFileSecretStore } from '../../../electron/core/secrets/fileSecretStore';
import { startSimulator, type Simulator } from '../../../electron/simulator';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must } from '../../support/ipcClient';

/**
 * The admin key is kept like a user key: encrypted by the keychain, back after a restart, apart
 * from the user key (forgetting one leaves the other), and never written in plain text, even when
 * the person chose to keep the user key unencrypted.
 */

// Stands for a keychain the app already asked at start-up and found available.
const fakeKeychain: KeyCipher = {
  backend: () => 'gnome_libsecret',
  prepare: async () => {},
  isAvailable: () => true,
  unavailableReason: () => null,
  encrypt: async (s) => new TextEncoder().encode(Buffer.from(s).toString('base64')),
  decrypt: async (b) => ({ text: Buffer.from(new TextDecoder().decode(b), 'base64').toString(), reEncrypt: false }),
};

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

async function setup(): Promise<{ simulator: Simulator; adminKey: string; apiKey: string; keysDir: string; dataDir: string }> {
  const adminKey = `adm-${randomBytes(24).toString('hex')}`;
  const apiKey = `vxa_tx_${randomBytes(16).toString('hex')}`;
  const simulator = await startSimulator({
    profile: 'g3',
    port: 0,
    apiKeys: [{ key: apiKey, scopes: ['bot', 'tx'], email: 'owner@example.com' }],
    adminKey,
    rateLimitPerMinute: 0,
  });
  // The keychain lives outside the data folder, as the OS keeps it.
  const keysDir = mkdtempSync(join(tmpdir(), 'vexa-keys-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'vexa-admin-data-'));
  cleanup.push(
    () => simulator.close(),
    () => rmSync(keysDir, { recursive: true, force: true }),
    () => rmSync(dataDir, { recursive: true, force: true }),
  );
  return { simulator, adminKey, apiKey, keysDir, dataDir };
}

async function launch(
  options: Parameters<typeof launchApp>[0],
): Promise<{ app: LaunchedApp; ipc: Awaited<ReturnType<typeof connectIpc>> }> {
  const app = await launchApp(options);
  const ipc = await connectIpc(app.url);
  cleanup.push(async () => {
    ipc.close();
    await app.close({ keepData: true });
  });
  return { app, ipc };
}

describe('where the admin key is kept', () => {
  it('in the keychain beside the user key, back after a restart, and forgotten on its own', async () => {
    const { simulator, adminKey, apiKey, keysDir, dataDir } = await setup();
    const keyFile = join(keysDir, 'keys.json');
    const secrets = () => createFileSecretStore({ file: keyFile, cipher: fakeKeychain });
    const first = await launch({ apiKey, simulator, dataDir, secrets: secrets() });
    must(await first.ipc.invoke('connection:connect', { url: simulator.url, apiKey }));
    const status = must(await first.ipc.invoke('admin:setKey', { key: adminKey, adminUrl: simulator.adminUrl }));
    expect(status).toMatchObject({ keyStored: true, keyStorage: 'keychain' });
    const file = readFileSync(keyFile, 'utf8');
    expect(file).not.toContain(adminKey);
    expect(Object.keys((JSON.parse(file) as { entries: object }).entries).sort()).toEqual([`admin:${simulator.url}`, simulator.url].sort());

    const second = await launch({ apiKey, simulator, dataDir, secrets: secrets() });
    expect(must(await second.ipc.invoke('app:getState')).connection.status).toBe('connected');
    expect(must(await second.ipc.invoke('admin:status'))).toMatchObject({
      keyStored: true,
      keyStorage: 'keychain',
      adminUrl: simulator.adminUrl,
    });
    must(await second.ipc.invoke('admin:users:findByEmail', { email: 'owner@example.com' }));

    must(await second.ipc.invoke('admin:forget'));
    expect(Object.keys((JSON.parse(readFileSync(keyFile, 'utf8')) as { entries: object }).entries)).toEqual([simulator.url]);
    expect(must(await second.ipc.invoke('app:getState')).connection.status).toBe('connected');
  });

  it('for this run only when the user key is kept unencrypted', async () => {
    const { simulator, adminKey, apiKey, keysDir, dataDir } = await setup();
    const keyFile = join(keysDir, 'keys.json');
    const { ipc } = await launch({ apiKey, simulator, dataDir, secrets: createFileSecretStore({ file: keyFile, cipher: null }) });
    must(await ipc.invoke('connection:connect', { url: simulator.url, apiKey, keyStorage: 'plaintext' }));
    expect(must(await ipc.invoke('admin:setKey', { key: adminKey, adminUrl: simulator.adminUrl }))).toMatchObject({
      keyStorage: 'session',
    });
    expect(readFileSync(keyFile, 'utf8')).toContain(apiKey);
    expect(readFileSync(keyFile, 'utf8')).not.toContain(adminKey);
    must(await ipc.invoke('admin:users:findByEmail', { email: 'owner@example.com' }));
  });
});
