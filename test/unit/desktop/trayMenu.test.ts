import { trayUpcomingLabel } from '../../../electron/core/meetings/trayText';
import { isolate } from '../../../shared/bidi';
import { describe, expect, it } from 'vitest';
import { SEND_FROM_CLIPBOARD, trayMenuModel, type TrayEntry } from '../../../electron/core/desktop/trayMenu';
import type { ServerMeetings } from '../../../electron/core/meetings/serverNaming';
import type { TrackedMeeting } from '../../../electron/core/meetings/tracker';
import type { MeetingStatus } from '../../../shared/vexa/types';

function meeting(id: number, name: string, status: MeetingStatus): TrackedMeeting {
  return {
    id,
    platform: 'google_meet',
    nativeId: name,
    name,
    meetingUrl: null,
    status,
    since: 0,
    history: [{ status, at: 0 }],
    completionReason: null,
    failureStage: null,
    outcome: null,
  };
}

const one = (...meetings: TrackedMeeting[]): ServerMeetings[] => [{ serverId: 'https://a', label: null, meetings }];
/** What a person sees: the label, greyed out or not, separators as "-". */
const shown = (entries: TrayEntry[]) =>
  entries.map((e) => (e.kind === 'separator' ? '-' : e.kind === 'item' && e.enabled ? e.label : `(${e.label})`));
const link = 'https://meet.google.com/abc-defg-hij';

describe('the tray menu model', () => {
  it('offers the clipboard meeting by name, then each bot with its state and Stop, and the overlay only while it transcribes', () => {
    const entries = trayMenuModel({
      groups: one(meeting(2, 'Google Meet · lobby-one', 'awaiting_admission'), meeting(1, 'Google Meet · live-one', 'active')),
      clipboard: { state: 'link', link, meeting: 'Google Meet · abc-defg-hij', serverLabel: null },
      canSend: true,
    });
    expect(shown(entries)).toEqual([
      'Send bot to Google Meet · abc-defg-hij',
      '-',
      'Google Meet · lobby-one: Waiting in the lobby',
      'Stop the bot in Google Meet · lobby-one',
      'Google Meet · live-one: Transcribing',
      'Stop the bot in Google Meet · live-one',
      'Open caption overlay for Google Meet · live-one',
    ]);
    const actions = entries.flatMap((e) => (e.kind === 'item' ? [e.action] : []));
    expect(actions).toEqual([
      { kind: 'send', link },
      { kind: 'focus', serverId: 'https://a', meetingId: 2 },
      { kind: 'stop', serverId: 'https://a', meetingId: 2 },
      { kind: 'focus', serverId: 'https://a', meetingId: 1 },
      { kind: 'stop', serverId: 'https://a', meetingId: 1 },
      { kind: 'overlay', serverId: 'https://a', meetingId: 1 },
    ]);
  });

  it('leaves the send entry out when the clipboard holds no meeting link, and reads it at the click while it is not read yet', () => {
    const groups = one(meeting(1, 'Standup', 'joining'));
    expect(shown(trayMenuModel({ groups, clipboard: { state: 'none' }, canSend: true }))).toEqual([
      'Standup: Joining',
      'Stop the bot in Standup',
    ]);
    const unknown = trayMenuModel({ groups: [], clipboard: { state: 'unknown' }, canSend: true });
    expect(unknown).toEqual([{ kind: 'item', label: SEND_FROM_CLIPBOARD, enabled: true, action: { kind: 'send', link: null } }]);
  });

  it('offers no sending while no server is connected', () => {
    expect(trayMenuModel({ groups: [], clipboard: { state: 'link', link, meeting: 'x', serverLabel: null }, canSend: false })).toEqual([]);
  });

  it('greys out Stop while the bot is already leaving', () => {
    const entries = trayMenuModel({ groups: one(meeting(1, 'Standup', 'stopping')), clipboard: { state: 'none' }, canSend: true });
    expect(shown(entries)).toEqual(['Standup: Stopping', '(Stop the bot in Standup)']);
  });

  it('names the server of each bot, and the one the clipboard meeting would go to, once several are connected', () => {
    const entries = trayMenuModel({
      groups: [
        { serverId: 'https://lab', label: 'Lab', meetings: [meeting(7, 'Standup', 'active')] },
        { serverId: 'https://cloud', label: 'Cloud', meetings: [meeting(7, 'Retro', 'awaiting_admission')] },
      ],
      clipboard: { state: 'link', link, meeting: 'Google Meet · abc-defg-hij', serverLabel: 'Cloud' },
      canSend: true,
    });
    expect(shown(entries)).toEqual([
      'Send bot to Google Meet · abc-defg-hij from Cloud',
      '-',
      'Lab · Standup: Transcribing',
      'Stop the bot in Lab · Standup',
      'Open caption overlay for Lab · Standup',
      'Cloud · Retro: Waiting in the lobby',
      'Stop the bot in Cloud · Retro',
    ]);
    // Both servers numbered their meeting 7: each Stop acts on its own server.
    const stops = entries.flatMap((e) => (e.kind === 'item' && e.action.kind === 'stop' ? [e.action.serverId] : []));
    expect(stops).toEqual(['https://lab', 'https://cloud']);
  });

  it('lists the scheduled bots coming up under their own heading, to read, not to press', () => {
    const lines = [trayUpcomingLabel('Design review', 'Tue 14:30', true), trayUpcomingLabel('Vendor call', 'Tue 15:00', false)];
    const entries = trayMenuModel({ groups: [], clipboard: { state: 'none' }, canSend: true, upcoming: lines });
    expect(shown(entries)).toEqual([
      '(Coming up)',
      `(Tue 14:30 · ${isolate('Design review')})`,
      `(Tue 15:00 · ${isolate('Vendor call')} (no bot: skipped))`,
    ]);
    expect(entries.every((e) => e.kind === 'info')).toBe(true);
  });
});
