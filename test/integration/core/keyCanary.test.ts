import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSimulator, type SimProfile } from '../../../electron/simulator';
import { createMemorySecretStore } from '../../../electron/core/secrets/fileSecretStore';
import { bindIpc } from '../../../electron/main/ipc/bindIpc';
import { APP_ORIGIN } from '../../../electron/main/shell/navigation';
import type { Result } from '../../../shared/ipc/result';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { electronStandIn, missingElectronSignatures } from '../../support/electronIpc';
import { connectIpc, must } from '../../support/ipcClient';
import { mulberry32, pick, runSeed } from '../../support/random';

/**
 * An API key typed into the app reaches the server it is for and nothing else: no frame to the
 * window (either transport), no log line, no cache row, no settings file. Keys come in many
 * shapes: Vexa Cloud's `vxa_…` (which the logger would hide by its pattern alone), a self-hosted
 * server's token with no prefix, keys with URL and base64 symbols, and a long one, so each has to
 * be hidden because the app registered it as a secret, not because it looks like one.
 */

const seed = runSeed('CANARY_SEED');
const rand = mulberry32(seed.seed);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const token = (length: number, alphabet = ALNUM) => Array.from({ length }, () => pick(rand, [...alphabet])).join('');

const shapes: Array<{ shape: string; profile: SimProfile; key: string }> = [
  { shape: 'cloud (vxa_…)', profile: 'g3', key: `vxa_tx_${token(40)}` },
  { shape: 'self-hosted token without a prefix', profile: 'g2', key: token(40) },
  { shape: 'with symbols +/=-_.~', profile: 'g1', key: `${token(12)}+/=-_.~${token(12)}.${token(6, `${ALNUM}+/=-_.~`)}==` },
  { shape: 'long (500 characters)', profile: 'g3', key: token(500, `${ALNUM}-_.`) },
];

/** What must never appear: the key, a stretch of its middle (a truncated echo), and its URL-encoded form. */
function needles(key: string): string[] {
  const middle = key.slice(Math.floor(key.length / 2) - 8, Math.floor(key.length / 2) + 8);
  return [...new Set([key, middle, encodeURIComponent(key)])];
}

function allFiles(dir: string): Array<{ path: string; bytes: Buffer }> {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? allFiles(p) : [{ path: p, bytes: readFileSync(p) }];
  });
}

type Call = (channel: string, input?: unknown) => Promise<Result<unknown>>;

/**
 * Everything a person does with a key, and the mistakes: probe, connect (pasted with spaces), use,
 * re-check, a wrong server, a wrong key, a stray field, an error report quoting the key, a server
 * echoing it in an error, a bot with its live transcript, disconnect and reconnect.
 */
async function keyFlow(call: Call, app: LaunchedApp, key: string, meeting: string): Promise<void> {
  must(await call('connection:probe', { url: app.simulatorUrl, apiKey: key }));
  must(await call('connection:connect', { url: app.simulatorUrl, apiKey: `  ${key}  ` }));
  must(await call('bots:refresh'));
  must(await call('connection:recheck'));
  must(await call('settings:update', { theme: 'dark' }));
  expect((await call('connection:connect', { url: 'http://api.cloud.vexa.ai', apiKey: key })).ok).toBe(false);
  expect((await call('connection:connect', { url: app.simulatorUrl, apiKey: `${key}x` })).ok).toBe(false);
  expect(await call('connection:connect', { url: app.simulatorUrl, apiKey: key, extra: key })).toMatchObject({ ok: false });
  expect((await call('connection:reenterKey', { apiKey: key })).ok).toBe(false);
  must(await call('app:reportError', { message: `renderer crashed near ${key}`, stack: `Error: ${key}\n    at key (${key}:1:1)` }));
  must(await call('connection:connect', { url: app.simulatorUrl, apiKey: key }));
  app.simulator.setFault({ status: 500, body: `{"detail":"upstream said ${key}"}`, contentType: 'application/json', count: 1 });
  await call('bots:refresh');
  const bot = must(await call('bots:launch', { link: `https://meet.google.com/${meeting}` })) as { id: number };
  must(await call('live:open', { meetingId: bot.id }));
  await call('bots:stop', { meetingId: bot.id });
  must(await call('connection:disconnect'));
  must(await call('connection:connect', { url: app.simulatorUrl, apiKey: key }));
  must(await call('app:getState'));
}

/**
 * Several servers at once, each with its own key shape: every key stays with its own server through
 * adding, using, re-checking, a wrong key for one, disconnecting and entering a key again, removing,
 * and a restart that restores them all from the store.
 */
