import { describe, expect, it } from 'vitest';
import type { LibraryMeeting } from '../../../electron/core/cache';
import { knownMeetingName } from '../../../electron/core/share/meetingName';

// The window's export requests carry ids; the core finds the name the person sees.
const rows = new Map<string, { localId: number; name: string | null }>([
  ['https://a.example|7', { localId: 1, name: 'Weekly sync, renamed here' }],
  ['https://a.example|8', { localId: 2, name: null }],
  ['https://b.example|7', { localId: 3, name: 'Board meeting' }],
]);
const library = {
  localId: async (serverId: string, remoteId: number) => rows.get(`${serverId}|${remoteId}`)?.localId ?? null,
  meeting: async (id: number) => {
    const row = [...rows.values()].find((r) => r.localId === id);
    return row ? ({ name: row.name } as LibraryMeeting) : null;
  },
};
const sources = {
  library,
  activeServerId: () => 'https://a.example',
  followed: (serverId: string, id: number) => (serverId === 'https://a.example' && (id === 8 || id === 9) ? `Followed ${id}` : null),
};
const ref = (meetingId: number, serverId?: string) => ({ meetingId, platform: 'google_meet', nativeMeetingId: 'abc-defg-hij', serverId });

describe('the name of a meeting, looked up from its ids', () => {
  it('is the library’s name, on the meeting’s own server', async () => {
    expect(await knownMeetingName(ref(7), sources)).toBe('Weekly sync, renamed here');
    expect(await knownMeetingName(ref(7, 'https://b.example'), sources)).toBe('Board meeting');
  });

  it('is a followed meeting’s name when the library has none, only on the meeting’s own server', async () => {
    expect(await knownMeetingName(ref(8), sources)).toBe('Followed 8');
    expect(await knownMeetingName(ref(9), sources)).toBe('Followed 9');
    expect(await knownMeetingName(ref(9, 'https://b.example'), sources)).toBeNull();
  });

  it('is unknown with no server to look in', async () => {
    expect(await knownMeetingName(ref(7), { ...sources, activeServerId: () => null })).toBeNull();
  });
});
