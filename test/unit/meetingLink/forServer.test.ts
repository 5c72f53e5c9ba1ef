import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { linkOnServer, parseMeetingLink, platformRefusal } from '../../../shared/meeting-link';
import { sha256Hex } from '../../../shared/meetingLink/sha256';

const LEGACY =
  'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQ5YjA2ZDAtZjY2%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf%22%7d';

function parsed(text: string) {
  const result = parseMeetingLink(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('a link on a given server', () => {
  it('computes SHA-256 as Node does (the id G2 derives must match byte for byte)', () => {
    for (const s of ['', 'abc', 'x'.repeat(55), 'y'.repeat(64), LEGACY, 'Bergström ✓']) {
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s).digest('hex'));
    }
  });

  it('gives a legacy Teams link the id G2 files it under, sent along with the link', () => {
    const link = parsed(LEGACY);
    const onG2 = linkOnServer(link, 'g2');
    expect(onG2).toEqual({ nativeMeetingId: sha256Hex(link.meetingUrl!).slice(0, 16), sendId: true });
    expect(linkOnServer(link, 'g3')).toEqual({ nativeMeetingId: link.nativeMeetingId, sendId: true });
    expect(linkOnServer(parsed('https://meet.google.com/abc-defg-hij'), 'g2').nativeMeetingId).toBe('abc-defg-hij');
  });

  it('refuses Jitsi on v0.9 and v0.10 servers in plain words, and takes it on v0.12', () => {
    expect(platformRefusal('jitsi', 'g2')).toBe(
      'This server (Vexa 0.10) cannot send bots to Jitsi meetings; that needs Vexa 0.12 or later. Use another server, or a link to another kind of meeting.',
    );
    expect(platformRefusal('jitsi', 'g1')).toContain('Vexa 0.9');
    expect(platformRefusal('jitsi', 'g3')).toBeNull();
    expect(platformRefusal('zoom', 'g1')).toBeNull();
  });
});
