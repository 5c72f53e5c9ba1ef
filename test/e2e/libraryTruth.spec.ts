import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { startSimulator } from '../../electron/simulator';
import { launchApp, type LaunchedApp, type LaunchOptions } from './support/app';
import { apiLabels, connect, linkField, meetingCard, sendLink, snap } from './support/launch';
import { expect, test } from './support/test';

// The library says what the server says, as a person sees it: a meeting whose bot left reads
// Completed or Failed (with why) without a Refresh; a meeting last seen live on a server that is no
// longer connected reads "as of" that time, never Live; the demo's meetings leave with the demo; and
// a meeting whose lines are on this computer can be exported whatever its status.

const MEET_ID = 'abc-defg-hij';
const LINK = `https://meet.google.com/${MEET_ID}`;
const FAST = 50;

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

async function start(page: Page, options: LaunchOptions): Promise<LaunchedApp> {
  app = await launchApp({ timeScale: FAST, ...options });
  await connect(page, app);
  return app;
}

const nav = (page: Page, name: RegExp): Promise<void> =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
const row = (page: Page, text: string): Locator =>
  page.getByRole('list', { name: 'Meetings' }).getByRole('listitem').filter({ hasText: text });
const exportButton = (scope: Page | Locator): Locator => scope.getByRole('button', { name: /^Export & share / });

async function openRow(page: Page, text: string): Promise<void> {
  await row(page, text).locator('.meeting-open').click();
  await expect(page.getByRole('button', { name: 'Back to library' })).toBeVisible();
}

for (const profile of ['g1', 'g2', 'g3'] as const) {
  test(`on a ${apiLabels[profile]} server a meeting whose bot left reads Completed in the library at once`, async ({ page }) => {
    await start(page, { profile });
    await sendLink(page, LINK);
    await expect(meetingCard(page, MEET_ID)).toHaveAttribute('data-status', 'completed', { timeout: 20_000 });

    await nav(page, /Library/);
    const ended = row(page, MEET_ID);
    // No Refresh: the row was updated when the bot left.
    await expect(ended.locator('.badge')).toHaveText('Completed');
    await expect(ended).not.toContainText('Live');
    await expect(exportButton(ended)).toBeVisible();
    await openRow(page, MEET_ID);
    await expect(page.locator('.meeting-detail-header .badge')).toHaveText('Completed');
    await expect(exportButton(page.locator('.meeting-detail-header'))).toBeVisible();
  });
}

