import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { launchApp, type LaunchedApp } from './support/app';
import { connect, linkField, lobbyBanner, meetingCard, sendLink } from './support/launch';

// How the app behaves when a person uses it as they would: the keys land where they say, lists tell
// the truth about the bots, search finds what the list shows, and nothing ends with no way back.

let app: LaunchedApp | null = null;

test.afterEach(async () => {
  await app?.close();
  app = null;
});

const nav = (page: Page, name: RegExp): Promise<void> =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
const meetingList = (page: Page): Locator => page.getByRole('list', { name: 'Meetings' });
const search = (page: Page): Locator => page.getByRole('combobox', { name: 'Search all meetings' });

test('Ctrl+K from Launch, Live and Settings focuses the library search box, even with a meeting opened before', async ({ page }) => {
  app = await launchApp({ profile: 'g3' });
  await connect(page, app);
  await nav(page, /Library/);
  await expect(meetingList(page).getByRole('listitem')).toHaveCount(3);
  // Opening a meeting and coming back makes the list restore its focus to that row next time.
  await meetingList(page)
    .getByRole('button', { name: /^June release planning/ })
    .click();
  await page.getByRole('button', { name: 'Back to library' }).click();
  await expect(meetingList(page).getByRole('button', { name: /^June release planning/ })).toBeFocused();

  for (const [key, screen] of [
    ['Control+1', 'Launch'],
    ['Control+2', 'Live'],
    ['Control+4', 'Settings'],
  ] as const) {
    await page.keyboard.press(key);
    await expect(page.getByRole('heading', { level: 1, name: screen })).toBeVisible();
    await page.keyboard.press('Control+K');
    await expect(search(page)).toBeFocused();
    // Typing goes into the search, not to a row.
    await page.keyboard.type('telemetry');
    await expect(search(page)).toHaveValue('telemetry');
    await page.keyboard.press('Escape');
    await search(page).fill('');
  }
});

test('"Running on the server" follows the bots as they start and are admitted', async ({ page }) => {
  app = await launchApp({ profile: 'g3', scenario: 'normal', timeScale: 50 });
  await connect(page, app);
  // Opened before any bot is sent: it must not keep saying "none".
  await page.getByRole('button', { name: 'Running on the server' }).click();
  await expect(page.getByText('No bot is running on the server.')).toBeVisible();
  await sendLink(page, 'https://meet.google.com/abc-defg-hij');
  await sendLink(page, 'https://meet.google.com/klm-nopq-rst');
  await expect(meetingCard(page, 'abc-defg-hij')).toHaveAttribute('data-status', 'active');
  await expect(meetingCard(page, 'klm-nopq-rst')).toHaveAttribute('data-status', 'active');
  const list = page.getByRole('list', { name: 'Bots running on the server' });
  await expect(list.getByRole('listitem', { name: /abc-defg-hij/ })).toContainText('Transcribing');
  await expect(list.getByRole('listitem', { name: /klm-nopq-rst/ })).toContainText('Transcribing');
});

test('the bot-limit list shows a bot that timed out in the lobby as ended, without a Stop button', async ({ page }) => {
  app = await launchApp({ profile: 'g3', scenario: 'lobby-timeout', timeScale: 10 });
  await connect(page, app);
  await sendLink(page, 'https://meet.google.com/abc-defg-hij');
  await expect(meetingCard(page, 'abc-defg-hij')).toHaveAttribute('data-status', 'awaiting_admission');
  app.simulator.setFault({
    status: 429,
    body: JSON.stringify({ detail: 'User has reached the maximum concurrent bot limit (1).' }),
    paths: '/bots',
    count: 1,
  });
  await sendLink(page, 'https://meet.google.com/qrs-tuvw-xyz');
  const limit = page.getByRole('group', { name: 'Bot limit reached' });
  const row = limit.getByRole('listitem', { name: /abc-defg-hij/ });
  await expect(row).toContainText('Waiting in the lobby');
  await expect(meetingCard(page, 'abc-defg-hij')).toHaveAttribute('data-status', 'failed');
  await expect(limit.getByText('Waiting in the lobby')).toHaveCount(0);
  await expect(limit.getByRole('button', { name: /Stop the bot in .*abc-defg-hij/ })).toHaveCount(0);
});

test('find in a finished transcript starts at its first match', async ({ page }) => {
  app = await launchApp({ profile: 'g3' });
  await connect(page, app);
  await nav(page, /Library/);
  await meetingList(page)
    .getByRole('button', { name: /^June release planning/ })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: /June release planning/ })).toBeVisible();
  await page.keyboard.press('Control+f');
  const find = page.getByRole('searchbox', { name: 'Find in captions' });
  await expect(find).toBeFocused();
  await find.fill('the');
  const count = page.getByRole('search').getByRole('status');
  await expect(count).toHaveText(/^1 of \d+/);
  expect(await count.textContent()).not.toMatch(/^1 of 1$/);
  await find.press('Shift+Enter');
  await expect(count).toHaveText(/^(\d+) of \1$/);
});

