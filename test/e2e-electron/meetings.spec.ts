import type { Page } from '@playwright/test';
import { TRAY_QUIT_LABEL, TRAY_SHOW_LABEL } from '../../electron/main/shell/trayView';
import { expect, requiresElectron, test } from './fixture';
import {
  clickNotification,
  clickTrayItem,
  hideMainWindow,
  hoverTray,
  keptNotifications,
  mainWindowState,
  notifications,
  setClipboard,
  trayLabels,
  trayState,
} from './mainProcess';
import { captionList, confirmedCaptions, connect, goTo, lobbyBanner, meetingCard, meetingIdOf, navButton, sendLink } from './ui';

// The desktop app against the simulator: a bot sent, waiting in the lobby, admitted and
// transcribing, as the window, the tray and the OS notifications show it.

const FIRST = 'abc-defg-hij';
const SECOND = 'klm-nopq-rst';
const link = (nativeId: string) => `https://meet.google.com/${nativeId}`;
/** How the app names a meeting sent from a Google Meet link (botService.ts). */
const meetingName = (nativeId: string) => `Google Meet · ${nativeId}`;

/** The members of a caption element read here (this project compiles without the DOM library). */
interface SegmentNode {
  dataset: Record<string, string | undefined>;
  textContent: string | null;
}

/** The confirmed lines in view, with the server's segment id each was drawn from. */
const confirmedOnScreen = (window: Page) =>
  confirmedCaptions(window).evaluateAll((segments) =>
    segments.map((s) => {
      const node = s as unknown as SegmentNode;
      return { key: node.dataset.key ?? '', text: node.textContent ?? '' };
    }),
  );

