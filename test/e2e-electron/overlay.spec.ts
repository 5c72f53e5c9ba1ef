import type { Page } from '@playwright/test';
import { expect, requiresElectron, test, type TestServer } from './fixture';
import { overlayState } from './mainProcess';
import { captionList, connect, goTo, meetingCard, meetingIdOf, sendLink } from './ui';

// The caption overlay: its own small window, on top of the meeting, never taking the keyboard;
// one at a time, moved to another meeting in place, closed from its own bar.

const FIRST = 'abc-defg-hij';
const SECOND = 'klm-nopq-rst';

/** Sends a bot, lets it in and opens its live captions. */
async function openLiveMeeting(window: Page, server: TestServer, nativeId: string): Promise<number> {
  await goTo(window, 'Launch');
  await sendLink(window, `https://meet.google.com/${nativeId}`);
  const card = meetingCard(window, nativeId);
  const id = await meetingIdOf(card);
  server.simulator.admit(id);
  await expect(card).toHaveAttribute('data-status', 'active');
  await card.getByRole('button', { name: 'Open live captions' }).click();
  await expect(window.getByRole('heading', { level: 2, name: new RegExp(nativeId) })).toBeVisible();
  await expect.poll(() => captionList(window).locator('li.caption-turn').count()).toBeGreaterThanOrEqual(2);
  return id;
}

const overlayIn = (page: Page) => page.getByRole('complementary', { name: /^Caption overlay/ });
const overlayLines = (page: Page) => overlayIn(page).locator('.caption-overlay-lines li');

test.describe('The caption overlay window', () => {
  requiresElectron();

  test('opens on top without taking focus, moves to another meeting in place, and closes', async ({ desktop }) => {
    const server = await desktop.startServer({ scenario: 'lobby-wait', timeScale: 10 });
    const { app, window } = await desktop.launch();
    await connect(window, server);
    const first = await openLiveMeeting(window, server, FIRST);

    const opened = app.waitForEvent('window');
    await window.getByRole('button', { name: 'Overlay', exact: true }).click();
    const overlay = await opened;
    await expect(overlay).toHaveURL(new RegExp(`#/overlay/${first}/[^/]+$`));
    await expect(overlayIn(overlay)).toHaveAccessibleName(new RegExp(FIRST));
    await expect.poll(() => overlayLines(overlay).count()).toBeGreaterThan(0);
    const shown = await overlayState(app);
    expect(shown).toMatchObject({ meetingId: first, windowCount: 2, window: { visible: true, alwaysOnTop: true, focused: false } });
    // The overlay route shows the overlay alone, not the app around it.
    await expect(overlay.getByRole('navigation', { name: 'Main' })).toHaveCount(0);

    // A second meeting, stopped after a few lines so that what it said is final, then the overlay
    // is asked for it: the same window, now showing that meeting's last words.
    const second = await openLiveMeeting(window, server, SECOND);
    await window.getByRole('button', { name: /^Stop bot \(/ }).click();
    await expect(window.locator('.captions-header')).toContainText(/Stopped|Completed/);
    const lastWords = server.simulator.truth(second).at(-1)?.text.trim() ?? '';
    expect(lastWords).not.toBe('');
    await window.getByRole('button', { name: 'Overlay', exact: true }).click();
    await expect(overlay).toHaveURL(new RegExp(`#/overlay/${second}/[^/]+$`));
    await expect(overlayIn(overlay)).toHaveAttribute('data-meeting-id', String(second));
    await expect(overlayIn(overlay)).toHaveAccessibleName(new RegExp(SECOND));
    await expect(overlayLines(overlay).last()).toContainText(lastWords);
    expect(await overlayState(app)).toMatchObject({ meetingId: second, windowCount: 2, window: { id: shown.window?.id } });
    expect(app.windows()).toHaveLength(2);

    await overlayIn(overlay).getByRole('button', { name: 'Close the caption overlay' }).click();
    await expect.poll(() => overlay.isClosed()).toBe(true);
    await expect.poll(() => overlayState(app)).toEqual({ meetingId: null, windowCount: 1, window: null });
  });
});
