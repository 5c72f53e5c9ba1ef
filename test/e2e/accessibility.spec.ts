import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createUser, turnOnAdminMode } from './support/admin';
import { startSimulator } from '../../electron/simulator';
import { connectIpc, must } from '../support/ipcClient';
import { launchApp, type LaunchedApp } from './support/app';
import { connect, linkField, lobbyBanner, meetingCard, meetingIdOf, sendLink } from './support/launch';
import { addServer, nameServer, sendFrom, serverRow } from './support/servers';
import { expect, test } from './support/test';

// Every main screen and dialog, in the light and the dark theme, checked by axe-core against
// WCAG 2.2 A and AA: contrast, names of controls, landmarks, ARIA use.

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

async function audit(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.map(
    (v) =>
      `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
        .map((n) => `${n.target.join(' ')} [${n.any.map((c) => JSON.stringify(c.data)).join(' ')}]`)
        .slice(0, 4)
        .join(' | ')}`,
  );
}

const nav = (page: Page, name: RegExp): Promise<void> =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();

test('every screen passes an automated WCAG 2.2 AA audit in both themes', async ({ page }) => {
  test.setTimeout(180_000);
  app = await launchApp({ profile: 'g2' });
  await page.goto(app.url);
  const found: string[] = [];
  found.push(...(await audit(page, 'onboarding')));
  await connect(page, app);
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    found.push(...(await audit(page, `${theme} launch`)));
    await nav(page, /Library/);
    await expect(page.getByRole('list', { name: 'Meetings' }).getByRole('listitem')).toHaveCount(3);
    found.push(...(await audit(page, `${theme} library`)));
    await page
      .getByRole('list', { name: 'Meetings' })
      .getByRole('button', { name: /^June release planning/ })
      .click();
    await expect(page.getByRole('heading', { level: 2, name: /June release planning/ })).toBeVisible();
    found.push(...(await audit(page, `${theme} meeting`)));
    await page.getByRole('button', { name: 'Export & share June release planning' }).click();
    await page.getByRole('menuitem', { name: 'Export…' }).click();
    await expect(page.getByRole('dialog', { name: 'Export transcript' })).toBeVisible();
    // Audited once the preview has its lines, not while it is still loading.
    await expect(page.getByTestId('export-preview')).toContainText('MEETING TRANSCRIPT');
    found.push(...(await audit(page, `${theme} export dialog`)));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Back to library' }).click();
    await nav(page, /Settings/);
    found.push(...(await audit(page, `${theme} settings`)));
    await nav(page, /Live/);
    found.push(...(await audit(page, `${theme} live (empty)`)));
    await nav(page, /Launch/);
  }
  await sendLink(page, 'https://meet.google.com/abc-defg-hij');
  await nav(page, /Live/);
  await expect(page.getByText(/Morning/).first()).toBeVisible({ timeout: 20_000 });
  found.push(...(await audit(page, 'light live captions')));
  expect(found).toEqual([]);
});

