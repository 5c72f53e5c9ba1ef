import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportTranscript } from '../../../electron/core/export';
import type { Simulator } from '../../../electron/simulator/index';
import { call, start } from '../simulator/simHelpers';

describe.each(['g1', 'g2'] as const)('txt export against the %s gateway’s public share text', (profile) => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start({ profile, seed: true });
  });
  afterAll(() => sim.close());

  it('is byte for byte what the share link serves for the same transcript', async () => {
    const share = await call(sim, 'POST', '/transcripts/google_meet/kqv-mzrp-tdx/share');
    expect(share.status).toBe(200);
    const served = await (await fetch(share.body.url)).text();
    const transcript = await call(sim, 'GET', '/transcripts/google_meet/kqv-mzrp-tdx');
    expect(transcript.status).toBe(200);
    expect(await exportTranscript(transcript.body, 'txt')).toBe(served);
  });
});
