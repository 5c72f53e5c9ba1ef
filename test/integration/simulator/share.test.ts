import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../../electron/simulator/index';
import { call, KEY, start } from './simHelpers';
import { waitFor } from '../../support/waitFor';

describe.each(['g1', 'g2'] as const)('public share links, profile %s', (profile) => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start({ profile, seed: true });
  });
  afterAll(() => sim.close());

  it('creates a link whose plain text is the whole transcript in the gateway’s format', async () => {
    const share = await call(sim, 'POST', '/transcripts/google_meet/kqv-mzrp-tdx/share');
    expect(share.status).toBe(200);
    expect(share.body).toEqual({
      share_id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      url: `${sim.url}/public/transcripts/${share.body.share_id}.txt`,
      expires_at: expect.any(String),
      expires_in_seconds: 900,
    });

    const res = await fetch(share.body.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store, no-cache, must-revalidate');
    expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow, noarchive');
    const text = await res.text();
    const lines = text.split('\n');
    expect(lines.slice(0, 4)).toEqual(['MEETING TRANSCRIPT', '', 'Platform: google_meet', 'Meeting ID: kqv-mzrp-tdx']);
    expect(lines[4]).toMatch(/^Start: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    expect(lines[5]).toMatch(/^End: /);
    expect(lines.slice(6, 9)).toEqual(['', '---', '']);
    expect(lines[9]).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] Maya Lindqvist: Morning both, thanks for making time\./);
    expect(text.endsWith('.\n')).toBe(true);
    const rest = await call(sim, 'GET', '/transcripts/google_meet/kqv-mzrp-tdx');
    expect(lines.length - 1 - 9).toBe(rest.body.segments.length);
  });

  it('clamps the TTL and honours forwarded host headers', async () => {
    const short = await call(sim, 'POST', '/transcripts/google_meet/kqv-mzrp-tdx/share?ttl_seconds=5', {
      headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'vexa.example.com' },
    });
    expect(short.body.expires_in_seconds).toBe(60);
    expect(short.body.url).toBe(`https://vexa.example.com/public/transcripts/${short.body.share_id}.txt`);
    const long = await call(sim, 'POST', '/transcripts/google_meet/kqv-mzrp-tdx/share?ttl_seconds=999999');
    expect(long.body.expires_in_seconds).toBe(86400);
    // 60 simulated seconds pass in 300 ms at this time scale.
    const path = `/public/transcripts/${short.body.share_id}.txt`;
    await waitFor('the link to expire', async () => (await call(sim, 'GET', path, { key: null })).status === 404);
    expect((await call(sim, 'GET', path, { key: null })).body).toEqual({ detail: 'Share link expired or not found' });
  });

  it('passes the collector’s error through as text', async () => {
    expect(await call(sim, 'POST', '/transcripts/google_meet/kqv-mzrp-tdx/share', { key: null })).toMatchObject({
      status: 401,
      body: { detail: 'Missing X-API-Key' },
    });
    const missing = await call(sim, 'POST', '/transcripts/google_meet/nop-nope-nop/share');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body.detail)).toEqual({ detail: 'Meeting not found for platform google_meet and ID nop-nope-nop' });
  });
});

describe('G3 capability-token shares', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start({ profile: 'g3', seed: true, apiKeys: [KEY, { key: 'colleague', email: 'colleague@example.com' }] });
  });
  afterAll(() => sim.close());

  it('mints a token another user redeems to read the transcript; there is no public text link', async () => {
    const share = await call(sim, 'POST', '/transcripts/google_meet/kqv-mzrp-tdx/share', { body: {} });
    expect(share.status).toBe(200);
    expect(share.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      token: expect.stringMatching(/^3\./),
      mode: 'open',
      expires_at: expect.stringMatching(/\+00:00$/),
    });
    expect((await call(sim, 'GET', '/public/transcripts/whatever.txt', { key: null })).status).toBe(404);

    expect((await call(sim, 'GET', '/transcripts/by-id/3', { key: 'colleague' })).status).toBe(404);
    const accepted = await call(sim, 'POST', '/transcripts/share/accept', { key: 'colleague', body: { token: share.body.token } });
    expect(accepted.body).toEqual({ meeting_id: 3, ok: true });
    const read = await call(sim, 'GET', '/transcripts/by-id/3', { key: 'colleague' });
    expect(read.status).toBe(200);
    expect(read.body.segments.length).toBeGreaterThan(10);
    const listed = (await call(sim, 'GET', '/meetings', { key: 'colleague' })).body.meetings;
    expect(listed.find((m: { id: number }) => m.id === 3)?.shared).toBe(true);
  });

  it('refuses unknown tokens and restricted shares for other people', async () => {
    // A wrong secret for a meeting that exists is an invalid grant; a token naming no meeting is unknown.
    expect(await call(sim, 'POST', '/transcripts/share/accept', { key: 'colleague', body: { token: '3.nope' } })).toMatchObject({
      status: 400,
      body: { detail: 'invalid' },
    });
    expect(await call(sim, 'POST', '/transcripts/share/accept', { key: 'colleague', body: { token: '999.nope' } })).toMatchObject({
      status: 404,
      body: { detail: 'invalid or unknown share token' },
    });
    const restricted = await call(sim, 'POST', '/meetings/zoom/84213579601/share', {
      body: { mode: 'restricted', allowed_emails: ['someone@example.com'] },
    });
    expect(
      await call(sim, 'POST', '/transcripts/share/accept', { key: 'colleague', body: { token: restricted.body.token } }),
    ).toMatchObject({ status: 403, body: { detail: 'not_allowed' } });
    expect((await call(sim, 'POST', '/transcripts/google_meet/nop-nope-nop/share', { body: {} })).body).toEqual({
      detail: 'Meeting not found for google_meet/nop-nope-nop',
    });
  });
});