test('errors, the lobby alert and the dialogs pass the same audit', async ({ page }) => {
  test.setTimeout(90_000);
  app = await launchApp({ profile: 'g2', scenario: 'lobby-wait' });
  const found: string[] = [];
  // A wrong key, explained next to its field.
  await page.goto(app.url);
  await page.getByLabel('Server URL').fill(app.simulatorUrl);
  await page.getByLabel('API key', { exact: true }).fill('vxa_tx_00000000000000000000000000000000');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByLabel('API key', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  found.push(...(await audit(page, 'onboarding wrong key')));
  await connect(page, app);
  // A bot waiting in the lobby.
  await sendLink(page, 'https://meet.google.com/abc-defg-hij');
  await expect(lobbyBanner(page, 'abc-defg-hij')).toBeVisible();
  found.push(...(await audit(page, 'lobby alert')));
  await page.emulateMedia({ colorScheme: 'dark' });
  found.push(...(await audit(page, 'dark lobby alert')));
  await page.emulateMedia({ colorScheme: 'light' });
  // The share dialog and the delete dialog of a past meeting.
  await nav(page, /Library/);
  await page.getByRole('button', { name: 'Export & share June release planning' }).click();
  await page.getByRole('menuitem', { name: 'Share link…' }).click();
  await expect(page.getByRole('dialog', { name: 'Share a link to the transcript' })).toBeVisible();
  found.push(...(await audit(page, 'share dialog')));
  await page.keyboard.press('Escape');
  await page
    .getByRole('list', { name: 'Meetings' })
    .getByRole('button', { name: /^June release planning/ })
    .click();
  await page.getByRole('button', { name: 'Delete…' }).click();
  await expect(page.getByRole('dialog', { name: /^Delete “June release planning”/ })).toBeVisible();
  found.push(...(await audit(page, 'delete dialog')));
  expect(found).toEqual([]);
});

test('live tiles, the caption overlay and the overlay window pass the same audit', async ({ page }) => {
  test.setTimeout(90_000);
  app = await launchApp({ profile: 'g2', scenario: 'long' });
  await connect(page, app);
  for (const nativeId of ['abc-defg-hij', 'klm-nopq-rst']) {
    await sendLink(page, `https://meet.google.com/${nativeId}`);
    const card = meetingCard(page, nativeId);
    app.simulator.admit(await meetingIdOf(card));
    await expect(card).toHaveAttribute('data-status', 'active');
  }
  const found: string[] = [];
  found.push(...(await audit(page, 'launch with running bots')));
  await nav(page, /Live/);
  const tiles = page.getByRole('article').filter({ has: page.getByRole('list', { name: 'Latest captions' }) });
  await expect(tiles).toHaveCount(2);
  for (const tile of await tiles.all()) await expect.poll(() => tile.locator('li').count()).toBeGreaterThan(1);
  found.push(...(await audit(page, 'live tiles')));
  await page.getByRole('button', { name: /Open live captions of .*abc-defg-hij/ }).click();
  await page.getByRole('button', { name: 'Overlay' }).click();
  const overlay = page.getByRole('complementary', { name: /^Caption overlay/ });
  await expect(overlay).toBeVisible();
  await expect.poll(() => overlay.locator('li').count()).toBeGreaterThan(0);
  found.push(...(await audit(page, 'caption overlay panel')));
  const id = Number(await page.locator('[data-meeting-id]').first().getAttribute('data-meeting-id'));
  await page.goto(new URL(`/#/overlay/${id}`, app.url).href);
  await page.reload();
  await expect(page.getByRole('complementary', { name: /^Caption overlay/ })).toBeVisible();
  found.push(...(await audit(page, 'overlay window')));
  expect(found).toEqual([]);
});

test('a library of two servers (server chips, the server filter, results and the meeting page) passes the same audit in both themes', async ({
  page,
}) => {
  test.setTimeout(90_000);
  app = await launchApp({ profile: 'g3' });
  await connect(page, app);
  // A second server connected after the first: both servers' meetings are in the library.
  const second = await startSimulator({ profile: 'g2', port: 0, apiKeys: [app.apiKey], seed: true, timeScale: 20, rateLimitPerMinute: 0 });
  try {
    const ipc = await connectIpc(app.url);
    must(await ipc.invoke('connection:connect', { url: second.url, apiKey: app.apiKey }));
    ipc.close();
    const found: string[] = [];
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await nav(page, /Library/);
      const rows = page.getByRole('list', { name: 'Meetings' }).getByRole('listitem');
      await expect(rows).toHaveCount(6);
      await expect(rows.locator('.server-chip')).toHaveCount(6);
      const filter = page.getByRole('combobox', { name: 'Server' });
      await expect(filter).toBeVisible();
      found.push(...(await audit(page, `${theme} library of two servers`)));
      // The filter in use, focused from the keyboard.
      await filter.focus();
      await page.keyboard.press('ArrowDown');
      await expect(rows).toHaveCount(3);
      found.push(...(await audit(page, `${theme} library filtered to one server`)));
      await filter.selectOption({ label: 'All servers' });
      await page.getByRole('combobox', { name: 'Search all meetings' }).fill('telemetry');
      const results = page.getByRole('listbox', { name: 'Search results' });
      await expect(results.locator('.server-chip')).toHaveCount(2);
      found.push(...(await audit(page, `${theme} results of two servers`)));
      await results.getByRole('option').first().click();
      await expect(page.locator('.meeting-detail-meta .server-chip')).toBeVisible();
      found.push(...(await audit(page, `${theme} meeting of one of two servers`)));
      await page.getByRole('button', { name: 'Back to search results' }).click();
      await page.getByRole('button', { name: 'Clear the search' }).click();
    }
    expect(found).toEqual([]);
  } finally {
    await second.close();
  }
});

