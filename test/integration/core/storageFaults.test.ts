import { chownSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../electron/core/cache/database';
import type { KeyCipher } from '../../../electron/core/ports';
import { createFileSecretStore } from '../../../electron/core/secrets/fileSecretStore';
import { startSimulator } from '../../../electron/simulator';
import type { AppState, ConnectionView } from '../../../shared/ipc/models';
import type { Result } from '../../../shared/ipc/result';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must, type IpcTestClient } from '../../support/ipcClient';
import {
  fillDisk,
  mountUnavailable,
  OTHER_UID,
  otherOwnerUnavailable,
  readOnlyFolder,
  readOnlyFolderUnavailable,
  removeWhileOpenUnavailable,
  runUnprivileged,
  smallDisk,
  tempDir,
} from '../../support/storageFaults';

const CHILD = join(import.meta.dirname, 'storageCoreChild.ts');

// Stands for a keychain the app already asked at start-up and found available.
const fakeKeychain: KeyCipher = {
  backend: () => 'gnome_libsecret',
  prepare: async () => {},
  isAvailable: () => true,
  unavailableReason: () => null,
  encrypt: async (s) => new TextEncoder().encode(Buffer.from(s).toString('base64')),
  decrypt: async (b) => ({ text: Buffer.from(new TextDecoder().decode(b), 'base64').toString(), reEncrypt: false }),
};

const itWhere = (unavailable: string | null) => (title: string, fn: () => Promise<void>) =>
  unavailable ? it.skip(`${title} [skipped here: ${unavailable}]`, fn) : it(title, fn, 60_000);

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const undo of cleanups.splice(0).reverse()) await undo();
});

async function launch(...args: Parameters<typeof launchApp>): Promise<{ app: LaunchedApp; ipc: IpcTestClient }> {
  const app = await launchApp(...args);
  const ipc = await connectIpc(app.url);
  cleanups.push(async () => {
    ipc.close();
    await app.close();
  });
  return { app, ipc };
}

const keysIn = (file: string): Record<string, unknown> =>
  existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, unknown> }).entries : {};
/** The current server the settings file names, when it is also one the app returns to at start-up. */
const activeServerIn = (dataDir: string): string | null => {
  const saved = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as {
    connectedServers: string[];
    currentServerId: string | null;
  };
  return saved.currentServerId && saved.connectedServers.includes(saved.currentServerId) ? saved.currentServerId : null;
};

describe('connecting when the data folder cannot be written: a consistent state and a message', () => {
  itWhere(otherOwnerUnavailable)(
    'a cache file of another user: the connection works, the key is stored, the library is in memory',
    async () => {
      const apiKey = 'vxa_tx_storage0000000000000000000000001';
      const sim = await startSimulator({ profile: 'g3', port: 0, apiKeys: [apiKey], seed: true, rateLimitPerMinute: 0 });
      cleanups.push(() => sim.close());
      const dataDir = tempDir('vexa-owner-core-');
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      openCache({ file: join(dataDir, 'cache.sqlite') }).close();
      chownSync(join(dataDir, 'cache.sqlite'), OTHER_UID, OTHER_UID);

      const r = await runUnprivileged<{ connect: Result<ConnectionView>; state: AppState; error?: string }>(CHILD, [
        dataDir,
        sim.url,
        apiKey,
      ]);

      expect(r.error).toBeUndefined();
      expect(r.connect).toMatchObject({ ok: true, value: { status: 'connected', key: { storage: 'keychain' } } });
      expect(r.state.storage).toMatchObject({ mode: 'memory', cause: 'other-owner', file: join(dataDir, 'cache.sqlite') });
      expect(r.state.storage.mode === 'memory' && r.state.storage.message).toContain(join(dataDir, 'cache.sqlite'));
      expect(Object.keys(keysIn(join(dataDir, 'keys.json')))).toEqual([sim.url]);
      expect(activeServerIn(dataDir)).toBe(sim.url);
    },
  );

  itWhere(readOnlyFolderUnavailable)('a key that cannot be written is kept for this session, and the app says so', async () => {
    const keys = readOnlyFolder(() => {});
    cleanups.push(keys.release);
    const keysFile = join(keys.dir, 'keys.json');
    const { app, ipc } = await launch({ profile: 'g3', secrets: createFileSecretStore({ file: keysFile, cipher: fakeKeychain }) });

    const view = must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey, keyStorage: 'auto' }));

    expect(view.status).toBe('connected');
    expect(view.key?.storage).toBe('session');
    const state = must(await ipc.invoke('app:getState'));
    // The folder (mode 0555), or the key file on a read-only disk (a tmpfs where the tests run as root).
    expect(state.storage).toMatchObject({ mode: 'memory', cause: 'read-only', file: expect.stringContaining(keys.dir) });
    expect(state.storage.mode === 'memory' && state.storage.message).toMatch(/API key.*this session only/);
    expect(existsSync(keysFile)).toBe(false);
    // The next start finds this server and asks for its key again; nothing points to a key that is not there.
    expect(activeServerIn(app.dataDir)).toBe(app.simulatorUrl);
  });

  itWhere(readOnlyFolderUnavailable)(
    'an empty read-only data folder (the first start): the app starts, and says why nothing is kept',
    async () => {
      const data = readOnlyFolder(() => {});
      cleanups.push(data.release);
      const { ipc } = await launch({ profile: 'g3', dataDir: data.dir });
      const state = must(await ipc.invoke('app:getState'));
      expect(state.storage).toMatchObject({ mode: 'memory', cause: 'read-only' });
      expect(must(await ipc.invoke('library:list', {}))).toEqual([]);
    },
  );

  itWhere(readOnlyFolderUnavailable)(
    'a read-only data folder: the app starts, connects for this session, and refuses settings it cannot save',
    async () => {
      const data = readOnlyFolder((dir) => mkdirSync(join(dir, 'logs')));
      cleanups.push(data.release);
      const keysDir = tempDir('vexa-keys-');
      cleanups.push(() => rmSync(keysDir, { recursive: true, force: true }));
      const keysFile = join(keysDir, 'keys.json');
      const { app, ipc } = await launch({
        profile: 'g3',
        dataDir: data.dir,
        secrets: createFileSecretStore({ file: keysFile, cipher: fakeKeychain }),
      });

      const before = must(await ipc.invoke('app:getState'));
      expect(before.storage).toMatchObject({ mode: 'memory', cause: 'read-only' });
      expect(before.storage.mode === 'memory' && before.storage.message).toContain(data.dir);

      const view = must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey, keyStorage: 'auto' }));
      expect(view.status).toBe('connected');
      // The app could not remember which server it is connected to, so a stored key would lead nowhere.
      expect(view.key?.storage).toBe('session');
      expect(keysIn(keysFile)).toEqual({});

      const refused = await ipc.invoke('settings:update', { theme: 'dark' });
      expect(refused).toMatchObject({ ok: false, code: 'storage_failed' });
      expect(!refused.ok && refused.message).toContain(data.dir);
      expect(must(await ipc.invoke('app:getState')).settings.theme).toBe('system');
    },
  );
});

