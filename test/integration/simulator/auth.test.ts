import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../../electron/simulator/index';
import { adminCall, call, KEY, start } from './simHelpers';

describe.each(['g1', 'g2', 'g3'] as const)('authentication, profile %s', (profile) => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start({ profile, apiKeys: [KEY, { key: 'bot-only', scopes: ['bot'], email: 'bots@example.com' }] });
  });
  afterAll(() => sim.close());

  it('answers a request without a key with the generation’s status and wording', async () => {
    const bots = await call(sim, 'GET', '/bots/status', { key: null });
    const meetings = await call(sim, 'GET', '/meetings', { key: null });
    if (profile === 'g1') {
      expect(bots).toMatchObject({ status: 403, body: { detail: 'Missing API token (X-API-Key header)' } });
      expect(meetings).toMatchObject({ status: 403, body: { detail: 'Missing API token' } });
    } else {
      expect(bots).toMatchObject({ status: 401, body: { detail: 'Missing API key' } });
      expect(meetings).toMatchObject({ status: 401, body: { detail: 'Missing API key' } });
    }
  });

  it('rejects an unknown key', async () => {
    const res = await call(sim, 'GET', '/meetings', { key: 'nope' });
    expect(res.status).toBe(profile === 'g1' ? 403 : 401);
    expect(res.body).toEqual({ detail: profile === 'g1' ? 'Invalid API token' : 'Invalid API key' });
  });

  it('enforces token scopes from G2 on (a bot-only key cannot read meetings)', async () => {
    const send = await call(sim, 'GET', '/bots/status', { key: 'bot-only' });
    const read = await call(sim, 'GET', '/meetings', { key: 'bot-only' });
    expect(send.status).toBe(200);
    if (profile === 'g1') expect(read.status).toBe(200);
    else expect(read).toMatchObject({ status: 403, body: { detail: 'Insufficient scope for this endpoint' } });
  });

  it('serves /auth/me from G2 on and /health everywhere', async () => {
    const me = await call(sim, 'GET', '/auth/me');
    if (profile === 'g1') expect(me).toMatchObject({ status: 404, body: { detail: 'Not Found' } });
    else expect(me.body).toEqual({ user_id: expect.any(Number), email: 'demo@example.com', scopes: ['bot', 'tx'], max_concurrent: 3 });
    expect((await call(sim, 'GET', '/health', { key: null })).status).toBe(200);
  });

  it('guards the admin API with the admin key', async () => {
    const res = await adminCall(sim, 'POST', '/admin/users', { admin: 'wrong', body: { email: 'x@example.com' } });
    expect(res).toMatchObject({ status: 403, body: { detail: 'Invalid or missing admin token.' } });
  });

  it('creates users (201 new, 200 existing) and mints tokens that work as user keys until revoked', async () => {
    const created = await adminCall(sim, 'POST', '/admin/users', { body: { email: `new-${profile}@example.com`, name: 'New Person' } });
    expect(created.status).toBe(201);
    const again = await adminCall(sim, 'POST', '/admin/users', { body: { email: `new-${profile}@example.com` } });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(created.body.id);
    if (profile === 'g3') expect(created.body).not.toHaveProperty('created_at');
    else expect(created.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);

    const minted = await adminCall(sim, 'POST', `/admin/users/${created.body.id}/tokens`, {
      body: profile === 'g1' ? undefined : { scopes: ['bot', 'tx'] },
    });
    expect(minted.status).toBe(201);
    const token: string = minted.body.token;
    if (profile === 'g1') expect(token).toMatch(/^[A-Za-z0-9]{40}$/);
    else expect(token).toMatch(/^vxa_bot_[A-Za-z0-9]{32}$/);
    if (profile === 'g3') expect(minted.body).toEqual({ id: expect.any(Number), token, user_id: created.body.id, scopes: ['bot', 'tx'] });

    const list = await call(sim, 'GET', '/meetings', { key: token });
    expect(list).toMatchObject({ status: 200, body: { meetings: [] } });

    const revoked = await adminCall(sim, 'DELETE', `/admin/tokens/${minted.body.id}`);
    expect(revoked.status).toBe(204);
    expect((await call(sim, 'GET', '/meetings', { key: token })).status).toBe(profile === 'g1' ? 403 : 401);
    expect((await adminCall(sim, 'DELETE', `/admin/tokens/${minted.body.id}`)).body).toEqual({
      detail: 'Token not found',
    });
  });

  it('shows user details per generation', async () => {
    const user = await adminCall(sim, 'GET', '/admin/users/1');
    expect(user.status).toBe(200);
    if (profile === 'g3') {
      expect(user.body).not.toHaveProperty('api_tokens');
      expect((await adminCall(sim, 'GET', '/admin/users')).status).toBe(405);
    } else {
      expect(user.body.api_tokens.map((t: { token: string }) => t.token)).toContain(KEY);
      expect(Array.isArray((await adminCall(sim, 'GET', '/admin/users')).body)).toBe(true);
    }
    expect((await adminCall(sim, 'GET', '/admin/users/999')).body).toEqual({ detail: 'User not found' });
  });
});

describe('G3 token minting', () => {
  it('defaults to the bot scope, so such a key cannot read transcripts', async () => {
    const sim = await start({ profile: 'g3' });
    try {
      const minted = await adminCall(sim, 'POST', '/admin/users/1/tokens');
      expect(minted.body.scopes).toEqual(['bot']);
      expect((await call(sim, 'GET', '/transcripts/google_meet/abc-defg-hij', { key: minted.body.token })).status).toBe(403);
      const bad = await adminCall(sim, 'POST', '/admin/users/1/tokens', { body: { scopes: ['admin'] } });
      expect(bad.status).toBe(422);
      expect(typeof bad.body.detail).toBe('string');
    } finally {
      await sim.close();
    }
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After once a key exceeds its budget (G2 shape)', async () => {
    const sim = await start({ profile: 'g2', rateLimitPerMinute: 3 });
    try {
      const ok = await call(sim, 'GET', '/meetings');
      expect(ok.headers.get('x-ratelimit-limit')).toBe('3');
      await call(sim, 'GET', '/meetings');
      await call(sim, 'GET', '/meetings');
      const limited = await call(sim, 'GET', '/meetings');
      expect(limited.status).toBe(429);
      expect(limited.body).toEqual({ detail: 'Rate limit exceeded', retry_after: expect.any(Number) });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await sim.close();
    }
  });

  it('uses G3’s bare body and Retry-After: 1', async () => {
    const sim = await start({ profile: 'g3', rateLimitPerMinute: 1 });
    try {
      await call(sim, 'GET', '/meetings');
      const limited = await call(sim, 'GET', '/meetings');
      expect(limited).toMatchObject({ status: 429, body: { detail: 'Rate limit exceeded' } });
      expect(limited.headers.get('retry-after')).toBe('1');
    } finally {
      await sim.close();
    }
  });
});
