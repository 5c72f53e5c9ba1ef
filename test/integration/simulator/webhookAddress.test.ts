import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../../electron/simulator/index';
import { call, start } from './simHelpers';

// PUT /user/webhook with an address on a private or internal network: G2 (v0.10, after its fix for
// CVE-2026-25883) refuses it with 400 and the reason; G1 (v0.9) checked nothing; G3 is not modelled
// here (the behaviour reference says nothing of it). See electron/simulator/webhookAddress.ts.

const INTERNAL = [
  'http://127.0.0.1:8080/hook',
  'http://localhost/internal',
  'http://[::1]/',
  'http://10.0.0.1/',
  'http://172.16.0.1/',
  'http://192.168.0.1/',
  'http://169.254.169.254/latest/meta-data/',
  'http://[fc00::1]/',
  'http://[fe80::1]/',
  'http://224.0.0.1/',
  'http://metadata.google.internal/computeMetadata/v1/',
  'http://redis:6379/',
  'http://meeting-api:8080/leak',
];

let sim: Simulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

const put = (s: Simulator, url: string) => call(s, 'PUT', '/user/webhook', { body: { webhook_url: url } });

describe('webhook addresses on private and internal networks', () => {
  it('G2 refuses each with 400 and the reason', async () => {
    sim = await start({ profile: 'g2' });
    expect((await put(sim, 'https://hooks.example.com/vexa')).status).toBe(200);
    for (const url of INTERNAL) {
      const res = await put(sim, url);
      expect(res, url).toMatchObject({
        status: 400,
        body: { detail: expect.stringMatching(/^Webhook URL must not point to a private or internal address: /) },
      });
    }
    // Public addresses and clearing still work.
    expect(await put(sim, 'https://example.org/vexa')).toMatchObject({
      status: 200,
      body: { data: { webhook_url: 'https://example.org/vexa' } },
    });
    expect((await put(sim, '')).status).toBe(200);
  });

  it('G1 (v0.9, before the fix) and G3 take them', async () => {
    for (const profile of ['g1', 'g3'] as const) {
      const s = await start({ profile });
      try {
        expect((await put(s, 'http://127.0.0.1:8080/hook')).status, profile).toBe(200);
      } finally {
        await s.close();
      }
    }
  });

  it('a G2 simulator whose test receiver runs on 127.0.0.1 may allow them', async () => {
    sim = await start({ profile: 'g2', allowPrivateWebhooks: true });
    expect((await put(sim, 'http://127.0.0.1:8080/hook')).status).toBe(200);
  });
});
