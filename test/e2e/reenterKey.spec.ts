import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { startSimulator, type Simulator } from '../../electron/simulator';
import { recordingFetch } from '../support/recordingFetch';
import { launchApp, type LaunchedApp } from './support/app';
import { connect, linkField, snap } from './support/launch';
import { expect, test } from './support/test';

// A self-hosted server connected with a key kept for the session only: after a relaunch the app
// asks for the key again. The screen must keep that server (the address fixed to it) so the key
// typed there reaches that server and no other host; another server is a separate, explicit choice.
// With meetings of that server on this computer the app opens on the library (offline is not
// locked) and asks for the key from a banner; with none, the start screen asks for it.

let sim: Simulator | null = null;
let app: LaunchedApp | null = null;
let dataDir = '';
const apiKey = `vxa_tx_${randomBytes(16).toString('hex')}`;

async function firstRun(page: Page, seed: boolean): Promise<void> {
  sim = await startSimulator({ profile: 'g3', port: 0, apiKeys: [{ key: apiKey, scopes: ['bot', 'tx'] }], seed });
  dataDir = mkdtempSync(join(tmpdir(), 'vexa-e2e-rekey-'));
  // The web harness keeps keys in memory: this run's key is kept "for this session only".
  const first = await launchApp({ simulator: sim, apiKey, dataDir });
  await connect(page, first);
  if (seed) {
    // The seeded meetings reach the library before the app closes.
    await page.keyboard.press('Control+3');
    await expect(page.getByRole('list', { name: 'Meetings' }).getByRole('listitem').first()).toBeVisible();
  }
  await first.close({ keepData: true });
}

test.afterEach(async () => {
  await app?.close({ keepData: true });
  app = null;
  await sim?.close();
  sim = null;
  rmSync(dataDir, { recursive: true, force: true });
});

const keyField = (page: Page) => page.getByLabel('API key', { exact: true });
const nav = (page: Page, name: RegExp) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });
const audit = async (page: Page) =>
  (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );

test.describe('with the server’s meetings on this computer', () => {
  test.beforeEach(async ({ page }) => firstRun(page, true));

  test('the app opens on the library, names the server waiting for its key, and its key reaches no other host', async ({
    page,
  }, testInfo) => {
    const recorder = recordingFetch();
    app = await launchApp({ simulator: sim!, apiKey, dataDir, fetch: recorder.fetch });
    const host = new URL(sim!.url).host;
    await page.goto(app.url);

    await expect(nav(page, /Library/)).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('list', { name: 'Meetings' }).getByRole('listitem').first()).toBeVisible();
    const banner = page.locator('.banner').filter({ hasText: 'Not connected' });
    await expect(banner).toContainText(`Enter the API key for ${host} again: it was kept for the last session only`);
    await snap(page, testInfo, 'offline-library-banner');

    // One click from another screen too.
    await page.keyboard.press('Control+1');
    await expect(page.getByRole('heading', { name: 'Sending a bot needs a connected server' })).toBeVisible();
    await banner.getByRole('button', { name: 'Reconnect' }).click();

    const dialog = page.getByRole('dialog', { name: `Enter the API key for ${host}` });
    await expect(dialog).toContainText(`Enter the API key for ${host} again: it was kept for the last session only`);
    const url = dialog.getByLabel('Server URL');
    await expect(url).toHaveValue(sim!.url);
    await expect(url).not.toBeEditable();
    await expect(dialog.getByText(`The key is sent to ${host} only.`)).toBeVisible();
    await expect(keyField(page)).toBeFocused();
    await snap(page, testInfo, 'reenter-key-dialog');
    expect(await audit(page)).toEqual([]);

    await keyField(page).fill(apiKey);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByRole('group', { name: 'Connection test result' })).toContainText('v0.12 API');
    await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(banner).toHaveCount(0);
    await expect(linkField(page)).toBeVisible();
    await expect(page.getByRole('banner').getByRole('button', { name: new RegExp(host) })).toBeVisible();

    expect(recorder.hostsGiven(apiKey)).toEqual([host]);
    expect(recorder.requests.map((r) => r.host).filter((h) => h !== host)).toEqual([]);
  });

  test('disconnecting the waiting server is an explicit choice: no key is sent and the next launch asks for none', async ({ page }) => {
    const recorder = recordingFetch();
    app = await launchApp({ simulator: sim!, apiKey, dataDir, fetch: recorder.fetch });
    const host = new URL(sim!.url).host;
    await page.goto(app.url);
    const banner = page.locator('.banner').filter({ hasText: 'Not connected' });
    await banner.getByRole('button', { name: 'Reconnect' }).click();
    await keyField(page).fill(apiKey);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await page.keyboard.press('Control+4');
    const row = page.getByRole('list', { name: 'Servers' }).getByRole('listitem', { name: host });
    await expect(row).toContainText('Key needed');
    await row.getByRole('button', { name: `Disconnect ${host}…` }).click();
    await page
      .getByRole('dialog', { name: `Disconnect from ${host}?` })
      .getByRole('button', { name: 'Disconnect' })
      .click();
    await expect(row).toContainText('Disconnected');
    await expect(banner).toContainText(`${host} is disconnected.`);
    expect(recorder.requests).toEqual([]);

    // The next launch asks for nothing: the waiting server was forgotten, its meetings were not.
    await app.close({ keepData: true });
    app = await launchApp({ simulator: sim!, apiKey, dataDir });
    await page.goto(app.url);
    await expect(page.locator('.banner').filter({ hasText: 'Not connected' })).toContainText(`${host} is disconnected.`);
    await expect(page.getByText(/Enter the API key for/)).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Meetings' }).getByRole('listitem').first()).toBeVisible();
  });
});

