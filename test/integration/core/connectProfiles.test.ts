import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyCipher } from '../../../electron/core/ports';
import { createFileSecretStore } from '../../../electron/core/secrets/fileSecretStore';
import { startSimulator } from '../../../electron/simulator';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must } from '../../support/ipcClient';
import { waitFor } from '../../support/waitFor';

// Stands for a keychain the app already asked at start-up (`prepare`) and found available.
const fakeKeychain: KeyCipher = {
  backend: () => 'gnome_libsecret',
  prepare: async () => {},
  isAvailable: () => true,
  unavailableReason: () => null,
  encrypt: async (s) => new TextEncoder().encode(Buffer.from(s).toString('base64')),
  decrypt: async (b) => ({ text: Buffer.from(new TextDecoder().decode(b), 'base64').toString(), reEncrypt: false }),
};

const apps: LaunchedApp[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

async function launch(...args: Parameters<typeof launchApp>) {
  const app = await launchApp(...args);
  apps.push(app);
  return { app, ipc: await connectIpc(app.url) };
}

describe.each(['g1', 'g2', 'g3'] as const)('connecting to a %s server', (profile) => {
  it('detects the generation, stores a masked view and lists meetings', async () => {
    const { app, ipc } = await launch({ profile });
    const probe = must(await ipc.invoke('connection:probe', { url: app.simulatorUrl, apiKey: app.apiKey }));
    expect(probe.generation).toBe(profile);
    expect(probe.insecure).toBe(true);

    const view = must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey }));
    expect(view.status).toBe('connected');
    expect(view.server).toMatchObject({ generation: profile, url: app.simulatorUrl, demo: false, insecure: true });
    expect(view.server?.capabilities.meetingById).toBe(profile !== 'g1');
    expect(view.server?.capabilities.publicShareLinks).toBe(profile !== 'g3');
    expect(view.key?.label).toMatch(/^vxa_tx_••••[0-9a-f]{4}$/);
    expect(view.key?.storage).toBe('session');

    expect(must(await ipc.invoke('library:sync', {}))?.phase).toBe('idle');
    const meetings = must(await ipc.invoke('library:list', {}));
    expect(meetings.length).toBeGreaterThan(0);
    expect(meetings.every((m) => m.serverId === view.server?.id && m.status.length > 0)).toBe(true);

    const state = ipc.events.filter((e) => e.event === 'app:state').at(-1)?.payload as { connection: { status: string } };
    expect(state.connection.status).toBe('connected');
    ipc.close();
  });

  it('explains a wrong key in words and stays disconnected', async () => {
    const { app, ipc } = await launch({ profile });
    const r = await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: 'vxa_tx_wrongwrongwrongwrongwrongwrong12' });
    expect(r).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(!r.ok && r.message).toMatch(/key/i);
    expect(must(await ipc.invoke('app:getState')).connection.status).toBe('none');
    ipc.close();
  });
});

describe('connection failures a person can act on', () => {
  it('tells that an HTML page from a proxy is not the Vexa API', async () => {
    const { app, ipc } = await launch({ profile: 'g3' });
    app.simulator.setFault({
      status: 502,
      contentType: 'text/html',
      body: '<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>',
      count: 10,
    });
    const r = await ipc.invoke('connection:probe', { url: app.simulatorUrl, apiKey: app.apiKey });
    expect(r).toMatchObject({ ok: false, code: 'not_vexa' });
    ipc.close();
  });

  it('names an unreachable server', async () => {
    const { app, ipc } = await launch({ profile: 'g3' });
    const sim = await startSimulator({ port: 0 });
    const deadUrl = sim.url;
    await sim.close();
    const r = await ipc.invoke('connection:probe', { url: deadUrl, apiKey: app.apiKey });
    expect(r).toMatchObject({ ok: false, code: 'unreachable' });
    ipc.close();
  });

  it('refuses plain http to a public address before sending the key', async () => {
    const { app, ipc } = await launch({ profile: 'g3' });
    const r = await ipc.invoke('connection:connect', { url: 'http://api.cloud.vexa.ai', apiKey: app.apiKey });
    expect(r).toMatchObject({ ok: false, code: 'invalid_url' });
    ipc.close();
  });

  it('reports a key without the transcript scope (G3)', async () => {
    const sim = await startSimulator({
      profile: 'g3',
      port: 0,
      apiKeys: [{ key: 'vxa_bot_ONLYBOTONLYBOTONLYBOTONLYBOT12', scopes: ['bot'] }],
    });
    const { ipc } = await launch({ profile: 'g3' });
    const r = await ipc.invoke('connection:probe', { url: sim.url, apiKey: 'vxa_bot_ONLYBOTONLYBOTONLYBOTONLYBOT12' });
    expect(r).toMatchObject({ ok: false, code: 'missing_scope' });
    await sim.close();
    ipc.close();
  });
});