test('a bot the host refused says why on its Live card and in the library, under the Failed filter', async ({ page }, testInfo) => {
  await start(page, { profile: 'g3', scenario: 'rejected' });
  await sendLink(page, LINK);
  await expect(meetingCard(page, MEET_ID)).toHaveAttribute('data-status', 'failed', { timeout: 20_000 });

  await nav(page, /Live/);
  const tile = page.getByRole('article').filter({ hasText: MEET_ID });
  await expect(tile).toContainText('The host denied the bot entry to the meeting. Nothing was transcribed.');
  await expect(tile).not.toContainText('left before anything was transcribed');
  await snap(page, testInfo, 'live-failed-reason');

  await nav(page, /Library/);
  await page.getByRole('group', { name: 'Filters' }).getByLabel('Status').selectOption('failed');
  await expect(page.getByRole('list', { name: 'Meetings' }).getByRole('listitem')).toHaveCount(1);
  await expect(row(page, MEET_ID)).toContainText('The host denied the bot entry to the meeting.');
  await expect(row(page, MEET_ID).locator('.badge')).toHaveText('Failed');
  await snap(page, testInfo, 'library-failed-filter');
  const audit = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(audit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('a bot that broke mid-meeting is Failed with why, and its lines can be exported from the row and the page', async ({ page }) => {
  await start(page, { profile: 'g2', scenario: 'crash' });
  await sendLink(page, LINK);
  await expect(meetingCard(page, MEET_ID)).toHaveAttribute('data-status', 'failed', { timeout: 20_000 });

  await nav(page, /Library/);
  const failed = row(page, MEET_ID);
  await expect(failed.locator('.badge')).toHaveText('Failed');
  await expect(failed).toContainText('The bot stopped working during the meeting.');
  await expect(failed).toContainText(/\d+ lines/);
  await expect(exportButton(failed)).toBeVisible();
  await openRow(page, MEET_ID);
  await exportButton(page.locator('.meeting-detail-header')).click();
  await page.getByRole('menuitem', { name: 'Export…' }).click();
  await expect(page.getByTestId('export-preview')).toContainText('MEETING TRANSCRIPT');
});

test('the demo’s meetings leave with it; a meeting last seen live on a server no longer connected reads "as of", never Live, and can still be exported', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  // A new user: the demo first. The bot name picks the simulator's long meeting, so it is still live when its server goes.
  app = await launchApp({ profile: 'g3' });
  const otherKey = 'vxa_tx_anotherserverkey0000000000000001';
  const other = await startSimulator({ profile: 'g2', port: 0, apiKeys: [otherKey], seed: true, timeScale: 20, rateLimitPerMinute: 0 });
  try {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try without an account' }).click();
    await expect(linkField(page)).toBeVisible();
    await page.getByRole('button', { name: /Bot options/ }).click();
    await page.getByLabel('Bot name').fill('sim:long');
    await sendLink(page, LINK);
    await expect(meetingCard(page, MEET_ID)).toHaveAttribute('data-status', 'active', { timeout: 20_000 });
    await nav(page, /Library/);
    await expect(row(page, MEET_ID).locator('.badge')).toHaveText('Live');

    // The demo ends (its simulator stops) and its meetings go with it; the person connects their own server.
    await page.getByRole('button', { name: 'Connect a real server' }).click();
    await page.getByLabel('Server URL').fill(app.simulatorUrl);
    await page.getByLabel('API key', { exact: true }).fill(app.apiKey);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(linkField(page)).toBeVisible();
    await nav(page, /Library/);
    await expect(page.getByRole('list', { name: 'Meetings' }).getByRole('listitem').first()).toBeVisible();
    await expect(row(page, MEET_ID)).toHaveCount(0);

    // A long meeting on that server, live; then the person switches to another server.
    await nav(page, /Launch/);
    const botName = page.getByLabel('Bot name');
    if (!(await botName.isVisible())) await page.getByRole('button', { name: /Bot options/ }).click();
    await botName.fill('sim:long');
    await sendLink(page, LINK);
    await expect(meetingCard(page, MEET_ID)).toHaveAttribute('data-status', 'active', { timeout: 20_000 });
    await nav(page, /Settings/);
    await page.getByRole('region', { name: 'Server', exact: true }).getByRole('button', { name: 'Switch server…' }).click();
    await page.getByRole('dialog', { name: 'Switch to another server?' }).getByRole('button', { name: 'Disconnect and switch' }).click();
    await page.getByLabel('Server URL').fill(other.url);
    await page.getByLabel('API key', { exact: true }).fill(otherKey);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(linkField(page)).toBeVisible();

    await nav(page, /Library/);
    const stale = row(page, MEET_ID);
    await expect(stale.locator('.badge')).toHaveText(/^Transcribing as of .+\d/);
    await expect(stale.locator('.badge')).toHaveAttribute(
      'title',
      'This meeting’s server is not connected, so this is the last status the app saw. Connect to it to see how the meeting went on.',
    );
    await expect(stale).not.toContainText('Live');
    await expect(exportButton(stale)).toBeVisible();
    await snap(page, testInfo, 'library-disconnected-as-of');
    const audit = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(audit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    await openRow(page, MEET_ID);
    await expect(page.locator('.meeting-detail-header .badge')).toHaveText(/^Transcribing as of /);
    await exportButton(page.locator('.meeting-detail-header')).click();
    await page.getByRole('menuitem', { name: 'Export…' }).click();
    // Only the lines this computer holds: the meeting's server is not connected.
    await expect(page.getByTestId('export-preview')).toContainText('MEETING TRANSCRIPT');
  } finally {
    await other.close();
  }
});

test('Clear library brings the connected server’s meetings back by itself', async ({ page }) => {
  await start(page, { profile: 'g3' });
  await nav(page, /Library/);
  const rows = page.getByRole('list', { name: 'Meetings' }).getByRole('listitem');
  await expect(rows).toHaveCount(3);

  await nav(page, /Settings/);
  const dialogText = /Nothing is deleted on any server: the meetings of 127\.0\.0\.1:\d+ are downloaded again right away\./;
  await page.getByRole('button', { name: 'Clear library…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Clear the local library?' });
  await expect(dialog).toContainText(dialogText);
  await dialog.getByRole('button', { name: 'Clear library' }).click();
  await expect(dialog).toBeHidden();

  // No Refresh: the library downloads them again on its own.
  await nav(page, /Library/);
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole('list', { name: 'Meetings' }).getByText('Transcript on this computer')).toHaveCount(3);
});
