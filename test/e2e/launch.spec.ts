import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { launchApp, type LaunchedApp, type LaunchOptions } from './support/app';
import {
  alertsFor,
  apiLabels,
  connect,
  linkField,
  lobbyBanner,
  meetingCard,
  meetingIdOf,
  sendLink,
  simulatorMeetingCount,
  snap,
} from './support/launch';

// Simulated seconds run 50x faster: the bot reaches the lobby in about a tenth of a second.
const FAST = 50;

let app: LaunchedApp | null = null;

async function start(page: Page, options: LaunchOptions): Promise<LaunchedApp> {
  app = await launchApp({ timeScale: FAST, ...options });
  await connect(page, app);
  return app;
}

test.afterEach(async () => {
  await app?.close();
  app = null;
});

const MEET_ID = 'abc-defg-hij';
const MEET_LINK = `https://meet.google.com/${MEET_ID}`;

for (const profile of ['g1', 'g2', 'g3'] as const) {
  test(`on a ${apiLabels[profile]} server a bot is sent, waits in the lobby with one alert, is admitted, and stops`, async ({
    page,
  }, testInfo) => {
    const app = await start(page, { profile, scenario: 'lobby-wait' });

    await expect(linkField(page)).toBeFocused();
    await linkField(page).fill(MEET_LINK);
    await expect(page.getByText(`Google Meet · ${MEET_ID}`, { exact: true })).toBeVisible();
    await snap(page, testInfo, `launch-${profile}`);
    await linkField(page).press('Enter');

    const card = meetingCard(page, MEET_ID);
    await expect(card).toBeVisible();
    const id = await meetingIdOf(card);
    await expect(linkField(page)).toHaveValue('');

    const banner = lobbyBanner(page, MEET_ID);
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('Admit it in the meeting.');
    await expect(banner).toContainText(/In the lobby for \d+:\d\d/);
    await expect(card).toHaveAttribute('data-status', 'awaiting_admission');
    await expect(card.getByRole('list', { name: 'Status history' })).toContainText('Joining');
    await expect.poll(() => app.ports.tray.last?.state).toBe('attention');
    await expect.poll(() => alertsFor(app, id).map((a) => a.title)).toEqual(['The bot is waiting in the lobby']);
    expect(alertsFor(app, id)[0]?.body).toContain('Admit the bot in the waiting room');
    await snap(page, testInfo, `lobby-banner-${profile}`);

    await banner.getByRole('button', { name: 'Open meeting' }).click();
    await expect.poll(() => app.ports.opener.opened.some((url) => url.includes(MEET_ID))).toBe(true);

    app.simulator.admit(id);
    await expect(card).toHaveAttribute('data-status', 'active');
    await expect(card).toContainText('Transcribing');
    await expect(banner).toHaveCount(0);
    await expect.poll(() => app.ports.tray.last?.state).toBe('active');
    await expect.poll(() => alertsFor(app, id).map((a) => a.title)).toEqual(['The bot is waiting in the lobby', 'The bot was admitted']);
    await snap(page, testInfo, `active-${profile}`);

    await card.getByRole('button', { name: /Stop the bot/ }).click();
    // A stop waits a few seconds for Undo; "Stop now" skips the wait.
    await card.getByRole('button', { name: /^Stop the bot in .* now$/ }).click();
    await expect(card).toHaveAttribute('data-status', 'completed');
    await expect(card.locator('.meeting-outcome')).toHaveText(/stopped/i);
    await expect.poll(() => app.ports.tray.last?.state).toBe('idle');
    await snap(page, testInfo, `completed-${profile}`);
    // Exactly one lobby alert and one admission alert, whatever else the meeting's end adds.
    const titles = alertsFor(app, id).map((a) => a.title);
    expect(titles.filter((t) => t === 'The bot is waiting in the lobby')).toHaveLength(1);
    expect(titles.filter((t) => t === 'The bot was admitted')).toHaveLength(1);

    await card.getByRole('button', { name: /Dismiss/ }).click();
    await expect(card).toHaveCount(0);
  });
}

