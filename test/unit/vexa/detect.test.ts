import { afterEach, describe, expect, it } from 'vitest';
import { probeServer } from '../../../electron/core/vexa/detect';
import type { ProbeResult } from '../../../electron/core/vexa/detect';
import { capabilitiesFor } from '../../../shared/vexa/capabilities';
import type { FakeServer } from './support/fakeServer';
import { closedPort, sendText } from './support/fakeServer';
import { startRoutes } from './support/routes';
import { fixtureJson } from '../../support/fixtures';

const g1 = fixtureJson('vexa/g1.json');
const g2 = fixtureJson('vexa/g2.json');
const g3 = fixtureJson('vexa/g3.json');
const errors = fixtureJson('vexa/errors.json');
const KEY = 'vxa_tx_0123456789abcdefghijklmnopqrstuv';

let server: FakeServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function probe(table: Parameters<typeof startRoutes>[0], baseSuffix = ''): Promise<{ result: ProbeResult; s: FakeServer }> {
  server = await startRoutes(table);
  const result = await probeServer({ baseUrl: `${server.url}${baseSuffix}/`, apiKey: KEY, sleep: async () => {} });
  expect(server.requests.length).toBeLessThanOrEqual(3);
  return { result, s: server };
}

function value(r: ProbeResult) {
  if (!r.ok) throw new Error(`probe failed: ${r.error.code} ${r.error.userMessage}`);
  return r.value;
}

function error(r: ProbeResult) {
  if (r.ok) throw new Error('probe unexpectedly succeeded');
  expect(JSON.stringify(r.error)).not.toContain(KEY);
  return r.error;
}

describe('probeServer: generations', () => {
  it('detects G1 from the missing /auth/me and checks the key on /meetings', async () => {
    const { result, s } = await probe({ 'GET /meetings': { status: 200, body: g1.meetings } });
    expect(value(result)).toEqual({
      baseUrl: s.url,
      generation: 'g1',
      capabilities: capabilitiesFor('g1'),
      user: null,
      warnings: [],
    });
    expect(s.requests.map((r) => r.path)).toEqual(['/auth/me', '/meetings']);
  });

  it('detects G2 from a /bots/status without count', async () => {
    const { result } = await probe({
      'GET /auth/me': { status: 200, body: g2.authMe },
      'GET /bots/status': { status: 200, body: g2.botsStatus },
    });
    expect(value(result)).toMatchObject({
      generation: 'g2',
      capabilities: capabilitiesFor('g2'),
      user: { id: '12', email: 'dana@example.org', scopes: ['bot', 'tx'], maxConcurrent: 2 },
      warnings: [],
    });
  });

  it('detects G3 from running/count, and keeps the path prefix of the URL', async () => {
    const { result, s } = await probe(
      {
        'GET /vexa/auth/me': { status: 200, body: g3.authMe },
        'GET /vexa/bots/status': { status: 200, body: g3.botsStatus },
      },
      '/vexa',
    );
    expect(value(result)).toMatchObject({ baseUrl: `${s.url}/vexa`, generation: 'g3', capabilities: capabilitiesFor('g3') });
  });

  it('accepts a transcript-only G3 key with a warning that bots cannot be sent', async () => {
    const { result } = await probe({
      'GET /auth/me': { status: 200, body: { ...g3.authMe, scopes: ['tx'] } },
      'GET /bots/status': { status: 403, body: errors.g2Scope403 },
      'GET /transcripts/by-id/0': { status: 404, body: { detail: 'Meeting not found' } },
    });
    const v = value(result);
    expect(v.generation).toBe('g3');
    expect(v.warnings).toEqual([expect.stringMatching(/lacks the "bot" scope/)]);
  });

  it('tells a transcript-only G2 key by the rate-limit headers G2 stamps', async () => {
    const { result } = await probe({
      'GET /auth/me': {
        status: 200,
        body: { ...g2.authMe, scopes: ['tx'] },
        headers: { 'x-ratelimit-limit': '120', 'x-ratelimit-remaining': '119' },
      },
      'GET /bots/status': { status: 403, body: errors.g2Scope403 },
    });
    expect(value(result).generation).toBe('g2');
  });

  it('tells a transcript-only G2 key without those headers by its missing by-id route', async () => {
    const { result, s } = await probe({
      'GET /auth/me': { status: 200, body: { ...g2.authMe, scopes: ['tx'] } },
      'GET /bots/status': { status: 403, body: errors.g2Scope403 },
      // G2 reads the path as /transcripts/{platform}/{native_meeting_id}, with "by-id" as the platform.
      'GET /transcripts/by-id/0': {
        status: 422,
        body: {
          detail: [{ type: 'enum', loc: ['path', 'platform'], msg: "Input should be 'google_meet', 'zoom' or 'teams'", input: 'by-id' }],
        },
      },
    });
    expect(value(result).generation).toBe('g2');
    expect(s.requests.map((r) => r.path)).toEqual(['/auth/me', '/bots/status', '/transcripts/by-id/0']);
  });
});

describe('probeServer: refusals', () => {
  it('refuses a bot-only key before anything else, since it cannot read transcripts', async () => {
    const { result, s } = await probe({ 'GET /auth/me': { status: 200, body: g3.authMeBotOnly } });
    const e = error(result);
    expect(e.code).toBe('missing_scope');
    expect(e.userMessage).toMatch(/lacks the "tx" scope/);
    expect(s.requests).toHaveLength(1);
  });

  it('reports a wrong key on every generation as unauthorized', async () => {
    const tables: Parameters<typeof startRoutes>[0][] = [
      { 'GET /auth/me': { status: 401, body: errors.g2Invalid401 } },
      { 'GET /meetings': { status: 403, body: errors.g1InvalidToken403 } },
      { 'GET /auth/me': { status: 403, body: { detail: 'Forbidden' } } },
    ];
    for (const table of tables) {
      const { result } = await probe(table);
      expect(error(result)).toMatchObject({ code: 'unauthorized' });
      await server?.close();
      server = null;
    }
  });

  it('recognises a dashboard or another site instead of the API', async () => {
    server = await startRoutes({ 'GET /auth/me': (_req, res) => sendText(res, 200, errors.dashboardHtml, 'text/html') });
    const r1 = await probeServer({ baseUrl: server.url, apiKey: KEY });
    expect(error(r1).code).toBe('not_vexa');
    await server.close();
    const other = await probe({ 'GET /auth/me': { status: 200, body: { status: 'ok', version: 3 } } });
    expect(error(other.result).code).toBe('not_vexa');
    await server?.close();
    const notG1 = await probe({ 'GET /meetings': { status: 200, body: { items: [] } } });
    expect(error(notG1.result).code).toBe('not_vexa');
  });

  it('passes on auth outages and unreachable hosts as actionable errors', async () => {
    const { result } = await probe({ 'GET /auth/me': { status: 503, body: errors.g3AuthDown503 } });
    expect(error(result).code).toBe('auth_unavailable');
    const port = await closedPort();
    const refused = await probeServer({ baseUrl: `http://127.0.0.1:${port}`, apiKey: KEY, sleep: async () => {} });
    expect(error(refused)).toMatchObject({ code: 'unreachable', userMessage: expect.stringContaining(`127.0.0.1:${port}`) });
  });

  it('refuses an address that is not a URL', async () => {
    const r = await probeServer({ baseUrl: 'mailto:ops@example.invalid', apiKey: KEY });
    expect(error(r).code).toBe('validation');
  });
});
