import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimProfile, type Simulator } from '../../../electron/simulator';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must, type IpcTestClient } from '../../support/ipcClient';
import { waitFor } from '../../support/waitFor';

/**
 * The admin console, account and webhook channels against the simulator of each server
 * generation, through the real IPC dispatch: what a person sees for each call and for each
 * mistake (a wrong admin key, an unknown user, an email that exists, a revoked token).
 */

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

async function startReceiver(status = 204): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(['g1', 'g2', 'g3'] as const satisfies readonly SimProfile[])('admin console on %s', (profile) => {
  const adminKey = `adm_${randomBytes(20).toString('hex')}`;
  const apiKey = `vxa_tx_${randomBytes(16).toString('hex')}`;
  let simulator: Simulator;
  let app: LaunchedApp;
  let ipc: IpcTestClient;

  beforeAll(async () => {
    simulator = await startSimulator({
      profile,
      port: 0,
      apiKeys: [{ key: apiKey, scopes: ['bot', 'tx'], email: 'owner@example.com' }],
      adminKey,
      seed: true,
      timeScale: 20,
      rateLimitPerMinute: 0,
      // The receivers run on 127.0.0.1, an address a real G2 refuses.
      allowPrivateWebhooks: true,
    });
    app = await launchApp({ apiKey, simulator });
    ipc = await connectIpc(app.url);
  });
  afterAll(async () => {
    ipc.close();
    await app.close();
    await simulator.close();
  });

  const setKey = (key: string, adminUrl?: string) =>
    ipc.invoke('admin:setKey', { key, ...(adminUrl ? { adminUrl } : profile === 'g3' ? { adminUrl: simulator.adminUrl } : {}) });

  it('asks for a server before anything else', async () => {
    expect(must(await ipc.invoke('admin:status'))).toMatchObject({ connected: false, keyStored: false });
    expect(await ipc.invoke('admin:users:list', {})).toMatchObject({ ok: false, code: 'not_connected' });
    expect(await ipc.invoke('account:info')).toMatchObject({ ok: false, code: 'not_connected' });
    expect(await ipc.invoke('webhook:get')).toMatchObject({ ok: false, code: 'not_connected' });
    must(await ipc.invoke('connection:connect', { url: simulator.url, apiKey }));
  });

  it('says where the admin API lives and what this server offers', async () => {
    const status = must(await ipc.invoke('admin:status'));
    expect(status).toMatchObject({ connected: true, generation: profile, keyStored: false, adminUrlNeeded: profile === 'g3' });
    if (profile === 'g3') {
      expect(status.adminUrl).toBeNull();
      expect(status.adminUrlHint).toMatch(/^http:\/\/127\.0\.0\.1:18057$/);
      expect(status.offers).toMatchObject({ listUsers: false, updatableFields: ['maxConcurrentBots'], webhookDeliveries: true });
      expect(status.notes.join(' ')).toMatch(/cannot list all users/);
    } else {
      expect(status.adminUrl).toBe(simulator.url);
      expect(status.offers).toMatchObject({ listUsers: true, updatableFields: ['name', 'maxConcurrentBots'], webhookDeliveries: false });
    }
    expect(await ipc.invoke('admin:users:list', {})).toMatchObject({
      ok: false,
      code: 'admin_key_needed',
      message: expect.stringMatching(/admin key/),
    });
  });

  it('refuses a wrong admin key (and, on G3, a missing or wrong admin address) and stores nothing', async () => {
    expect(await setKey(`${adminKey}x`)).toMatchObject({
      ok: false,
      code: 'unauthorized',
      message: expect.stringMatching(/admin key was not accepted/),
    });
    if (profile === 'g3') {
      expect(await ipc.invoke('admin:setKey', { key: adminKey })).toMatchObject({
        ok: false,
        code: 'admin_url_needed',
        message: expect.stringMatching(/own address.*18057/),
      });
      // The gateway answers 404 for /admin on G3: the app says the address is not the admin API.
      expect(await ipc.invoke('admin:setKey', { key: adminKey, adminUrl: simulator.url })).toMatchObject({
        ok: false,
        code: 'no_admin_api',
        message: expect.stringMatching(/does not serve the admin API/),
      });
    }
    expect(must(await ipc.invoke('admin:status')).keyStored).toBe(false);
  });

  it('checks and stores the right admin key', async () => {
    const status = must(await setKey(adminKey));
    expect(status).toMatchObject({ keyStored: true, adminUrl: simulator.adminUrl });
  });

  it('pages and filters users where the server lists them, and offers lookup by email where it does not', async () => {
    const first = must(await ipc.invoke('admin:users:list', { skip: 0, limit: 50 }));
    if (profile === 'g3') {
      expect(first).toMatchObject({ available: false, users: [], message: expect.stringMatching(/cannot list its users.*by email/) });
    } else {
      expect(first.available).toBe(true);
      expect(first.users).toHaveLength(50);
      expect(first.hasMore).toBe(true);
      const second = must(await ipc.invoke('admin:users:list', { skip: 50, limit: 50 }));
      expect(second.users.map((u) => u.id)).not.toContain(first.users[0]!.id);
      const needle = first.users[3]!.email!.slice(0, 6).toUpperCase();
      const filtered = must(await ipc.invoke('admin:users:list', { skip: 0, limit: 50, filter: needle }));
      expect(filtered.users.length).toBeGreaterThan(0);
      expect(filtered.users.every((u) => `${u.email} ${u.name}`.toLowerCase().includes(needle.toLowerCase()))).toBe(true);
    }
    expect(must(await ipc.invoke('admin:users:findByEmail', { email: 'owner@example.com' })).user?.email).toBe('owner@example.com');
    expect(must(await ipc.invoke('admin:users:findByEmail', { email: 'nobody@example.com' }))).toEqual({ user: null });
    expect(await ipc.invoke('admin:users:findByEmail', { email: 'not an email' })).toMatchObject({ ok: false, code: 'validation' });
  });

  let userId = '';
  let tokenId = '';

  it('creates a user, and says when the email already had one', async () => {
    const email = `new-${profile}@example.com`;
    const made = must(await ipc.invoke('admin:users:create', { email, name: 'Ada Colleague', maxConcurrentBots: 2 }));
    expect(made).toMatchObject({ existed: false, user: { email, name: 'Ada Colleague', maxConcurrentBots: 2 } });
    userId = made.user.id;
    const again = must(await ipc.invoke('admin:users:create', { email, name: 'Someone Else' }));
    expect(again).toMatchObject({ existed: true, user: { id: userId, name: 'Ada Colleague' } });
    expect(await ipc.invoke('admin:users:create', { email: 'ada@' })).toMatchObject({
      ok: false,
      code: 'validation',
      message: expect.stringMatching(/not an email address/),
    });
  });

  it('shows a user with their tokens, and says plainly when the user does not exist', async () => {
    const detail = must(await ipc.invoke('admin:users:get', { userId }));
    expect(detail.user.id).toBe(userId);
    expect(detail.tokens).toEqual([]);
    expect(await ipc.invoke('admin:users:get', { userId: 987654 })).toMatchObject({
      ok: false,
      code: 'not_found',
      message: expect.stringMatching(/no user with the ID 987654/),
    });
    expect(await ipc.invoke('admin:tokens:create', { userId: 987654 })).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('changes only what the server lets an administrator change', async () => {
    expect(must(await ipc.invoke('admin:users:update', { userId, maxConcurrentBots: 4 })).maxConcurrentBots).toBe(4);
    const renamed = await ipc.invoke('admin:users:update', { userId, name: 'Ada Renamed' });
    if (profile === 'g3')
      expect(renamed).toMatchObject({ ok: false, code: 'unsupported', message: expect.stringMatching(/only the bot limit/) });
    else expect(renamed).toMatchObject({ ok: true, value: { name: 'Ada Renamed' } });
    expect(await ipc.invoke('admin:users:update', { userId: 987654, maxConcurrentBots: 1 })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });

  it('mints a token shown once, lists it masked, uses it in the app, and refuses it once revoked', async () => {
    const minted = must(await ipc.invoke('admin:tokens:create', { userId, name: 'laptop' }));
    tokenId = minted.token.id;
    if (profile === 'g3') expect(minted.value).toMatch(/^vxa_(bot|tx)_/);
    if (profile !== 'g1') expect(minted.token.scopes).toEqual(['bot', 'tx']);
    const listed = must(await ipc.invoke('admin:users:get', { userId })).tokens;
    expect(listed.map((t) => t.id)).toEqual([tokenId]);
    expect(JSON.stringify(listed)).not.toContain(minted.value);
    if (profile !== 'g3') expect(listed[0]!.masked).toMatch(new RegExp(`${minted.value.slice(-4)}$`));

    const view = must(await ipc.invoke('admin:tokens:useInApp', { handle: minted.handle }));
    expect(view).toMatchObject({ status: 'connected', server: { url: simulator.url } });
    expect(view.key?.label).toMatch(new RegExp(`${minted.value.slice(-4)}$`));
    expect(await ipc.invoke('admin:tokens:useInApp', { handle: minted.handle })).toMatchObject({ ok: false, code: 'token_gone' });
    if (profile !== 'g1') expect(must(await ipc.invoke('account:info')).email).toBe(`new-${profile}@example.com`);
    must(await ipc.invoke('bots:running'));

    // The admin key belongs to the server, not to the user key in use.
    must(await ipc.invoke('admin:tokens:revoke', { tokenId }));
    const refused = await ipc.invoke('bots:running');
    expect(refused).toMatchObject({ ok: false, code: 'unauthorized', message: expect.stringMatching(/rejected this API key/) });
    expect(await ipc.invoke('admin:tokens:revoke', { tokenId })).toMatchObject({
      ok: false,
      code: 'not_found',
      message: expect.stringMatching(/revoked already/),
    });
    expect(await ipc.invoke('admin:tokens:useInApp', { handle: 'made-up' })).toMatchObject({ ok: false, code: 'token_gone' });
    must(await ipc.invoke('connection:connect', { url: simulator.url, apiKey }));
  });

  it('tells what the connected key is and which parts of the app it unlocks', async () => {
    const info = must(await ipc.invoke('account:info'));
    expect(info.generation).toBe(profile);
    const byFeature = Object.fromEntries(info.features.map((f) => [f.feature, f.allowed]));
    expect(byFeature).toMatchObject({ bots: true, transcripts: true, webhooks: true });
    if (profile === 'g1') expect(info).toMatchObject({ source: 'none', email: null, scopes: null, prefixScope: null });
    else expect(info).toMatchObject({ source: 'server', email: 'owner@example.com', scopes: ['bot', 'tx'], prefixScope: 'tx' });
  });

  it('explains a key that lacks a scope: what the action needs and what the key has (G1 keys have no scopes)', async () => {
    const botOnly = must(await ipc.invoke('admin:tokens:create', { userId, scopes: ['bot'] }));
    const tried = await ipc.invoke('admin:tokens:useInApp', { handle: botOnly.handle });
    if (profile === 'g1') {
      // G1 ignores scopes: the key can do everything, so it connects.
      expect(tried).toMatchObject({ ok: true, value: { status: 'connected' } });
      must(await ipc.invoke('connection:connect', { url: simulator.url, apiKey }));
    } else {
      expect(tried).toMatchObject({
        ok: false,
        code: 'missing_scope',
        message: expect.stringMatching(/lacks the "tx" scope.*This key has bot \(send bots\)\./),
      });
    }
    expect(must(await ipc.invoke('app:getState')).connection.key?.label).toMatch(new RegExp(`${apiKey.slice(-4)}$`));
    if (profile === 'g1') return;
    // A key that reads transcripts only is connected; sending a bot is then refused in words.
    const txOnly = must(await ipc.invoke('admin:tokens:create', { userId, scopes: ['tx'] }));
    must(await ipc.invoke('admin:tokens:useInApp', { handle: txOnly.handle }));
    const info = must(await ipc.invoke('account:info'));
    expect(info.features.find((f) => f.feature === 'bots')).toMatchObject({ allowed: false, needs: ['bot'] });
    expect(await ipc.invoke('bots:launch', { link: 'https://meet.google.com/sco-pesc-ope' })).toMatchObject({
      ok: false,
      code: 'missing_scope',
      message: expect.stringMatching(/This key can read meetings and transcripts, but cannot send or stop bots/),
    });
    must(await ipc.invoke('connection:connect', { url: simulator.url, apiKey }));
  });

  it('sets, tests, reads and clears the webhook; its secret never comes back', async () => {
    const receiver = await startReceiver();
    try {
      const secret = `whsec_${randomBytes(12).toString('hex')}`;
      if (profile === 'g1') {
        expect(await ipc.invoke('webhook:set', { url: receiver.url, secret })).toMatchObject({ ok: false, code: 'unsupported' });
        must(await ipc.invoke('webhook:set', { url: receiver.url }));
      } else {
        const view = must(await ipc.invoke('webhook:set', { url: receiver.url, secret }));
        expect(view).toMatchObject({ url: receiver.url, hasSecret: true, source: profile === 'g3' ? 'server' : 'app' });
        expect(JSON.stringify(view)).not.toContain(secret);
      }
      expect(await ipc.invoke('webhook:set', { url: 'ftp://example.com/x' })).toMatchObject({ ok: false, code: 'validation' });
      expect(must(await ipc.invoke('webhook:get')).url).toBe(receiver.url);

      const result = must(await ipc.invoke('webhook:test'));
      expect(result).toMatchObject({ ok: true, status: 204, signed: profile !== 'g1' });
      const got = receiver.received.at(-1)!;
      expect(JSON.parse(got.body)).toMatchObject({ event_type: 'meeting.status_change' });
      if (profile === 'g1') expect(got.headers.authorization).toBeUndefined();
      else expect(got.headers.authorization).toBe(`Bearer ${secret}`);
      if (profile === 'g3') {
        const ts = String(got.headers['x-webhook-timestamp']);
        const expected = createHmac('sha256', secret).update(`${ts}.${got.body}`).digest('hex');
        expect(got.headers['x-webhook-signature']).toBe(`sha256=${expected}`);
      }

      const deliveries = must(await ipc.invoke('webhook:deliveries', { limit: 20 }));
      if (profile === 'g3') {
        expect(deliveries).toMatchObject({ available: true, message: null });
        // A bot's status changes are delivered by the server and listed in its log.
        must(await ipc.invoke('bots:launch', { link: 'https://meet.google.com/whk-hook-abc' }));
        const logged = await waitFor('a delivery in the log', async () => {
          const d = must(await ipc.invoke('webhook:deliveries', { limit: 20 })).deliveries;
          return d.length > 0 ? d : null;
        });
        expect(logged[0]).toMatchObject({ event: 'meeting.status_change', ok: true, status: 204, error: null });
      } else expect(deliveries).toMatchObject({ available: false, deliveries: [], message: expect.stringMatching(/does not keep a log/) });

      expect(must(await ipc.invoke('webhook:clear'))).toMatchObject({ url: null, hasSecret: false });
      expect(await ipc.invoke('webhook:test')).toMatchObject({ ok: false, code: 'no_webhook' });
    } finally {
      await receiver.close();
    }
  });

  it('reports a webhook that does not answer 2xx, and one nobody listens at', async () => {
    const failing = await startReceiver(500);
    try {
      must(await ipc.invoke('webhook:set', { url: failing.url }));
      expect(must(await ipc.invoke('webhook:test'))).toMatchObject({
        ok: false,
        status: 500,
        message: expect.stringMatching(/answered 500/),
      });
    } finally {
      await failing.close();
    }
    expect(must(await ipc.invoke('webhook:test'))).toMatchObject({
      ok: false,
      status: null,
      message: expect.stringMatching(/could not be reached/),
    });
    must(await ipc.invoke('webhook:clear'));
  });

  it('forgets the admin key alone; the user key stays', async () => {
    expect(must(await ipc.invoke('admin:forget'))).toMatchObject({ keyStored: false });
    expect(must(await ipc.invoke('app:getState')).connection.status).toBe('connected');
    expect(await ipc.invoke('admin:users:get', { userId })).toMatchObject({ ok: false, code: 'admin_key_needed' });
  });
});
