import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './support/test';
import { launchApp, type LaunchedApp, type LaunchOptions } from './support/app';

const SCREENS = resolve(import.meta.dirname, '..', '..', 'test-results', 'e2e', 'screens');
mkdirSync(SCREENS, { recursive: true });

const apiLabels = { g1: 'v0.9 API', g2: 'v0.10 API', g3: 'v0.12 API' } as const;

let app: LaunchedApp | null = null;

async function open(page: Page, options: LaunchOptions = {}): Promise<LaunchedApp> {
  app = await launchApp(options);
  await page.goto(app.url);
  return app;
}

test.afterEach(async () => {
  await app?.close();
  app = null;
});

async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = join(SCREENS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

const urlField = (page: Page) => page.getByLabel('Server URL');
const keyField = (page: Page) => page.getByLabel('API key', { exact: true });

async function fillServer(page: Page, url: string, key: string): Promise<void> {
  await urlField(page).fill(url);
  await keyField(page).fill(key);
}

for (const profile of ['g1', 'g2', 'g3'] as const) {
  test(`connects to a ${apiLabels[profile]} server and shows it in the shell and settings`, async ({ page }, testInfo) => {
    const { simulatorUrl, apiKey } = await open(page, { profile });

    await expect(page.getByRole('heading', { name: 'Welcome to Vexa Companion' })).toBeVisible();
    await expect(urlField(page)).toHaveValue('https://api.cloud.vexa.ai');
    if (profile === 'g3') await snap(page, testInfo, 'onboarding');

    // Plain http to another machine is warned about; to this computer (the simulator) it is not.
    await fillServer(page, 'http://vexa.lan:8056', apiKey);
    await expect(page.getByText(/plain http/).first()).toBeVisible();
    await fillServer(page, simulatorUrl, apiKey);
    await expect(page.getByText(/plain http/)).toHaveCount(0);
    await page.getByRole('button', { name: 'Test connection' }).click();
    const probe = page.getByRole('group', { name: 'Connection test result' });
    await expect(probe).toContainText(`Vexa server found · ${apiLabels[profile]}`);
    await expect(probe).toContainText(profile === 'g3' ? 'Live bot settings: not on this server version' : 'Live bot settings: available');
    await snap(page, testInfo, `onboarding-tested-${profile}`);

    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const badge = page.getByRole('banner').getByRole('button', { name: /Open server settings/ });
    await expect(badge).toContainText(apiLabels[profile]);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Launch/ })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await snap(page, testInfo, `shell-launch-${profile}`);

    await page.keyboard.press('Control+4');
    const server = page.getByRole('region', { name: 'Server', exact: true });
    await expect(server).toContainText(simulatorUrl);
    await expect(server).toContainText(apiLabels[profile]);
    // Plain http to this computer is stated once, here, rather than in a banner above every screen.
    await expect(server).toContainText('unencrypted, on this computer');
    await expect(page.getByText('Unencrypted connection')).toHaveCount(0);
    const key = page.getByRole('region', { name: 'API key', exact: true });
    await expect(key).toContainText(`••••${apiKey.slice(-4)}`);
    await expect(key).toContainText('This session only');
    await expect(page.locator('body')).not.toContainText(apiKey);
    await snap(page, testInfo, `settings-${profile}`);
  });
}

test('a wrong key is explained next to the key field', async ({ page }, testInfo) => {
  const { simulatorUrl } = await open(page, { profile: 'g3' });
  await fillServer(page, simulatorUrl, 'vxa_tx_00000000000000000000000000000000');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();

  await expect(keyField(page)).toHaveAttribute('aria-invalid', 'true');
  const described = await keyField(page).getAttribute('aria-describedby');
  const errorId = described?.split(' ')[0] ?? '';
  const error = page.locator(`[id="${errorId}"]`);
  await expect(error).toHaveAttribute('role', 'alert');
  await expect(error).toContainText(/key/i);
  await expect(page.getByRole('heading', { name: 'Welcome to Vexa Companion' })).toBeVisible();
  await snap(page, testInfo, 'onboarding-wrong-key');
});

