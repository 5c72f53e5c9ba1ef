import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../../electron/core/secrets/fileSecretStore';
import { bindIpc } from '../../../electron/main/ipc/bindIpc';
import { APP_ORIGIN } from '../../../electron/main/shell/navigation';
import { startSimulator, type SimProfile, type Simulator } from '../../../electron/simulator';
import type { Result } from '../../../shared/ipc/result';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { electronStandIn } from '../../support/electronIpc';
import { connectIpc, must } from '../../support/ipcClient';
import { mulberry32, pick, runSeed } from '../../support/random';

/**
 * The admin key reaches the admin API and nothing else: no frame or event to the window (either
 * transport), no log line, no cache row, no settings file, whatever the person does with it and
 * whatever goes wrong. A minted token's value crosses to the window exactly once (the reply that
 * creates it, so the person can copy it) and is written nowhere. Keys come in shapes the logger's
 * patterns would not recognise, so each must be hidden because the app registered it.
 */

const seed = runSeed('ADMIN_CANARY_SEED');
const rand = mulberry32(seed.seed);
const webhookSecret = `whsec-${Date.now().toString(36)}-canary`;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const token = (length: number, alphabet = ALNUM) => Array.from({ length }, () => pick(rand, [...alphabet])).join('');

const shapes: Array<{ shape: string; profile: SimProfile; adminKey: string }> = [
  { shape: 'hex (openssl rand -hex 32)', profile: 'g3', adminKey: token(64, '0123456789abcdef') },
  { shape: 'with symbols +/=-_.~', profile: 'g2', adminKey: `${token(10)}+/=-_.~${token(10)}==` },
  { shape: 'short passphrase', profile: 'g1', adminKey: `admin-${token(8)}` },
  { shape: 'long (300 characters)', profile: 'g3', adminKey: token(300, `${ALNUM}-_.`) },
];

/** The value, a stretch of its middle (a truncated echo) and its URL-encoded form. */
function needles(value: string): string[] {
  const half = Math.floor(value.length / 2);
  const middle = value.length > 16 ? value.slice(half - 8, half + 8) : value;
  return [...new Set([value, middle, encodeURIComponent(value)])];
}

function allFiles(dir: string): Array<{ path: string; bytes: Buffer }> {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? allFiles(p) : [{ path: p, bytes: readFileSync(p) }];
  });
}

type Call = (channel: string, input?: unknown) => Promise<Result<unknown>>;

/** Every admin flow with the key, and the mistakes; returns the minted token values. */
async function adminFlow(call: Call, app: LaunchedApp, sim: Simulator, adminKey: string, email: string): Promise<string[]> {
  const adminUrl = sim.profile === 'g3' ? { adminUrl: sim.adminUrl } : {};
  must(await call('connection:connect', { url: sim.url, apiKey: app.apiKey }));
  must(await call('admin:status'));
  expect((await call('admin:setKey', { key: `${adminKey}x`, ...adminUrl })).ok).toBe(false);
  expect((await call('admin:setKey', { key: adminKey, adminUrl: 'http://127.0.0.1:9/' })).ok).toBe(false);
  // A key typed once is a secret even if it was never stored: a crash report from the form quotes it.
  must(await call('app:reportError', { message: `admin form failed: ${adminKey}`, stack: `Error at ${adminKey}` }));
  if (sim.profile === 'g3') {
    expect((await call('admin:setKey', { key: adminKey })).ok).toBe(false);
    expect((await call('admin:setKey', { key: adminKey, adminUrl: sim.url })).ok).toBe(false);
  }
  expect((await call('admin:setKey', { key: adminKey, ...adminUrl, extra: adminKey })).ok).toBe(false);
  // The admin API echoes the key while it is being checked (G1/G2; the fault does not reach G3's admin address).
  // Only the admin API's own paths: the library's background reads must not take the fault first.
  sim.setFault({ status: 500, body: `{"detail":"bad header ${adminKey}"}`, contentType: 'application/json', count: 1, paths: '/admin' });
  expect((await call('admin:setKey', { key: adminKey, ...adminUrl })).ok).toBe(sim.profile === 'g3');
  await call('webhook:get');
  must(await call('admin:setKey', { key: `  ${adminKey}  `, ...adminUrl }));
  must(await call('admin:status'));
  await call('admin:users:list', { skip: 0, limit: 20, filter: adminKey.slice(0, 50) });
  const made = must(await call('admin:users:create', { email, name: 'Canary' })) as { user: { id: string } };
  must(await call('admin:users:create', { email }));
  must(await call('admin:users:findByEmail', { email }));
  await call('admin:users:update', { userId: made.user.id, maxConcurrentBots: 2 });
  const minted: string[] = [];
  const first = must(await call('admin:tokens:create', { userId: made.user.id, name: 'first' })) as {
    value: string;
    handle: string;
    token: { id: string };
  };
  minted.push(first.value);
  const second = must(await call('admin:tokens:create', { userId: made.user.id })) as {
    value: string;
    handle: string;
    token: { id: string };
  };
  minted.push(second.value);
  must(await call('admin:users:get', { userId: made.user.id }));
  must(await call('app:reportError', { message: `crashed near ${adminKey} and ${first.value}`, stack: `Error: ${adminKey}` }));
  // A server that echoes the request in an error.
  sim.setFault({ status: 500, body: `{"detail":"admin-api said ${adminKey} ${first.value}"}`, contentType: 'application/json', count: 1 });
  await call('admin:users:get', { userId: made.user.id });
  // On G3 the admin API is another address, which the fault does not reach: the API gets it.
  await call('webhook:get');
  must(await call('admin:tokens:useInApp', { handle: first.handle }));
  must(await call('account:info'));
  must(await call('bots:running'));
  must(await call('webhook:get'));
  if (sim.profile !== 'g1') {
    // The webhook secret is kept like a key: sent to the server once, never back to the window.
    expect((await call('webhook:set', { url: 'ftp://127.0.0.1/hook', secret: webhookSecret })).ok).toBe(false);
    must(await call('app:reportError', { message: `webhook form refused near ${webhookSecret}` }));
    must(await call('webhook:set', { url: 'http://127.0.0.1:9/hook', secret: webhookSecret }));
    must(await call('webhook:get'));
    must(await call('webhook:test'));
    must(await call('app:reportError', { message: `webhook form near ${webhookSecret}` }));
    must(await call('webhook:clear'));
  }
  must(await call('admin:tokens:revoke', { tokenId: first.token.id }));
  expect((await call('bots:running')).ok).toBe(false);
  must(await call('connection:connect', { url: sim.url, apiKey: app.apiKey }));
  must(await call('admin:tokens:revoke', { tokenId: second.token.id }));
  must(await call('admin:forget'));
  expect((await call('admin:users:get', { userId: made.user.id })).ok).toBe(false);
  must(await call('admin:setKey', { key: adminKey, ...adminUrl }));
  must(await call('connection:recheck'));
  must(await call('connection:disconnect'));
  must(await call('connection:connect', { url: sim.url, apiKey: app.apiKey }));
  // Disconnecting forgot the admin key with the server.
  expect(must(await call('admin:status'))).toMatchObject({ keyStored: false });
  must(await call('app:getState'));
  return minted;
}