describe('keys across restarts', () => {
  it('restores the connection from the keychain without asking again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vexa-restart-'));
    const secrets = () => createFileSecretStore({ file: join(dataDir, 'keys.json'), cipher: fakeKeychain });
    const first = await launch({ profile: 'g2', dataDir, secrets: secrets() });
    const view = must(await first.ipc.invoke('connection:connect', { url: first.app.simulatorUrl, apiKey: first.app.apiKey }));
    expect(view.key?.storage).toBe('keychain');
    first.ipc.close();
    await first.app.close({ keepData: true });
    apps.splice(apps.indexOf(first.app), 1);

    // The simulator of the first launch is gone; a restart must still paint from the cache.
    const second = await launch({ profile: 'g2', dataDir, secrets: secrets() });
    const state = must(await second.ipc.invoke('app:getState'));
    expect(state.connection.status).toBe('connected');
    expect(state.connection.server?.generation).toBe('g2');
    second.ipc.close();
  });

  it('asks for the key again when it was kept for the session only', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vexa-restart-'));
    const first = await launch({ profile: 'g3', dataDir });
    must(await first.ipc.invoke('connection:connect', { url: first.app.simulatorUrl, apiKey: first.app.apiKey }));
    first.ipc.close();
    await first.app.close({ keepData: true });
    apps.splice(apps.indexOf(first.app), 1);
    const second = await launch({ profile: 'g3', dataDir });
    const state = must(await second.ipc.invoke('app:getState'));
    expect(state.connection.status).toBe('none');
    expect(state.connection.error?.code).toBe('key_missing');
    second.ipc.close();
  });

  it('asks the user to choose when the OS has no keychain', async () => {
    const noKeyring: KeyCipher = {
      ...fakeKeychain,
      backend: () => 'basic_text',
      isAvailable: () => false,
      unavailableReason: () => 'No system keyring was found.',
    };
    const dataDir = mkdtempSync(join(tmpdir(), 'vexa-nokeyring-'));
    const { app, ipc } = await launch({
      profile: 'g3',
      dataDir,
      secrets: createFileSecretStore({ file: join(dataDir, 'keys.json'), cipher: noKeyring }),
    });
    const auto = await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey });
    expect(auto).toEqual({ ok: false, code: 'secure_storage_unavailable', message: 'No system keyring was found.' });
    expect(must(await ipc.invoke('app:getState')).connection.status).toBe('none');
    const session = must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey, keyStorage: 'session' }));
    expect(session.key?.storage).toBe('session');
    ipc.close();
  });

  it('forgets the key on disconnect', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vexa-forget-'));
    const store = createFileSecretStore({ file: join(dataDir, 'keys.json'), cipher: fakeKeychain });
    const { app, ipc } = await launch({ profile: 'g3', dataDir, secrets: store });
    must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey }));
    expect(await store.get(app.simulatorUrl)).toBe(app.apiKey);
    const view = must(await ipc.invoke('connection:disconnect'));
    expect(view.status).toBe('none');
    expect(await store.get(app.simulatorUrl)).toBeNull();
    ipc.close();
  });
});

describe('demo mode', () => {
  it('starts a simulator inside the app, connects to it and shows its library', async () => {
    const { ipc } = await launch({ profile: 'g3' });
    const view = must(await ipc.invoke('demo:start'));
    expect(view.server).toMatchObject({ demo: true, label: 'Demo simulator', generation: 'g3', insecure: false });
    const demoUrl = view.server!.url;
    expect(new URL(demoUrl).hostname).toBe('127.0.0.1');
    must(await ipc.invoke('library:sync', {}));
    expect(must(await ipc.invoke('library:list', {})).length).toBeGreaterThan(0);
    must(await ipc.invoke('connection:disconnect'));
    await expect(fetch(`${demoUrl}/health`)).rejects.toThrow();
    ipc.close();
  });

  it('runs every generation on request', async () => {
    const { ipc } = await launch({ profile: 'g3' });
    for (const profile of ['g1', 'g2'] as const) {
      expect(must(await ipc.invoke('demo:start', { profile })).server?.generation).toBe(profile);
    }
    ipc.close();
  });
});

describe('a damaged or newer cache', () => {
  it('reconnects by itself after the cache was rebuilt from a damaged file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vexa-rebuilt-'));
    const secrets = () => createFileSecretStore({ file: join(dataDir, 'keys.json'), cipher: fakeKeychain });
    const first = await launch({ profile: 'g3', dataDir, secrets: secrets() });
    must(await first.ipc.invoke('connection:connect', { url: first.app.simulatorUrl, apiKey: first.app.apiKey }));
    first.ipc.close();
    await first.app.close({ keepData: true });
    apps.splice(apps.indexOf(first.app), 1);
    writeFileSync(join(dataDir, 'cache.sqlite'), 'garbage '.repeat(1000));
    rmSync(join(dataDir, 'cache.sqlite-wal'), { force: true });

    // The first launch's simulator is gone, so the automatic reconnect must end in a sentence,
    // not a silent onboarding screen.
    const second = await launch({ profile: 'g3', dataDir, secrets: secrets() });
    const state = await waitFor('the automatic reconnect to end', async () => {
      const now = must(await second.ipc.invoke('app:getState'));
      return now.connection.status !== 'connecting' && now;
    });
    expect(state.connection.status).toBe('none');
    expect(state.connection.error?.code).toBe('unreachable');
    second.ipc.close();
  });

  it('leaves a cache from a newer app version untouched and says why the library is empty', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vexa-newer-'));
    const db = new Database(join(dataDir, 'cache.sqlite'));
    db.pragma('user_version = 999');
    db.close();
    const { app, ipc } = await launch({ profile: 'g3', dataDir });
    const state = must(await ipc.invoke('app:getState'));
    expect(state.cacheNotice).toMatch(/newer version of Vexa Companion/);
    must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey }));
    const check = new Database(join(dataDir, 'cache.sqlite'));
    expect(check.pragma('user_version', { simple: true })).toBe(999);
    check.close();
    ipc.close();
  });
});