test('a link that is not a meeting link is explained and nothing is sent', async ({ page }, testInfo) => {
  const app = await start(page, { profile: 'g3' });
  const before = await simulatorMeetingCount(app);

  await linkField(page).fill('https://calendar.google.com/calendar/u/0/r/eventedit/abc123');
  const hint = page.locator('.link-detection');
  await expect(hint).not.toHaveText('');
  const sentence = (await hint.textContent()) ?? '';
  expect(sentence).toMatch(/calendar/i);
  await expect(linkField(page)).not.toHaveAttribute('aria-invalid', 'true');

  await linkField(page).press('Enter');
  await expect(linkField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: sentence })).toBeVisible();
  await snap(page, testInfo, 'launch-bad-link');
  expect(await simulatorMeetingCount(app)).toBe(before);
  await expect(page.getByRole('article')).toHaveCount(0);
});

test('a second bot for the same meeting is refused and "Show it" brings the first one into view', async ({ page }, testInfo) => {
  await start(page, { profile: 'g3', scenario: 'lobby-wait' });
  await sendLink(page, MEET_LINK);
  const card = meetingCard(page, MEET_ID);
  await expect(card).toHaveAttribute('data-status', 'awaiting_admission');

  await sendLink(page, MEET_LINK);
  const refusal = page.getByText(/A bot is already in this meeting/);
  await expect(refusal).toBeVisible();
  const showIt = page.getByRole('button', { name: 'Show it' });
  await expect(showIt).toBeFocused();
  await snap(page, testInfo, 'launch-already-active');
  await page.keyboard.press('Enter');
  await expect(card).toBeFocused();
  await expect(page.getByRole('article')).toHaveCount(1);
});

test('with Do not disturb on, the lobby raises no OS notification but the banner still shows', async ({ page }, testInfo) => {
  const app = await start(page, { profile: 'g3', scenario: 'lobby-wait' });
  await page.keyboard.press('Control+4');
  const dnd = page.getByRole('switch', { name: /Do not disturb/ });
  await dnd.check();
  await expect(dnd).toBeChecked();
  await snap(page, testInfo, 'settings-alerts');
  await page.keyboard.press('Control+1');

  await sendLink(page, MEET_LINK);
  const card = meetingCard(page, MEET_ID);
  const id = await meetingIdOf(card);
  await expect(lobbyBanner(page, MEET_ID)).toBeVisible();
  await expect.poll(() => app.ports.tray.last?.state).toBe('attention');
  expect(alertsFor(app, id)).toEqual([]);

  app.simulator.admit(id);
  await expect(card).toHaveAttribute('data-status', 'active');
  await expect.poll(() => app.ports.tray.last?.state).toBe('active');
  expect(alertsFor(app, id)).toEqual([]);
});

test('clicking the lobby notification brings its meeting into view from another screen', async ({ page }) => {
  const app = await start(page, { profile: 'g3', scenario: 'lobby-wait' });
  await sendLink(page, MEET_LINK);
  const card = meetingCard(page, MEET_ID);
  const id = await meetingIdOf(card);
  await expect.poll(() => alertsFor(app, id).length).toBe(1);

  await page.keyboard.press('Control+3');
  await expect(card).toHaveCount(0);
  app.ports.notifier.sent.find((n) => n.meetingId === id && n.id.startsWith(`${id}:lobby`))?.onClick?.();
  await expect(card).toBeFocused();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Launch/ })).toHaveAttribute(
    'aria-current',
    'page',
  );
});

test('a bot that takes more than a minute to join is flagged with a way to cancel it', async ({ page }, testInfo) => {
  // Real simulated time, so the bot is still on its way when the server stops answering.
  app = await launchApp({ profile: 'g3', scenario: 'lobby-wait', timeScale: 1 });
  await page.clock.install({ time: Date.now() });
  await connect(page, app);
  await sendLink(page, MEET_LINK);
  const card = meetingCard(page, MEET_ID);
  await expect(card).toHaveAttribute('data-status', /requested|joining/);
  // The server goes quiet: no frames and no polls move the bot on.
  app.simulator.setFault({ status: 503, body: JSON.stringify({ detail: 'Service unavailable' }) });
  await page.clock.fastForward(61_000);

  const warning = card.getByText(/The bot is taking longer than usual to join \(1:0\d\)/);
  await expect(warning).toBeVisible();
  await snap(page, testInfo, 'launch-slow-join');
  app.simulator.setFault(null);
  await card.getByRole('button', { name: 'Cancel' }).click();
  await expect(warning).toHaveCount(0);
  await expect(card).not.toHaveAttribute('data-status', /requested|joining/);
});
