import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportTranscript } from '../../../electron/core/export';
import type { Simulator } from '../../../electron/simulator/index';
import { call, start } from '../simulator/simHelpers';

/** The notes block the export adds to the header, with their line breaks. */
function notesOf(body: { notes?: unknown; data?: { notes?: unknown } }): string {
  const notes = typeof body.notes === 'string' ? body.notes : typeof body.data?.notes === 'string' ? body.data.notes : '';
  return notes.trim() ? `\n\nNotes:\n${notes.trim()}` : '';
}

describe.each(['g1', 'g2'] as const)('txt export against the %s gateway’s public share text', (profile) => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start({ profile, seed: true });
  });
  afterAll(() => sim.close());

  it('has the share link’s layout and lines; only the header reads better (platform in words, name, notes)', async () => {
    const share = await call(sim, 'POST', '/transcripts/google_meet/kqv-mzrp-tdx/share');
    expect(share.status).toBe(200);
    const served = await (await fetch(share.body.url)).text();
    const transcript = await call(sim, 'GET', '/transcripts/google_meet/kqv-mzrp-tdx');
    expect(transcript.status).toBe(200);
    const exported = await exportTranscript(transcript.body, 'txt');
    const [servedHead = '', servedBody] = served.split('\n---\n');
    const [head = '', body] = exported.split('\n---\n');
    expect(body).toBe(servedBody);
    expect(servedHead).toContain('Platform: google_meet');
    const name = transcript.body.data?.name ?? transcript.body.name;
    const readable = servedHead.replace('Platform: google_meet', `${name ? `Meeting: ${name}\n` : ''}Platform: Google Meet`);
    expect(head).toBe(readable + notesOf(transcript.body));
  });
});
