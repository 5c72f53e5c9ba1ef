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

let sim: Simulator | null = null;
let app: LaunchedApp | null = null;
let dataDir = '';
const apiKey = `vxa_tx_${randomBytes(16).toString('hex')}`;

test.beforeEach(async ({ page }) => {
  sim = await startSimulator({ profile: 'g3', port: 0, apiKeys: [{ key: apiKey, scopes: ['bot', 'tx'] }], seed: true });
  dataDir = mkdtempSync(join(tmpdir(), 'vexa-e2e-rekey-'));
  // The web harness keeps keys in memory: this run's key is kept "for this session only".
  const first = await launchApp({ simulator: sim, apiKey, dataDir });
  await connect(page, first);
  await first.close({ keepData: true });
});

test.afterEach(async () => {
  await app?.close({ keepData: true });
  app = null;
  await sim?.close();
  sim = null;
  rmSync(dataDir, { recursive: true, force: true });
});

const keyField = (page: Page) => page.getByLabel('API key', { exact: true });

test('the re-enter-key screen keeps the self-hosted server, and the key reaches no other host', async ({ page }, testInfo) => {
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
  const audit = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(audit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

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
