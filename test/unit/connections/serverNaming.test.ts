import { describe, expect, it } from 'vitest';
import { serverNameToShow, titled, trayContent } from '../../../electron/core/meetings/serverNaming';
import type { TrackedMeeting } from '../../../electron/core/meetings/tracker';

const meeting = (id: number, name: string, status: TrackedMeeting['status']): TrackedMeeting => ({
  id,
  platform: 'google_meet',
  nativeId: 'abc-defg-hij',
  name,
  meetingUrl: null,
  status,
  since: 0,
  history: [{ status, at: 0 }],
  completionReason: null,
  failureStage: null,
  outcome: null,
});
const FSI = '\u2068';
const PDI = '\u2069';

describe('naming the server in notifications and the tray', () => {
  const one = [{ id: 'a', label: 'Lab server', removed: false }];
  const two = [...one, { id: 'b', label: 'Cloud', removed: false }];

  it('names none while one server exists, a removed one not counted', () => {
    expect(serverNameToShow(one, 'a')).toBeNull();
    expect(serverNameToShow([...one, { id: 'b', label: 'Old', removed: true }], 'a')).toBeNull();
    expect(serverNameToShow(two, 'a')).toBe('Lab server');
    expect(serverNameToShow(two, 'b')).toBe('Cloud');
  });

  it('puts the label before the title, isolated so a right-to-left label cannot reorder it', () => {
    expect(titled('The bot is waiting in the lobby', null)).toBe('The bot is waiting in the lobby');
    expect(titled('The bot is waiting in the lobby', 'Lab server')).toBe('Lab server: The bot is waiting in the lobby');
    expect(titled('The bot was admitted', 'שרת המעבדה')).toBe(`${FSI}שרת המעבדה${PDI}: The bot was admitted`);
    expect(titled('Transcript ready', '\u202Eevil')).toBe(`${FSI}\u202Eevil\u202C${PDI}: Transcript ready`);
  });

  it('reads as before with one server', () => {
    const tray = trayContent([{ serverId: 'a', label: null, meetings: [meeting(7, 'Weekly', 'awaiting_admission')] }]);
    expect(tray.state).toBe('attention');
    expect(tray.tooltip).toBe('Vexa Companion: a bot is waiting to be admitted');
    expect(tray.lines).toEqual([{ label: 'Weekly: Waiting in the lobby', serverId: 'a', meetingId: 7 }]);
  });

  it('names each meeting’s server, and where bots wait, with several', () => {
    const tray = trayContent([
      { serverId: 'a', label: 'Lab', meetings: [meeting(7, 'Weekly', 'awaiting_admission')] },
      { serverId: 'b', label: 'Cloud', meetings: [meeting(7, 'Board', 'active'), meeting(8, 'Retro', 'awaiting_admission')] },
    ]);
    const rtl = trayContent([
      { serverId: 'a', label: '\u202Eevil', meetings: [meeting(7, 'Weekly', 'active')] },
      { serverId: 'b', label: 'Cloud', meetings: [] },
    ]);
    expect(rtl.lines[0]!.label.startsWith(`${FSI}\u202Eevil\u202C${PDI} · `)).toBe(true);
    expect(tray.state).toBe('attention');
    expect(tray.tooltip).toBe('Vexa Companion: 2 bots are waiting to be admitted on Lab and Cloud');
    expect(tray.lines.map((l) => [l.serverId, l.meetingId])).toEqual([
      ['a', 7],
      ['b', 7],
      ['b', 8],
    ]);
    expect(tray.lines[1]!.label).toBe('Cloud · Board: Transcribing');
  });

  it('is idle with nothing in flight', () => {
    expect(trayContent([]).state).toBe('idle');
    expect(trayContent([{ serverId: 'a', label: 'Lab', meetings: [] }]).tooltip).toBe('Vexa Companion');
  });
});