async function serversFlow(call: Call, servers: Array<{ url: string; key: string }>): Promise<void> {
  const ids: string[] = [];
  for (const [i, s] of servers.entries()) {
    must(await call('connection:probe', { url: s.url, apiKey: s.key }));
    ids.push((must(await call('servers:add', { url: s.url, apiKey: `  ${s.key} `, label: `Server ${i}` })) as { id: string }).id);
  }
  for (const [i, s] of servers.entries()) {
    const serverId = ids[i]!;
    must(await call('servers:recheck', { serverId }));
    must(await call('bots:slots', { serverId }));
    must(await call('account:info', { serverId }));
    must(await call('app:reportError', { message: `server ${serverId} failed near ${s.key}` }));
    const bot = must(await call('bots:launch', { serverId, link: 'https://meet.google.com/abc-defg-hij' })) as { id: number };
    must(await call('live:open', { serverId, meetingId: bot.id }));
    await call('bots:stop', { serverId, meetingId: bot.id });
    // Another server's key, typed for this one.
    const other = servers[(i + 1) % servers.length]!.key;
    expect((await call('servers:reenterKey', { serverId, apiKey: other })).ok).toBe(false);
  }
  must(await call('servers:disconnect', { serverId: ids[0] }));
  must(await call('servers:reenterKey', { serverId: ids[0], apiKey: servers[0]!.key }));
  must(await call('servers:update', { serverId: ids[1], label: 'Renamed', colour: 'teal' }));
  must(await call('servers:reorder', { ids: [...ids].reverse() }));
  must(await call('servers:setCurrent', { serverId: ids[1] }));
  must(await call('app:getState'));
}

