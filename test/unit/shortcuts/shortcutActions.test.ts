import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { TrackedMeetingView } from '../../../shared/ipc/models';
import { createShortcutActions, overlayToggle, type ShortcutActionDeps } from '../../../electron/core/shortcuts/shortcutActions';
import type { NotificationRequest } from '../../../electron/core/ports';

const meeting = (serverId: string, id: number, status: TrackedMeetingView['status'], name = `Meeting ${id}`): TrackedMeetingView => ({
  serverId,
  id,
  platform: 'google_meet',
  nativeId: `abc-defg-hi${id}`,
  name,
  meetingUrl: null,
  status,
  since: 0,
  history: [],
  completionReason: null,
  failureStage: null,
  outcome: null,
});

describe('overlayToggle', () => {
  const live = [meeting('a', 1, 'active'), meeting('b', 1, 'active'), meeting('a', 2, 'awaiting_admission')];

  it('an open overlay closes', () => {
    expect(overlayToggle({ overlayOpen: true, inView: null, followed: live, keys: 'K' })).toEqual({ kind: 'close' });
  });

  it('opens for the live meeting in view (the server decides which meeting 1)', () => {
    expect(overlayToggle({ overlayOpen: false, inView: { serverId: 'b', meetingId: 1 }, followed: live, keys: 'K' })).toEqual({
      kind: 'open',
      meeting: live[1],
    });
  });

  it('a meeting in view that is not live does not count; the only live one is taken', () => {
    const followed = [meeting('a', 1, 'active'), meeting('a', 2, 'awaiting_admission')];
    expect(overlayToggle({ overlayOpen: false, inView: { serverId: 'a', meetingId: 2 }, followed, keys: 'K' })).toEqual({
      kind: 'open',
      meeting: followed[0],
    });
  });

  it('several live and none in view: says how to choose; none live: says so', () => {
    expect(overlayToggle({ overlayOpen: false, inView: null, followed: live, keys: 'Ctrl+Alt+Shift+T' })).toEqual({
      kind: 'tell',
      title: 'Which meeting’s captions?',
      body: '2 meetings are live. Open the one you want on the Live screen, then press Ctrl+Alt+Shift+T again.',
    });
    expect(overlayToggle({ overlayOpen: false, inView: null, followed: [meeting('a', 2, 'completed')], keys: 'K' })).toMatchObject({
      kind: 'tell',
      title: 'No live meeting',
    });
  });
});

function deps(over: Partial<ShortcutActionDeps> = {}) {
  const notes: NotificationRequest[] = [];
  const events: Array<[string, unknown]> = [];
  const launched: string[] = [];
  let clip = '';
  let open = false;
  const overlayCalls: string[] = [];
  const d: ShortcutActionDeps = {
    clipboard: { readText: async () => clip, writeText: async (t) => void (clip = t) },
    launch: async (link) => {
      launched.push(link);
      return meeting('https://lab.example', 7, 'requested', 'Weekly sync');
    },
    launchTargetOf: () => 'https://lab.example',
    followed: () => [meeting('https://lab.example', 7, 'active')],
    servers: () => [
      { id: 'https://lab.example', label: 'Lab', removed: false },
      { id: 'demo', label: 'Demo', removed: false },
    ],
    notifier: { notify: (n) => void notes.push(n) },
    overlays: {
      open: async (id, serverId) => {
        overlayCalls.push(`open ${serverId} ${id}`);
        open = true;
        return 'window';
      },
      close: async () => {
        overlayCalls.push('close');
        open = false;
      },
      resize: async () => {},
    },
    overlayOpen: () => open,
    inView: () => null,
    keysOf: () => 'Ctrl+Alt+Shift+B',
    emit: (event, payload) => void events.push([event, payload]),
    showApp: () => void events.push(['showApp', null]),
    clock: { now: () => 1, setTimeout: () => ({ cancel() {} }) },
    ...over,
  };
  return { d, notes, events, launched, overlayCalls, setClip: (t: string) => void (clip = t) };
}

describe('the shortcut actions', () => {
  it('send: a meeting link on the clipboard sends a bot and says so, naming the server; a click shows the meeting', async () => {
    const t = deps();
    t.setClip('  https://meet.google.com/abc-defg-hij  ');
    await createShortcutActions(t.d).sendBot();
    expect(t.launched).toEqual(['https://meet.google.com/abc-defg-hij']);
    expect(t.notes).toHaveLength(1);
    expect(t.notes[0]).toMatchObject({ title: 'Lab: Bot sent', body: expect.stringContaining('Weekly sync: the bot is on its way') });
    t.notes[0]?.onClick?.();
    expect(t.events).toEqual([['ui:focusMeeting', { serverId: 'https://lab.example', meetingId: 7 }]]);
  });

  it('send: anything else on the clipboard sends nothing and says what to copy, never repeating the clipboard', async () => {
    const t = deps();
    t.setClip('vxa_secret_key_123');
    await createShortcutActions(t.d).sendBot();
    expect(t.launched).toEqual([]);
    expect(t.notes[0]).toMatchObject({
      title: 'No meeting link on the clipboard',
      body: expect.stringContaining('then press Ctrl+Alt+Shift+B again'),
    });
    expect(JSON.stringify(t.notes)).not.toContain('vxa_secret');
  });

  it('send: a refusal (no server connected, the server said no) is said with its reason', async () => {
    const t = deps({
      launch: async () => {
        throw new UserFacingError('not_connected', 'Connect to a Vexa server first (or try the demo).');
      },
    });
    t.setClip('https://meet.google.com/abc-defg-hij');
    await createShortcutActions(t.d).sendBot();
    expect(t.notes[0]).toMatchObject({ title: 'Lab: No bot was sent', body: 'Connect to a Vexa server first (or try the demo).' });
  });

  it('overlay: opens for the only live meeting, tells the window, and the next press closes it', async () => {
    const t = deps();
    const actions = createShortcutActions(t.d);
    await actions.toggleOverlay();
    await actions.toggleOverlay();
    expect(t.overlayCalls).toEqual(['open https://lab.example 7', 'close']);
    expect(t.events).toEqual([
      ['overlay:changed', { overlay: { serverId: 'https://lab.example', meetingId: 7, mode: 'window' } }],
      ['overlay:changed', { overlay: null }],
    ]);
  });

  it('overlay: with no live meeting, a notification says so and nothing opens', async () => {
    const t = deps({ followed: () => [] });
    await createShortcutActions(t.d).toggleOverlay();
    expect(t.overlayCalls).toEqual([]);
    expect(t.notes[0]?.title).toBe('No live meeting');
  });

  it('front: the shell brings the window forward', async () => {
    const t = deps();
    await createShortcutActions(t.d).showApp();
    expect(t.events).toEqual([['showApp', null]]);
  });
});