test('the admin console, the account card and webhooks pass the same audit in both themes', async ({ page }) => {
  test.setTimeout(120_000);
  const adminKey = 'a11y-admin-key-0123456789';
  app = await launchApp({ profile: 'g2', adminKey });
  await connect(page, app);
  const found: string[] = [];
  await nav(page, /Settings/);
  await expect(
    page.getByRole('region', { name: 'Account', exact: true }).getByRole('list', { name: 'What this key unlocks in the app' }),
  ).toBeVisible();
  await expect(page.getByLabel('Webhook address')).toBeVisible();
  found.push(...(await audit(page, 'settings with account, webhooks and the admin key form')));
  await turnOnAdminMode(page, adminKey);
  await nav(page, /Admin/);
  await createUser(page, { email: 'audit@example.com', name: 'Audit Person', bots: '1' });
  await page.getByRole('button', { name: 'New key…' }).click();
  await page
    .getByRole('dialog', { name: /^New API key/ })
    .getByRole('button', { name: 'Create key' })
    .click();
  await expect(page.getByRole('dialog', { name: /^New API key/ }).getByLabel('API key')).toHaveValue(/^vxa_/);
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    found.push(...(await audit(page, `${theme} new key dialog`)));
  }
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Close without copying the key?' })).toBeVisible();
  found.push(...(await audit(page, 'close without copying')));
  await page.getByRole('button', { name: 'Close without copying' }).click();
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.getByRole('table', { name: 'API keys of this user' })).toBeVisible();
    found.push(...(await audit(page, `${theme} user page`)));
    await page
      .getByRole('table', { name: 'API keys of this user' })
      .getByRole('button', { name: /^Revoke/ })
      .click();
    await expect(page.getByRole('dialog', { name: /^Revoke/ })).toBeVisible();
    found.push(...(await audit(page, `${theme} revoke dialog`)));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Edit…' }).click();
    found.push(...(await audit(page, `${theme} edit user dialog`)));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Back to users' }).click();
    await expect(page.getByRole('list', { name: 'Users' })).toBeVisible();
    found.push(...(await audit(page, `${theme} users list`)));
    await page.getByRole('button', { name: 'New user…' }).click();
    found.push(...(await audit(page, `${theme} new user dialog`)));
    await page.keyboard.press('Escape');
    await nav(page, /Settings/);
    await expect(page.getByText('Stored, never shown')).toBeVisible();
    found.push(...(await audit(page, `${theme} settings in admin mode`)));
    await nav(page, /Admin/);
    await page.getByRole('searchbox', { name: 'Filter users by email or name' }).fill('audit@example.com');
    await expect(page.getByRole('list', { name: 'Users' }).getByRole('listitem')).toHaveCount(1);
    await page
      .getByRole('list', { name: 'Users' })
      .getByRole('button', { name: /^Audit Person/ })
      .click();
  }
  expect(found).toEqual([]);
});

test('several servers: the servers list, its dialogs, the launch picker and the live summary pass the same audit in both themes', async ({
  page,
}) => {
  test.setTimeout(120_000);
  app = await launchApp({ profile: 'g3', seed: false, scenario: 'lobby-wait', extraServers: [{ profile: 'g2', seed: false }] });
  await connect(page, app);
  const lab = app.extra[0]!;
  await addServer(page, lab.url, lab.apiKey);
  await nameServer(page, new URL(lab.url).host, 'Lab', 'Purple');
  // A bot on Lab, waiting in the lobby: its card and banner carry the server chip.
  await nav(page, /Launch/);
  await linkField(page).fill('https://meet.google.com/abc-defg-hij');
  await sendFrom(page).getByRole('radio', { name: 'Lab' }).check();
  await linkField(page).press('Enter');
  await expect(lobbyBanner(page, 'abc-defg-hij')).toBeVisible();
  const found: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await nav(page, /Launch/);
    await linkField(page).fill('https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0');
    await expect(sendFrom(page).getByRole('radio')).toHaveCount(2);
    found.push(...(await audit(page, `${theme} launch picker, server chips on the card and lobby banner`)));
    await page.getByRole('button', { name: /^Live updates:/ }).click();
    await expect(page.getByRole('dialog', { name: 'Live updates of each server' })).toBeVisible();
    found.push(...(await audit(page, `${theme} live summary`)));
    await page.keyboard.press('Escape');
    await nav(page, /Settings/);
    await expect(serverRow(page, 'Lab')).toBeVisible();
    found.push(...(await audit(page, `${theme} servers list and server picker`)));
    await serverRow(page, 'Lab').getByRole('button', { name: 'Rename Lab or change its colour' }).click();
    found.push(...(await audit(page, `${theme} label and colour form`)));
    await page.getByRole('form', { name: 'Name and colour of Lab' }).getByRole('button', { name: 'Cancel' }).click();
    await serverRow(page, 'Lab').getByRole('button', { name: 'Remove Lab…' }).click();
    await expect(page.getByRole('dialog', { name: 'Remove Lab?' })).toContainText('meeting');
    found.push(...(await audit(page, `${theme} remove dialog`)));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Add a server' }).click();
    found.push(...(await audit(page, `${theme} add a server dialog`)));
    await page.keyboard.press('Escape');
  }
  expect(found).toEqual([]);
});
