import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { launchApp, type LaunchedApp, type LaunchOptions } from './support/app';
import { connect, meetingCard, sendLink, snap } from './support/launch';

let app: LaunchedApp | null = null;

async function start(page: Page, options: LaunchOptions = {}): Promise<LaunchedApp> {
  app = await launchApp({ timeScale: 50, profile: 'g3', scenario: 'lobby-wait', ...options });
  await connect(page, app);
  return app;
}

test.afterEach(async () => {
  await app?.close();
  app = null;
});

/** A bot sent by another client with the same key: the app has not seen it launched. */
async function sendFromElsewhere(app: LaunchedApp, nativeId: string): Promise<void> {
  const response = await fetch(`${app.simulatorUrl}/bots`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-API-Key': app.apiKey },
    body: JSON.stringify({ platform: 'google_meet', native_meeting_id: nativeId, bot_name: 'Other client' }),
  });
  expect(response.status).toBe(201);
}

test('the running bots panel lists a bot sent from elsewhere and stops it', async ({ page }, testInfo) => {
  const app = await start(page, { profile: 'g2' });
  await sendFromElsewhere(app, 'elx-abcd-efg');

  await page.getByRole('button', { name: 'Running on the server' }).click();
  const row = page.getByRole('list', { name: 'Bots running on the server' }).getByRole('listitem', { name: /elx-abcd-efg/ });
  await expect(row).toBeVisible();
  await snap(page, testInfo, 'launch-running-bots');
  await row.getByRole('button', { name: /Stop the bot/ }).click();

  const card = meetingCard(page, 'elx-abcd-efg');
  await expect(card).toHaveAttribute('data-status', /stopping|completed/);
  await expect(card).toHaveAttribute('data-status', 'completed');
});

test('when the bot limit is reached, the running bots are shown with a stop button', async ({ page }, testInfo) => {
  const app = await start(page);
  await sendLink(page, 'https://meet.google.com/abc-defg-hij');
  await expect(meetingCard(page, 'abc-defg-hij')).toHaveAttribute('data-status', 'awaiting_admission');

  // G3 answers the cap with 429 and these words.
  app.simulator.setFault({
    status: 429,
    body: JSON.stringify({ detail: 'User has reached the maximum concurrent bot limit (1).' }),
    paths: '/bots',
    count: 1,
  });
  await sendLink(page, 'https://meet.google.com/qrs-tuvw-xyz');
  const limit = page.getByRole('group', { name: 'Bot limit reached' });
  await expect(limit).toContainText('Stop a running bot below');
  const row = limit.getByRole('listitem', { name: /abc-defg-hij/ });
  await expect(row).toBeVisible();
  await snap(page, testInfo, 'launch-limit-reached');

  await row.getByRole('button', { name: /Stop the bot/ }).click();
  await expect(meetingCard(page, 'abc-defg-hij')).not.toHaveAttribute('data-status', 'awaiting_admission');
  await page.getByRole('button', { name: 'Send bot' }).click();
  await expect(meetingCard(page, 'qrs-tuvw-xyz')).toBeVisible();
});

test('a server that is down is explained with a way to try again', async ({ page }, testInfo) => {
  const app = await start(page);
  app.simulator.setFault({ status: 502, body: JSON.stringify({ detail: 'upstream unreachable: ConnectError' }), paths: '/bots', count: 1 });
  await sendLink(page, 'https://meet.google.com/abc-defg-hij');
  const retry = page.getByRole('button', { name: 'Try again' });
  await expect(retry).toBeFocused();
  await snap(page, testInfo, 'launch-server-down');
  await page.keyboard.press('Enter');
  await expect(meetingCard(page, 'abc-defg-hij')).toBeVisible();
  await expect(retry).toHaveCount(0);
});

test('the top bar shows the live connection reconnecting, then live again', async ({ page }, testInfo) => {
  const app = await start(page);
  const indicator = page.getByRole('button', { name: /^Live updates:/ });
  await expect(indicator).toHaveAccessibleName(/Live updates: Connected/);
  // The server stays down until the reconnecting state has been seen: a slow page must not find
  // it already back.
  const restarted = app.simulator.restart(120_000);
  await expect(indicator).toHaveAccessibleName(/Live updates: Reconnecting/);
  await indicator.focus();
  await expect(page.getByRole('tooltip').filter({ hasText: 'The live connection dropped' })).toBeVisible();
  await snap(page, testInfo, 'live-reconnecting');
  app.simulator.comeBack();
  await restarted;
  await expect(indicator).toHaveAccessibleName(/Live updates: Connected/, { timeout: 15_000 });
});
