import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVexaAdminClient, createVexaClient, isVexaError } from '../../../electron/core/vexa';
import type { Simulator } from '../../../electron/simulator/index';
import { scopeFromKey } from '../../../shared/vexa';
import { ADMIN, KEY, start } from '../simulator/simHelpers';

describe.each(['g1', 'g2', 'g3'] as const)('the account behind a key, profile %s', (profile) => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start({ profile });
  });
  afterAll(() => sim.close());

  const mint = async (scopes: string[]) => {
    const admin = createVexaAdminClient({ baseUrl: sim.adminUrl!, adminKey: ADMIN, generation: profile });
    const { user } = await admin.createUser({ email: `scoped-${scopes.join('-')}-${profile}@example.com` });
    return (await admin.mintToken(user.id, { scopes })).value;
  };

  it('says who the key belongs to and what its scopes unlock, where the server can tell', async () => {
    const client = createVexaClient({ baseUrl: sim.url, apiKey: KEY, generation: profile });
    if (profile === 'g1') {
      const e = await client.me().catch((x: unknown) => x);
      expect(isVexaError(e) && e.code).toBe('unsupported');
      expect(isVexaError(e) && e.userMessage).toMatch(/cannot report the account behind a key/);
      return;
    }
    expect(await client.me()).toMatchObject({
      email: 'demo@example.com',
      scopes: ['bot', 'tx'],
      maxConcurrent: 3,
      access: { bots: true, transcripts: true, browser: false, settings: true },
    });
    const botOnly = createVexaClient({ baseUrl: sim.url, apiKey: await mint(['bot']), generation: profile });
    expect((await botOnly.me()).access).toEqual({ bots: true, transcripts: false, browser: false, settings: true });
  });

  it('explains a scope refusal by what the key may do', async () => {
    const key = await mint(['bot']);
    const botOnly = createVexaClient({ baseUrl: sim.url, apiKey: key, generation: profile });
    if (profile === 'g1') {
      // G1 keys have no scope: the same key reads meetings.
      expect(scopeFromKey(key)).toBeNull();
      expect((await botOnly.listMeetings()).meetings).toEqual([]);
      return;
    }
    expect(scopeFromKey(key)).toBe('bot');
    const e = await botOnly.listMeetings().catch((x: unknown) => x);
    expect(isVexaError(e) && { code: e.code, status: e.status }).toEqual({ code: 'missing_scope', status: 403 });
    expect(isVexaError(e) && e.userMessage).toBe(
      'The server refused this request: the key\'s scope does not cover it. This key can send and stop bots, but cannot read meetings or transcripts (it lacks the "tx" scope). Create a key with both the "bot" and "tx" scopes and use that one.',
    );
    expect(JSON.stringify(e)).not.toContain(key);
  });
});