describe('API key canary', () => {
  it('the Electron stand-in imitates members Electron 45 declares', () => {
    expect(missingElectronSignatures()).toEqual([]);
  });

  it.each(shapes)('a $shape key never reaches the window, the logs, the cache or the settings', async ({ key, profile }) => {
    // The simulator and the key store (a keychain lives outside the data folder) outlive a restart.
    const simulator = await startSimulator({
      profile,
      port: 0,
      apiKeys: [{ key, scopes: ['bot', 'tx'], email: 'canary@example.com' }],
      timeScale: 20,
      seed: true,
      rateLimitPerMinute: 0,
    });
    const secrets = createMemorySecretStore();
    const app = await launchApp({ apiKey: key, simulator, secrets });
    const electron = electronStandIn({ appOrigin: APP_ORIGIN });
    const bound = bindIpc({
      ipcMain: electron.ipcMain,
      core: app.core,
      getMainWebContents: () => electron.webContents,
      appOrigin: APP_ORIGIN,
    });
    let open = true;
    const closeFirst = async () => {
      if (!open) return;
      open = false;
      bound();
      await app.close({ keepData: true });
      outgoing.push(...app.outgoing);
    };
    const outgoing: string[] = [];
    try {
      const ipc = await connectIpc(app.url);
      await keyFlow((c, i) => ipc.raw(c, i), app, key, 'abc-defg-hij');
      ipc.close();

      await keyFlow((c, i) => electron.invoke(c, i), app, key, 'klm-nopq-rst');
      // A page that is not the app (a navigated or injected frame) asks with the key in its address.
      const intruder = await electron.invoke('app:getState', undefined, `https://evil.example/?k=${key}`);
      expect(intruder).toMatchObject({ ok: false, code: 'forbidden' });
      await closeFirst();

      // The next start restores the key from the store and uses it without the person typing it.
      const again = await launchApp({ apiKey: key, simulator, secrets, dataDir: app.dataDir });
      try {
        const ipc2 = await connectIpc(again.url);
        const state = must(await ipc2.invoke('app:getState'));
        expect(state.connection.status).toBe('connected');
        must(await ipc2.invoke('bots:refresh'));
        must(await ipc2.invoke('app:reportError', { message: `after restart near ${key}` }));
        ipc2.close();
      } finally {
        await again.close({ keepData: true });
        outgoing.push(...again.outgoing);
      }
    } finally {
      await closeFirst();
      await simulator.close();
    }

    try {
      const where = `${seed.replay}; key ${key.slice(0, 12)}…`;
      expect(outgoing.length, where).toBeGreaterThan(20);
      expect(electron.frames.filter((f) => f.kind === 'invoke-result').length, where).toBeGreaterThan(15);
      expect(electron.frames.filter((f) => f.kind === 'event').length, where).toBeGreaterThan(5);
      const leaked = needles(key).map((needle) => ({
        web: outgoing.filter((f) => f.includes(needle)),
        electron: electron.frames.filter((f) => f.text.includes(needle)),
      }));
      expect(leaked, `frames to the window, ${where}`).toEqual(needles(key).map(() => ({ web: [], electron: [] })));

      const files = allFiles(app.dataDir);
      expect(files.some((f) => f.path.endsWith('cache.sqlite'))).toBe(true);
      expect(files.some((f) => f.path.endsWith('companion.log'))).toBe(true);
      for (const f of files) {
        for (const needle of needles(key)) {
          expect(f.bytes.includes(needle), `${f.path}, ${where}`).toBe(false);
          expect(f.bytes.includes(Buffer.from(needle, 'utf16le')), `${f.path}, ${where}`).toBe(false);
        }
      }
    } finally {
      rmSync(app.dataDir, { recursive: true, force: true });
    }
  });

  it('the keys of three servers connected at once never reach the window, the logs, the cache or the settings', async () => {
    const simulators = await Promise.all(
      shapes.slice(0, 3).map(({ profile, key }) =>
        startSimulator({
          profile,
          port: 0,
          apiKeys: [{ key, scopes: ['bot', 'tx'], email: 'canary@example.com' }],
          timeScale: 20,
          seed: true,
          rateLimitPerMinute: 0,
        }),
      ),
    );
    const servers = simulators.map((sim, i) => ({ url: sim.url, key: shapes[i]!.key }));
    const secrets = createMemorySecretStore();
    const app = await launchApp({ apiKey: servers[0]!.key, simulator: simulators[0]!, secrets });
    const electron = electronStandIn({ appOrigin: APP_ORIGIN });
    const bound = bindIpc({
      ipcMain: electron.ipcMain,
      core: app.core,
      getMainWebContents: () => electron.webContents,
      appOrigin: APP_ORIGIN,
    });
    const outgoing: string[] = [];
    try {
      const ipc = await connectIpc(app.url);
      await serversFlow((c, i) => ipc.raw(c, i), servers);
      ipc.close();
      // The same through the Electron transport, on the servers already added.
      for (const s of servers) must(await electron.invoke('servers:add', { url: s.url, apiKey: s.key }));
      must(await electron.invoke('bots:refresh', undefined));
      expect(electron.frames.filter((f) => f.kind === 'event').length).toBeGreaterThan(3);
      bound();
      await app.close({ keepData: true });
      outgoing.push(...app.outgoing);

      // The next start restores every server's key from the store and uses each.
      const again = await launchApp({ apiKey: servers[0]!.key, simulator: simulators[0]!, secrets, dataDir: app.dataDir });
      try {
        const ipc2 = await connectIpc(again.url);
        const state = must(await ipc2.invoke('app:getState'));
        expect(state.servers.map((s) => s.status)).toEqual(['connected', 'connected', 'connected']);
        for (const s of state.servers) must(await ipc2.invoke('bots:refresh', { serverId: s.id }));
        for (const { key } of servers) must(await ipc2.invoke('app:reportError', { message: `after restart near ${key}` }));
        must(await ipc2.invoke('servers:remove', { serverId: state.servers[2]!.id, keepMeetings: true }));
        ipc2.close();
      } finally {
        await again.close({ keepData: true });
        outgoing.push(...again.outgoing);
      }

      const where = `${seed.replay}; three servers`;
      expect(outgoing.length, where).toBeGreaterThan(20);
      for (const { key } of servers) {
        const leaked = needles(key).map((needle) => ({
          web: outgoing.filter((f) => f.includes(needle)),
          electron: electron.frames.filter((f) => f.text.includes(needle)),
        }));
        expect(leaked, `frames to the window, key ${key.slice(0, 12)}…, ${where}`).toEqual(
          needles(key).map(() => ({ web: [], electron: [] })),
        );
        for (const f of allFiles(app.dataDir)) {
          for (const needle of needles(key)) {
            expect(f.bytes.includes(needle), `${f.path}, key ${key.slice(0, 12)}…, ${where}`).toBe(false);
            expect(f.bytes.includes(Buffer.from(needle, 'utf16le')), `${f.path}, ${where}`).toBe(false);
          }
        }
      }
    } finally {
      await Promise.all(simulators.map((s) => s.close()));
      rmSync(app.dataDir, { recursive: true, force: true });
    }
  });
});