test('an unreachable server is explained next to the address field', async ({ page }) => {
  const { apiKey } = await open(page, { profile: 'g3' });
  await fillServer(page, 'http://127.0.0.1:9', apiKey);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(urlField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expect(page.getByRole('group', { name: 'Connection test result' })).toHaveCount(0);
});

test('without a keychain the key is stored only after an explicit choice', async ({ page }, testInfo) => {
  const { simulatorUrl, apiKey } = await open(page, { profile: 'g3', persistKeys: true });
  await fillServer(page, simulatorUrl, apiKey);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();

  const dialog = page.getByRole('dialog', { name: 'This computer cannot encrypt your API key' });
  await expect(dialog).toBeVisible();
  const plaintext = dialog.getByRole('button', { name: 'Store it unencrypted on this computer' });
  await expect(plaintext).toBeDisabled();
  await snap(page, testInfo, 'secure-storage-dialog');

  await dialog.getByRole('checkbox', { name: /anyone with access to your user account can read it/ }).check();
  await expect(plaintext).toBeEnabled();
  await plaintext.click();

  await expect(page.getByRole('banner').getByRole('button', { name: /Open server settings/ })).toContainText('v0.12 API');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Settings/ })
    .click();
  await expect(page.getByRole('region', { name: 'API key', exact: true })).toContainText('Unencrypted on this computer');
});

test('the demo runs without an account and its meetings are in the library', async ({ page }, testInfo) => {
  await open(page);
  await page.getByRole('button', { name: 'Try without an account' }).click();

  await expect(page.getByText('Demo mode: a built-in simulator plays a sample meeting. Nothing leaves this computer.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Connect a real server' })).toBeVisible();
  // The first demo plays its sample meeting by itself: the bot waits in the lobby (the alert), then
  // is admitted and transcribes, without the person inventing a link.
  const sample = page.getByRole('article').filter({ has: page.getByRole('heading', { name: /vxa-demo-mtg/ }) });
  // Tests run the demo's clock 20 times faster, so the lobby moment is seen in the card's trail.
  await expect(sample).toContainText('Waiting in the lobby');
  await expect(sample).toContainText(/Transcribing|Everyone else left/);
  await snap(page, testInfo, 'demo-launch');

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Library/ })
    .click();
  const meetings = page.getByRole('list', { name: 'Meetings' }).getByRole('listitem');
  await expect(meetings.first()).toBeVisible();
  expect(await meetings.count()).toBeGreaterThan(0);
  await snap(page, testInfo, 'demo-library');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Live/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Live' })).toBeVisible();

  // Settings speak of no key the person never entered.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Settings/ })
    .click();
  await expect(page.getByRole('region', { name: 'Servers' })).toContainText('Built in: no account or key needed.');
  await expect(page.getByRole('region', { name: 'Account' })).toContainText('What the demo account unlocks');
  await expect(page.getByRole('region', { name: 'API key', exact: true })).toHaveCount(0);
  await expect(page.locator('.screen-content')).not.toContainText(/vxa_\w*•|enter it again|this key/i);

  await page.getByRole('button', { name: 'Connect a real server' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Vexa Companion' })).toBeVisible();
});

test('the theme switch applies at once and survives a reload', async ({ page }, testInfo) => {
  await open(page);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'system');
  await page.getByRole('button', { name: 'Try without an account' }).click();
  await expect(page.getByRole('button', { name: 'Connect a real server' })).toBeVisible();
  await page.keyboard.press('Control+4');

  await page.getByRole('radio', { name: /Dark/ }).check();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await snap(page, testInfo, 'settings-dark');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Library/ })
    .click();
  await expect(page.getByRole('list', { name: 'Meetings' })).toBeVisible();
  await snap(page, testInfo, 'library-dark');

  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.keyboard.press('Control+4');
  await page.getByRole('radio', { name: /Light/ }).check();
  await expect(html).toHaveAttribute('data-theme', 'light');
});

test('the navigation works from the keyboard', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Try without an account' }).click();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeVisible();
  await nav.getByRole('button', { name: /Launch/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(nav.getByRole('button', { name: /Live/ })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('button', { name: /Live/ })).toBeFocused();
  await page.keyboard.press('End');
  await expect(nav.getByRole('button', { name: /Settings/ })).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Control+3');
  await expect(nav.getByRole('button', { name: /Library/ })).toHaveAttribute('aria-current', 'page');
});

test('when the core stops, the window says so instead of failing silently', async ({ page, allowPageProblem }, testInfo) => {
  // Chromium itself logs each refused attempt of the window to reach the stopped core again.
  allowPageProblem(
    /^console\.error: WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/ipc\?token=[^']*' failed: .*ERR_CONNECTION_REFUSED$/,
  );
  const launched = await open(page);
  await expect(page.getByRole('heading', { name: 'Welcome to Vexa Companion' })).toBeVisible();
  expect(page.url()).not.toContain('token=');
  await launched.close();
  app = null;
  await expect(page.getByRole('heading', { name: "The app's core stopped" })).toBeVisible();
  await expect(page.getByText(/npm run web/)).toBeVisible();
  await snap(page, testInfo, 'core-stopped');
});