describe('admin key canary', () => {
  it.each(shapes)('a $shape admin key ($profile) never leaves the core; a minted token crosses once', async ({ adminKey, profile }) => {
    const apiKey = `vxa_tx_${token(32)}`;
    const simulator = await startSimulator({
      profile,
      port: 0,
      apiKeys: [{ key: apiKey, scopes: ['bot', 'tx'], email: 'owner@example.com' }],
      adminKey,
      timeScale: 20,
      seed: true,
      rateLimitPerMinute: 0,
      // The webhook points at 127.0.0.1, which a real G2 refuses.
      allowPrivateWebhooks: true,
    });
    const app = await launchApp({ apiKey, simulator, secrets: createMemorySecretStore() });
    const electron = electronStandIn({ appOrigin: APP_ORIGIN });
    const unbind = bindIpc({
      ipcMain: electron.ipcMain,
      core: app.core,
      getMainWebContents: () => electron.webContents,
      appOrigin: APP_ORIGIN,
    });
    const minted: string[] = [];
    try {
      const ipc = await connectIpc(app.url);
      minted.push(...(await adminFlow((c, i) => ipc.raw(c, i), app, simulator, adminKey, 'canary-web@example.com')));
      ipc.close();
      minted.push(...(await adminFlow((c, i) => electron.invoke(c, i), app, simulator, adminKey, 'canary-electron@example.com')));
    } finally {
      unbind();
      await app.close({ keepData: true });
      await simulator.close();
    }

    try {
      const where = `${seed.replay}; admin key ${adminKey.slice(0, 10)}…`;
      const frames = [...app.outgoing, ...electron.frames.map((f) => f.text)];
      expect(app.outgoing.length, where).toBeGreaterThan(30);
      expect(electron.frames.length, where).toBeGreaterThan(30);
      for (const needle of [...needles(adminKey), ...needles(webhookSecret)])
        expect(
          frames.filter((f) => f.includes(needle)),
          `frames, ${where}`,
        ).toEqual([]);
      expect(minted).toHaveLength(4);
      for (const value of minted) {
        // Its full value in one reply; no part of it in any other frame.
        expect(
          frames.filter((f) => f.includes(value)),
          `frames with a minted token, ${where}`,
        ).toHaveLength(1);
        for (const needle of needles(value))
          expect(
            frames.filter((f) => f.includes(needle)),
            where,
          ).toHaveLength(1);
      }

      const files = allFiles(app.dataDir);
      expect(files.some((f) => f.path.endsWith('cache.sqlite'))).toBe(true);
      const log = files.find((f) => f.path.endsWith('companion.log'));
      expect(log?.bytes.toString('utf8'), 'the flow was logged').toMatch(/Admin key stored/);
      for (const f of files) {
        for (const needle of [...needles(adminKey), ...needles(webhookSecret), ...minted.flatMap(needles)]) {
          expect(f.bytes.includes(needle), `${f.path}, ${where}`).toBe(false);
          expect(f.bytes.includes(Buffer.from(needle, 'utf16le')), `${f.path}, ${where}`).toBe(false);
        }
      }
    } finally {
      rmSync(app.dataDir, { recursive: true, force: true });
    }
  });
});
