import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { TrackedMeetingView } from '../../../shared/ipc/models';
import { clipboardMeeting, trayActionRunner, type TrayActionDeps } from '../../../electron/core/desktop/trayActions';
import type { NotificationRequest } from '../../../electron/core/ports';

const LINK = 'https://meet.google.com/abc-defg-hij';

function sent(serverId: string, id: number, name: string): TrackedMeetingView {
  return {
    serverId,
    id,
    platform: 'google_meet',
    nativeId: 'abc-defg-hij',
    name,
    meetingUrl: LINK,
    status: 'requested',
    since: 0,
    history: [],
    completionReason: null,
    failureStage: null,
    outcome: null,
  };
}

function harness(over: Partial<TrayActionDeps> = {}) {
  const notes: NotificationRequest[] = [];
  const calls: string[] = [];
  let clipboard = '';
  const deps: TrayActionDeps = {
    sessions: {
      launch: async ({ link }) => {
        calls.push(`launch ${link}`);
        return sent('https://lab', 7, 'Google Meet · abc-defg-hij');
      },
      require: (serverId) => ({
        bots: {
          stop: async (id) => {
            calls.push(`stop ${serverId} ${id}`);
          },
        },
      }),
    },
    notify: (n) => void notes.push(n),
    readClipboard: async () => clipboard,
    openOverlay: async (id, serverId) => {
      calls.push(`overlay ${serverId} ${id}`);
      return 'window';
    },
    focus: (serverId, id) => void calls.push(`focus ${serverId} ${id}`),
    serverName: (serverId) => (serverId === 'https://lab' ? 'Lab' : null),
    now: () => 1,
    warn: () => {},
    ...over,
  };
  return { run: trayActionRunner(deps), notes, calls, setClipboard: (t: string) => void (clipboard = t) };
}

describe('what a tray press does', () => {
  it('sends a bot to the link shown, from the server Launch would pick, and says so in a notification that opens the meeting', async () => {
    const { run, notes, calls } = harness();
    await run({ kind: 'send', link: LINK });
    expect(calls).toEqual([`launch ${LINK}`]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ title: 'Lab: Bot sent', serverId: 'https://lab', meetingId: 7 });
    expect(notes[0]!.body).toMatch(/^Google Meet · abc-defg-hij: the bot is joining/);
    notes[0]!.onClick?.();
    expect(calls).toEqual([`launch ${LINK}`, 'focus https://lab 7']);
  });

  it('reads the clipboard at the click when the menu had not read it, and sends nothing for text that is no meeting link', async () => {
    const { run, notes, calls, setClipboard } = harness();
    setClipboard('vxa_tx_secret_key_not_a_link');
    await run({ kind: 'send', link: null });
    expect(calls).toEqual([]);
    expect(notes[0]).toMatchObject({ title: 'No bot was sent' });
    expect(notes[0]!.body).toMatch(/The clipboard holds no meeting link/);
    expect(JSON.stringify(notes)).not.toContain('vxa_tx_secret');
    setClipboard(`  ${LINK}\n`);
    await run({ kind: 'send', link: null });
    expect(calls).toEqual([`launch ${LINK}`]);
  });

  it('says why when the server refuses the bot', async () => {
    const { run, notes } = harness({
      sessions: {
        launch: async () => {
          throw new UserFacingError('already_active', 'A bot is already in this meeting.');
        },
        require: () => ({ bots: { stop: async () => {} } }),
      },
    });
    await run({ kind: 'send', link: LINK });
    expect(notes.map((n) => [n.title, n.body])).toEqual([['No bot was sent', 'A bot is already in this meeting.']]);
  });

  it('stops the bot on its own server, and names that server when the stop fails', async () => {
    const { run, calls } = harness();
    await run({ kind: 'stop', serverId: 'https://lab', meetingId: 7 });
    expect(calls).toEqual(['stop https://lab 7']);

    const failing = harness({
      sessions: {
        launch: async () => sent('x', 1, 'x'),
        require: () => ({
          bots: {
            stop: async () => {
              throw new UserFacingError('not_found', 'This meeting is no longer in the list.');
            },
          },
        }),
      },
    });
    await failing.run({ kind: 'stop', serverId: 'https://lab', meetingId: 7 });
    expect(failing.notes.map((n) => [n.title, n.body])).toEqual([
      ['Lab: The bot was not stopped', 'This meeting is no longer in the list.'],
    ]);
  });

  it('opens the caption overlay, and shows the meeting where the overlay is a panel of the page', async () => {
    const { run, calls } = harness();
    await run({ kind: 'overlay', serverId: 'https://lab', meetingId: 7 });
    expect(calls).toEqual(['overlay https://lab 7']);
    const panel = harness({ openOverlay: async () => 'panel' });
    await panel.run({ kind: 'overlay', serverId: 'https://lab', meetingId: 7 });
    expect(panel.calls).toEqual(['focus https://lab 7']);
  });

  it('names a clipboard meeting as the app names a sent one, and nothing else', () => {
    expect(clipboardMeeting(LINK)).toBe('Google Meet · abc-defg-hij');
    expect(clipboardMeeting('https://example.com/abc-defg-hij')).toBeNull();
    expect(clipboardMeeting('4155550123')).toBeNull();
    expect(clipboardMeeting('')).toBeNull();
  });
});