test.describe('Meetings in the desktop app', () => {
  requiresElectron();

  test('a bot is sent, waits in the lobby, is admitted, and its live captions appear', async ({ desktop }) => {
    const server = await desktop.startServer({ scenario: 'lobby-wait', timeScale: 5 });
    const { window } = await desktop.launch();
    await connect(window, server);

    await sendLink(window, link(FIRST));
    const card = meetingCard(window, FIRST);
    const id = await meetingIdOf(card);
    await expect(lobbyBanner(window, FIRST)).toContainText('Admit it in the meeting.');
    await expect(card).toHaveAttribute('data-status', 'awaiting_admission');

    server.simulator.admit(id);
    await expect(card).toHaveAttribute('data-status', 'active');
    await expect(lobbyBanner(window, FIRST)).toHaveCount(0);
    await card.getByRole('button', { name: 'Open live captions' }).click();
    await expect(window.getByRole('heading', { level: 1, name: 'Live' })).toBeVisible();
    await expect.poll(() => captionList(window).locator('li.caption-turn').count()).toBeGreaterThanOrEqual(2);
    // Every confirmed line on screen is the server's line of that id, word for word.
    await expect.poll(async () => (await confirmedOnScreen(window)).length).toBeGreaterThanOrEqual(2);
    const shown = await confirmedOnScreen(window);
    const truth = new Map(server.simulator.truth(id).map((s) => [s.segment_id, s.text.trim()]));
    expect(shown.map((s) => truth.get(s.key))).toEqual(shown.map((s) => s.text));
  });

  test('the tray shows idle, a bot at work, then a bot waiting in the lobby; a meeting item opens that meeting', async ({ desktop }) => {
    // Slow enough that the first meeting is still talking when the second one waits in the lobby.
    const server = await desktop.startServer({ scenario: 'lobby-wait', timeScale: 2 });
    const { app, window } = await desktop.launch();
    // The tray is there from the start (an app started at login waits in it), idle.
    await expect.poll(() => trayState(app)).toEqual({ state: 'idle', tooltip: 'Vexa Companion' });
    await connect(window, server);
    // An empty clipboard: the tray's quick action (desktop.spec.ts) offers nothing to send.
    await setClipboard(app, '');
    await hoverTray(app);
    await expect.poll(() => trayLabels(app)).toEqual([TRAY_SHOW_LABEL, TRAY_QUIT_LABEL]);

    await sendLink(window, link(FIRST));
    server.simulator.admit(await meetingIdOf(meetingCard(window, FIRST)));
    await expect.poll(() => trayState(app)).toEqual({ state: 'active', tooltip: 'Vexa Companion: transcribing a meeting' });
    expect(await trayLabels(app)).toContain(`${meetingName(FIRST)}: Transcribing`);

    await sendLink(window, link(SECOND));
    const second = meetingCard(window, SECOND);
    const secondId = await meetingIdOf(second);
    // A bot in the lobby outranks one at work: that is the one the person must act on.
    await expect.poll(() => trayState(app)).toEqual({ state: 'attention', tooltip: 'Vexa Companion: a bot is waiting to be admitted' });
    const waiting = `${meetingName(SECOND)}: Waiting in the lobby`;
    // Newest first, then the app's own entries.
    expect(await trayLabels(app)).toEqual([
      waiting,
      `Stop the bot in ${meetingName(SECOND)}`,
      `${meetingName(FIRST)}: Transcribing`,
      `Stop the bot in ${meetingName(FIRST)}`,
      `Open caption overlay for ${meetingName(FIRST)}`,
      '-',
      TRAY_SHOW_LABEL,
      TRAY_QUIT_LABEL,
    ]);

    // From the tray, with the window hidden as after closing it: the item brings it back on that meeting.
    await goTo(window, 'Library');
    await expect(second).toHaveCount(0);
    await hideMainWindow(app);
    await expect.poll(() => mainWindowState(app)).toEqual({ count: 1, visible: false, minimized: false });
    expect(await clickTrayItem(app, waiting)).toBe(true);
    await expect.poll(() => mainWindowState(app)).toEqual({ count: 1, visible: true, minimized: false });
    await expect(navButton(window, 'Launch')).toHaveAttribute('aria-current', 'page');
    await expect(second).toBeFocused();

    server.simulator.admit(secondId);
    await expect.poll(() => trayState(app)).toEqual({ state: 'active', tooltip: 'Vexa Companion: transcribing 2 meetings' });
  });

  test('a bot in the lobby raises a notification naming the meeting; clicking it brings the hidden window back on that meeting', async ({
    desktop,
  }) => {
    const server = await desktop.startServer({ scenario: 'lobby-wait', timeScale: 20 });
    const { app, window } = await desktop.launch();
    await connect(window, server);
    await sendLink(window, link(FIRST));
    const card = meetingCard(window, FIRST);
    const id = await meetingIdOf(card);
    const lobbyAlert = {
      // Unique per server: two servers may both have this meeting id.
      id: `${id}:lobby@${server.url}`,
      title: 'The bot is waiting in the lobby',
      body: `${meetingName(FIRST)}: Admit the bot in the waiting room.`,
    };
    await expect.poll(() => notifications(app)).toEqual([lobbyAlert]);

    // The person is elsewhere: another screen, and the window out of sight.
    await goTo(window, 'Library');
    await hideMainWindow(app);
    await expect.poll(() => mainWindowState(app)).toEqual({ count: 1, visible: false, minimized: false });

    const clicked = await clickNotification(app, lobbyAlert.id);
    if (!clicked) {
      // Only a notification the OS showed can be clicked: macOS refuses them to an app the user
      // has not allowed (Electron 42+ uses UNNotification, electron/electron#47817). Said, not hidden.
      const refusal = desktop
        .readLog()
        .split('\n')
        .find((l) => l.includes('A notification could not be shown'));
      test.skip(refusal !== undefined, `The OS refused the lobby notification, so there was nothing to click: ${refusal}`);
    }
    expect(clicked).toBe(true);
    await expect.poll(() => mainWindowState(app)).toEqual({ count: 1, visible: true, minimized: false });
    await expect(navButton(window, 'Launch')).toHaveAttribute('aria-current', 'page');
    await expect(card).toBeFocused();
    // A clicked notification is let go: nothing is left whose click would do it twice.
    expect(await keptNotifications(app)).not.toContain(lobbyAlert.id);
  });
});
