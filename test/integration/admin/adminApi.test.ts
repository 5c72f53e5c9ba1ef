import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVexaAdminClient, createVexaClient, isVexaError } from '../../../electron/core/vexa';
import type { VexaAdminClient } from '../../../electron/core/vexa';
import type { Simulator } from '../../../electron/simulator/index';
import { SEEDED_USER_COUNT } from '../../../electron/simulator/adminSeed';
import { hostOf } from '../../../shared/vexa';
import { ADMIN, adminCall, call, KEY, start } from '../simulator/simHelpers';

async function failure(p: Promise<unknown>): Promise<{ code: string; userMessage: string; status?: number }> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!isVexaError(e)) throw new Error(`expected a VexaError, got ${String(e)}`);
  return e;
}

describe.each(['g1', 'g2', 'g3'] as const)('admin API through the client, profile %s', (profile) => {
  let sim: Simulator;
  let admin: VexaAdminClient;
  beforeAll(async () => {
    sim = await start({ profile, seed: true });
    admin = createVexaAdminClient({ baseUrl: sim.adminUrl!, adminKey: ADMIN, generation: profile });
  });
  afterAll(() => sim.close());

  it('is reached at the generation’s admin address: G3 on its own, the gateway answering /admin 404', async () => {
    await admin.probe();
    if (profile === 'g3') {
      expect(sim.adminUrl).not.toBe(sim.url);
      expect(await call(sim, 'GET', '/admin/users/1', { key: null, admin: ADMIN })).toMatchObject({
        status: 404,
        body: { detail: 'Not Found' },
      });
      const atGateway = createVexaAdminClient({ baseUrl: sim.url, adminKey: ADMIN });
      const e = await failure(atGateway.probe());
      expect(e.code).toBe('unsupported');
      expect(e.userMessage).toMatch(new RegExp(`no admin API at ${hostOf(sim.url).replace(/\./g, '\\.')}.*its own address`));
    } else {
      expect(sim.adminUrl).toBe(sim.url);
    }
  });

  it('refuses a wrong admin key in words that name the server', async () => {
    const wrong = createVexaAdminClient({ baseUrl: sim.adminUrl!, adminKey: 'not-the-admin-key', generation: profile });
    const e = await failure(wrong.getUser(1));
    expect(e).toMatchObject({ code: 'unauthorized', status: 403 });
    expect(e.userMessage).toBe(
      `The admin key was not accepted by ${hostOf(sim.adminUrl!)}. Check that it matches the server's ADMIN_API_TOKEN and paste it again.`,
    );
    expect(JSON.stringify(e)).not.toContain('not-the-admin-key');
  });

  it('pages through the seeded users with skip/limit, or explains that G3 cannot list them', async () => {
    if (profile === 'g3') {
      expect((await adminCall(sim, 'GET', '/admin/users')).status).toBe(405);
      const e = await failure(admin.listUsers({ skip: 0, limit: 50 }));
      expect(e.code).toBe('unsupported');
      expect(e.userMessage).toMatch(/cannot list all users\. Look a user up by email or ID instead\./);
      return;
    }
    const ids: string[] = [];
    let page = await admin.listUsers({ skip: 0, limit: 50 });
    for (let n = 0; n < 20; n++) {
      expect(page.users.length).toBeLessThanOrEqual(50);
      ids.push(...page.users.map((u) => u.id));
      if (!page.hasMore) break;
      page = await admin.listUsers({ skip: page.skip + page.users.length, limit: 50 });
    }
    // The configured demo user, then every seeded one, each once and in id order.
    expect(ids).toHaveLength(SEEDED_USER_COUNT + 1);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.map(Number)).toEqual([...ids.map(Number)].sort((a, b) => a - b));
    const second = await admin.listUsers({ skip: 50, limit: 50 });
    expect(second.users[0]!.id).toBe(ids[50]);
    expect(second.users.every((u) => u.email && u.createdAt! < Date.now() + 1)).toBe(true);
  });

  it('shows a user with their tokens, masked: the secret value never reaches the app', async () => {
    const user = await admin.getUser(2);
    expect(user.email).toMatch(/@/);
    expect(user.tokens!.length).toBeGreaterThanOrEqual(1);
    if (profile === 'g3') {
      expect(user.createdAt).toBeNull();
      expect(user.tokens!.every((t) => t.maskedValue === null && t.createdAt !== null && t.scopes!.length > 0)).toBe(true);
    } else {
      const raw = await adminCall(sim, 'GET', '/admin/users/2');
      const values: string[] = raw.body.api_tokens.map((t: { token: string }) => t.token);
      expect(user.tokens!.map((t) => t.maskedValue)).toEqual(values.map((v) => expect.stringMatching(new RegExp(`…${v.slice(-4)}$`))));
      for (const v of values) expect(JSON.stringify(user)).not.toContain(v);
    }
    expect(await admin.listTokens(2)).toEqual(user.tokens);
  });

  it('finds a user by email, and says plainly when a user or token does not exist', async () => {
    const user = await admin.getUser(3);
    expect((await admin.findUserByEmail(user.email!))?.id).toBe(user.id);
    expect(await admin.findUserByEmail('nobody-here@example.com')).toBeNull();
    const missing = await failure(admin.getUser(99_999));
    expect(missing).toMatchObject({
      code: 'not_found',
      userMessage: 'There is no such user on the server. They may have been deleted; refresh the list.',
    });
    const gone = await failure(admin.revokeToken(99_999));
    expect(gone).toMatchObject({
      code: 'not_found',
      userMessage: expect.stringMatching(/no longer on the server; it may have been revoked/),
    });
  });

  it('creates a user once: a duplicate email answers the existing user', async () => {
    const email = `colleague-${profile}@example.com`;
    const first = await admin.createUser({ email, name: 'Ada Colleague', maxConcurrentBots: 2 });
    expect(first).toMatchObject({ existed: false, user: { email, name: 'Ada Colleague', maxConcurrentBots: 2 } });
    const again = await admin.createUser({ email, name: 'Someone Else' });
    expect(again).toMatchObject({ existed: true, user: { id: first.user.id, name: 'Ada Colleague' } });
  });

  it('changes only what the generation lets an admin change', async () => {
    const { user } = await admin.createUser({ email: `patch-${profile}@example.com`, name: 'Before' });
    expect((await admin.updateUser(user.id, { maxConcurrentBots: 7 })).maxConcurrentBots).toBe(7);
    if (profile === 'g3') {
      const e = await failure(admin.updateUser(user.id, { name: 'After' }));
      expect(e).toMatchObject({ code: 'unsupported', userMessage: expect.stringMatching(/cannot change a user's name/) });
      expect((await admin.getUser(user.id)).name).toBe('Before');
    } else {
      expect((await admin.updateUser(user.id, { name: 'After' })).name).toBe('After');
    }
  });

  it('mints a token shown once that works as a user key, and refuses it once revoked', async () => {
    const { user } = await admin.createUser({ email: `minted-${profile}@example.com` });
    const token = await admin.mintToken(user.id, { scopes: ['bot', 'tx'], name: 'desktop' });
    expect(token.value).toMatch(profile === 'g1' ? /^[A-Za-z0-9]{40}$/ : /^vxa_bot_[A-Za-z0-9]{32}$/);
    if (profile !== 'g1') expect(token.scopes).toEqual(['bot', 'tx']);
    const listed = await admin.listTokens(user.id);
    expect(listed.map((t) => t.id)).toEqual([token.id]);
    expect(JSON.stringify(listed)).not.toContain(token.value);

    const asUser = createVexaClient({ baseUrl: sim.url, apiKey: token.value, generation: profile });
    expect((await asUser.listMeetings()).meetings).toEqual([]);
    await admin.revokeToken(token.id);
    const refused = await failure(asUser.listMeetings());
    expect(refused).toMatchObject({ code: 'unauthorized', status: profile === 'g1' ? 403 : 401 });
    expect(refused.userMessage).toMatch(/rejected this API key/);
    expect(await admin.listTokens(user.id)).toEqual([]);
  });

  it('refuses a scope the server does not know (422); G1 has no scopes and ignores them', async () => {
    if (profile === 'g1') {
      expect((await admin.mintToken(1, { scopes: ['admin'] })).scopes).toBeNull();
      return;
    }
    const e = await failure(admin.mintToken(1, { scopes: ['admin'] }));
    expect(e).toMatchObject({ code: 'validation', status: 422 });
  });
});

describe('an admin API without ADMIN_API_TOKEN', () => {
  // A real G3 admin-api without the token answers the same 500; the simulator opens no admin-api
  // address without a key (test/integration/simulator/control.test.ts), so G1/G2's gateway shows it.
  it.each(['g1', 'g2'] as const)('%s: says the admin API is switched off', async (profile) => {
    const sim = await start({ profile, adminKey: undefined, apiKeys: [KEY] });
    try {
      const admin = createVexaAdminClient({ baseUrl: sim.adminUrl!, adminKey: 'anything', generation: profile });
      const e = await failure(admin.probe());
      expect(e).toMatchObject({ code: 'forbidden', status: 500 });
      expect(e.userMessage).toMatch(new RegExp(`admin API at ${hostOf(sim.adminUrl!).replace(/\./g, '\\.')} is switched off`));
    } finally {
      await sim.close();
    }
  });
});