test.describe('with an empty library', () => {
  test.beforeEach(async ({ page }) => firstRun(page, false));

  test('the start screen keeps the self-hosted server, and the key reaches no other host', async ({ page }, testInfo) => {
    const recorder = recordingFetch();
    app = await launchApp({ simulator: sim!, apiKey, dataDir, fetch: recorder.fetch });
    const host = new URL(sim!.url).host;
    await page.goto(app.url);

    await expect(page.getByRole('heading', { name: `Enter the API key for ${host}` })).toBeVisible();
    await expect(page.getByText(`Enter the API key for ${host} again: it was kept for the last session only`)).toBeVisible();
    const url = page.getByLabel('Server URL');
    await expect(url).toHaveValue(sim!.url);
    await expect(url).not.toBeEditable();
    await expect(page.getByText(`The key is sent to ${host} only.`)).toBeVisible();
    await snap(page, testInfo, 'reenter-key');
    expect(await audit(page)).toEqual([]);

    await keyField(page).fill(apiKey);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByRole('group', { name: 'Connection test result' })).toContainText('v0.12 API');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(linkField(page)).toBeVisible();
    await expect(page.getByRole('banner').getByRole('button', { name: new RegExp(host) })).toBeVisible();

    expect(recorder.hostsGiven(apiKey)).toEqual([host]);
    expect(recorder.requests.map((r) => r.host).filter((h) => h !== host)).toEqual([]);
  });

  test('connecting to another server instead is an explicit choice that forgets this one', async ({ page }) => {
    const recorder = recordingFetch();
    app = await launchApp({ simulator: sim!, apiKey, dataDir, fetch: recorder.fetch });
    await page.goto(app.url);
    const host = new URL(sim!.url).host;
    await expect(page.getByRole('heading', { name: `Enter the API key for ${host}` })).toBeVisible();
    await keyField(page).fill(apiKey);

    await page.getByRole('button', { name: 'Connect to another server' }).click();
    await expect(page.getByRole('heading', { name: 'Connect your Vexa server' })).toBeVisible();
    // The key typed for the other server does not follow the person here.
    await expect(keyField(page)).toHaveValue('');
    await expect(page.getByLabel('Server URL')).toBeEditable();
    await expect(page.getByText(/Enter the API key for/)).toHaveCount(0);
    expect(recorder.requests).toEqual([]);

    // The next launch asks for nothing: the waiting server was forgotten.
    await app.close({ keepData: true });
    app = await launchApp({ simulator: sim!, apiKey, dataDir });
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Connect your Vexa server' })).toBeVisible();
    await expect(page.getByText(/Enter the API key for/)).toHaveCount(0);
  });
});
