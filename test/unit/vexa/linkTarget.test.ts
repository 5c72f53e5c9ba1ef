import { describe, expect, it } from 'vitest';
import { newestOnLink } from '../../../electron/core/vexa/linkTarget';
import type { Meeting } from '../../../shared/vexa/types';

const row = (id: number, createdAt: number | null, over: Partial<Meeting> = {}): Meeting =>
  ({ id, platform: 'google_meet', nativeMeetingId: 'wkl-ysyn-cmx', createdAt, ...over }) as Meeting;

describe('newestOnLink (what a {platform}/{native_id} route reaches)', () => {
  it('is the meeting created last on that link, wherever it sits in the list', () => {
    const list = [row(7, 1_000), row(9, 3_000), row(8, 2_000), row(12, 9_000, { nativeMeetingId: 'abc-defg-hij' })];
    expect(newestOnLink(list, 'google_meet', 'wkl-ysyn-cmx')?.id).toBe(9);
  });

  it('skips a meeting that lost its link (G1/G2 delete) and other platforms with the same id', () => {
    const list = [row(7, 1_000), row(9, 3_000, { nativeMeetingId: null }), row(10, 4_000, { platform: 'teams' })];
    expect(newestOnLink(list, 'google_meet', 'wkl-ysyn-cmx')?.id).toBe(7);
    expect(newestOnLink([row(9, 3_000, { nativeMeetingId: null })], 'google_meet', 'wkl-ysyn-cmx')).toBeNull();
  });

  it('takes the later row when two were created at the same moment', () => {
    expect(newestOnLink([row(4, 5_000), row(5, 5_000), row(3, null)], 'google_meet', 'wkl-ysyn-cmx')?.id).toBe(5);
  });
});