describe('storage that fails while the app runs', () => {
  itWhere(mountUnavailable)('a full disk: a setting that cannot be saved is refused, not shown as saved', async () => {
    const disk = smallDisk(2048);
    cleanups.push(disk.unmount);
    const { ipc } = await launch({ profile: 'g3', dataDir: disk.dir });
    must(await ipc.invoke('settings:update', { theme: 'light' }));
    fillDisk(disk.dir);

    const refused = await ipc.invoke('settings:update', { theme: 'dark' });

    expect(refused).toMatchObject({ ok: false, code: 'storage_failed' });
    expect(!refused.ok && refused.message).toMatch(/full/);
    expect(must(await ipc.invoke('app:getState')).settings.theme).toBe('light');
    expect(JSON.parse(readFileSync(join(disk.dir, 'settings.json'), 'utf8')).settings.theme).toBe('light');
  });

  itWhere(mountUnavailable)(
    'a key that cannot be removed from a read-only disk: disconnecting says so and keeps the connection',
    async () => {
      const disk = smallDisk(256);
      cleanups.push(disk.unmount);
      const keysFile = join(disk.dir, 'keys.json');
      const { app, ipc } = await launch({ profile: 'g3', secrets: createFileSecretStore({ file: keysFile, cipher: fakeKeychain }) });
      must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey, keyStorage: 'auto' }));
      disk.readOnly();

      const refused = await ipc.invoke('connection:disconnect');

      expect(refused).toMatchObject({ ok: false, code: 'storage_failed' });
      expect(!refused.ok && refused.message).toContain(keysFile);
      expect(must(await ipc.invoke('app:getState')).connection.status).toBe('connected');
    },
  );

  itWhere(removeWhileOpenUnavailable)(
    'the data folder is deleted: settings are refused with the reason, the library moves to memory, nothing recreates the folder',
    async () => {
      const dataDir = tempDir('vexa-vanish-core-');
      const { app, ipc } = await launch({ profile: 'g3', dataDir });
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey }));
      must(await ipc.invoke('library:sync', { full: true }));

      rmSync(dataDir, { recursive: true, force: true });

      const refused = await ipc.invoke('settings:update', { theme: 'dark' });
      expect(refused).toMatchObject({ ok: false, code: 'storage_failed' });
      expect(!refused.ok && refused.message).toMatch(/removed/);
      expect(!refused.ok && refused.message).toContain(dataDir);
      const [first] = must(await ipc.invoke('library:list', {}));
      expect(first).toBeDefined();
      must(await ipc.invoke('library:edit', { id: first!.id, patch: { notes: 'Written after the folder went away' } }));
      const state = must(await ipc.invoke('app:getState'));
      expect(state.storage).toMatchObject({ mode: 'memory', cause: 'removed', file: dataDir });
      expect(state.settings.theme).toBe('system');
      expect(must(await ipc.invoke('library:open', { id: first!.id })).meeting.notes).toBe('Written after the folder went away');
      expect(existsSync(dataDir)).toBe(false);
    },
  );
});
