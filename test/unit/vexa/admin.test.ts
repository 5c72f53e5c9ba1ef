import { afterEach, describe, expect, it } from 'vitest';
import { createVexaAdminClient } from '../../../electron/core/vexa/admin';
import type { FakeServer } from './support/fakeServer';
import { startRoutes } from './support/routes';

const ADMIN = 'admin-token-0123456789';
let server: FakeServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const g1User = {
  id: 7,
  email: 'dana@example.org',
  name: 'Dana',
  image_url: null,
  max_concurrent_bots: 2,
  data: {},
  created_at: '2025-06-01T08:00:00',
};

describe('VexaAdminClient', () => {
  it('finds or creates users (201 new, 200 existing) with the admin key', async () => {
    let exists = false;
    server = await startRoutes({
      'POST /admin/users': (_req, res) => {
        res.writeHead(exists ? 200 : 201, { 'content-type': 'application/json' });
        exists = true;
        res.end(JSON.stringify(g1User));
      },
    });
    const admin = createVexaAdminClient({ baseUrl: server.url, adminKey: ADMIN });
    const first = await admin.createUser({ email: 'dana@example.org', maxConcurrentBots: 2 });
    expect(first).toMatchObject({
      existed: false,
      user: { id: '7', email: 'dana@example.org', maxConcurrentBots: 2, createdAt: Date.UTC(2025, 5, 1, 8) },
    });
    expect((await admin.createUser({ email: 'dana@example.org' })).existed).toBe(true);
    expect(server.requests[0]!.headers['x-admin-api-key']).toBe(ADMIN);
    expect(server.requests[0]!.body).toEqual({ email: 'dana@example.org', max_concurrent_bots: 2 });
  });

  it('mints scoped tokens through query parameters and revokes them', async () => {
    server = await startRoutes({
      'POST /admin/users/7/tokens': {
        status: 201,
        body: { id: 31, token: 'vxa_bot_AbCdEfGhIjKlMnOpQrStUvWxYz012345', user_id: 7, scopes: ['bot', 'tx'] },
      },
      'DELETE /admin/tokens/31': (_req, res) => {
        res.writeHead(204);
        res.end();
      },
    });
    const admin = createVexaAdminClient({ baseUrl: server.url, adminKey: ADMIN, generation: 'g3' });
    const token = await admin.createToken(7, { scopes: ['bot', 'tx'], name: 'desktop' });
    expect(token).toMatchObject({ id: '31', userId: '7', scopes: ['bot', 'tx'], createdAt: null });
    expect(Object.fromEntries(server.requests[0]!.query)).toEqual({ scopes: 'bot,tx', name: 'desktop' });
    await admin.revokeToken(31);
    expect(server.requests[1]!.method).toBe('DELETE');
  });

  it('lists tokens from the G3 route, or from the G1/G2 user record', async () => {
    server = await startRoutes({
      'GET /admin/users/7/tokens': {
        status: 200,
        body: [
          {
            id: 31,
            user_id: 7,
            scopes: ['bot', 'tx'],
            name: 'desktop',
            created_at: '2026-08-01T00:00:00Z',
            last_used_at: null,
            expires_at: null,
          },
        ],
      },
      'GET /admin/users/8': {
        status: 200,
        body: { ...g1User, id: 8, api_tokens: [{ id: 3, token: 'legacy', user_id: 8, created_at: '2025-06-01T08:00:00' }] },
      },
    });
    const g3 = createVexaAdminClient({ baseUrl: server.url, adminKey: ADMIN, generation: 'g3' });
    expect((await g3.listTokens(7))[0]).toMatchObject({ id: '31', name: 'desktop', maskedValue: null });
    const unknown = createVexaAdminClient({ baseUrl: server.url, adminKey: ADMIN });
    expect((await unknown.listTokens(8))[0]).toMatchObject({ id: '3', maskedValue: '…' });
  });

  it('explains a G3 admin API without a user list, and a rejected admin key', async () => {
    server = await startRoutes({ 'GET /admin/users/1': { status: 403, body: { detail: 'Invalid or missing admin token.' } } });
    const admin = createVexaAdminClient({ baseUrl: server.url, adminKey: ADMIN });
    await expect(admin.listUsers()).rejects.toMatchObject({ code: 'unsupported' });
    const e = await admin.getUser(1).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'unauthorized', userMessage: expect.stringMatching(/admin key/) });
    expect(JSON.stringify(e)).not.toContain(ADMIN);
  });
});