test('library search finds a meeting by who took part in it', async ({ page }) => {
  app = await launchApp({ profile: 'g2' });
  const patched = await fetch(`${app.simulatorUrl}/meetings/google_meet/kqv-mzrp-tdx`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', 'X-API-Key': app.apiKey },
    body: JSON.stringify({ data: { participants: ['Ingrid Bergström', 'Maya Lindqvist'] } }),
  });
  // G2 keeps participants the client sends (G3's PATCH takes plan fields only).
  expect(patched.ok).toBe(true);
  await connect(page, app);
  await nav(page, /Library/);
  await expect(meetingList(page).getByRole('listitem')).toHaveCount(3);
  await page.keyboard.press('Control+K');
  // Accents need not be typed, and the first letters are enough.
  await page.keyboard.type('bergstro');
  const hit = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').filter({ hasText: 'Took part' });
  await expect(hit).toContainText('June release planning');
  await expect(hit.locator('mark')).toHaveText('Bergström');
});

test('a v0.10 server says up front that it cannot send bots to Jitsi, and a legacy Teams link keeps one id from preview to card', async ({
  page,
}) => {
  app = await launchApp({ profile: 'g2' });
  await connect(page, app);
  const detection = page.locator('.link-detection');
  await linkField(page).fill('https://meet.jit.si/TeamStandup42');
  await expect(detection).toContainText('This server (Vexa 0.10) cannot send bots to Jitsi meetings');
  await expect(detection).not.toHaveAttribute('data-state', 'ok');
  await linkField(page).press('Enter');
  const alert = page.getByRole('alert').filter({ hasText: 'cannot send bots to Jitsi' });
  await expect(alert).toBeVisible();
  await expect(page.getByText(/Input should be|google_meet/)).toHaveCount(0);

  const teams =
    'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQ5YjA2ZDAtZjY2%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf%22%7d';
  await linkField(page).fill(teams);
  await expect(detection).toHaveAttribute('data-state', 'ok');
  const previewId = (await detection.locator('.mono').textContent())?.trim() ?? '';
  expect(previewId).toMatch(/^[0-9a-f]{16}$/);
  await linkField(page).press('Enter');
  await expect(meetingCard(page, previewId)).toBeVisible();
});

test('Stop gives a few seconds to undo, and the lobby banner can be put aside', async ({ page }) => {
  app = await launchApp({ profile: 'g3', scenario: 'lobby-timeout', timeScale: 1 });
  await connect(page, app);
  await sendLink(page, 'https://meet.google.com/abc-defg-hij');
  const card = meetingCard(page, 'abc-defg-hij');
  await expect(card).toHaveAttribute('data-status', 'awaiting_admission');
  const banner = lobbyBanner(page, 'abc-defg-hij');
  await expect(banner).toBeVisible();

  // One click on Stop does not end it: the bot keeps going unless the countdown runs out.
  await card.getByRole('button', { name: /^Stop the bot in/ }).click();
  await expect(card.getByRole('status')).toContainText(/Stopping in \d s/);
  await card.getByRole('button', { name: /^Undo stopping the bot/ }).click();
  await expect(card.getByRole('button', { name: /^Stop the bot in/ })).toBeVisible();
  await expect(card).toHaveAttribute('data-status', 'awaiting_admission');

  await banner.getByRole('button', { name: /^Hide this alert/ }).click();
  await expect(banner).toHaveCount(0);
  await expect(card).toHaveAttribute('data-status', 'awaiting_admission');

  // Without Undo, the countdown ends in a stop.
  await card.getByRole('button', { name: /^Stop the bot in/ }).click();
  await expect(card).not.toHaveAttribute('data-status', 'awaiting_admission');
});

test('words: no plain-http warning for a server on this computer, and the connection pill is not called "Live"', async ({ page }) => {
  app = await launchApp({ profile: 'g3' });
  await page.goto(app.url);
  expect(app.simulatorUrl).toMatch(/^http:\/\/127\.0\.0\.1:/);
  await page.getByLabel('Server URL').fill(app.simulatorUrl);
  await page.getByLabel('API key', { exact: true }).fill(app.apiKey);
  await expect(page.getByText(/unencrypted/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(linkField(page)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Live updates:/ })).toHaveAccessibleName(/^Live updates: Connected/);
  await expect(page.getByText(/unencrypted/)).toHaveCount(0);
});
