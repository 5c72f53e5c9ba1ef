import { rmSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { launchApp, type LaunchedApp } from './support/app';
import { connect, snap } from './support/launch';
import { expect, test } from './support/test';
import { readOnlyFolder, readOnlyFolderUnavailable, removeWhileOpenUnavailable, tempDir } from '../support/storageFaults';

// Storage the app cannot write, as a person sees it: the library keeps working from memory, a
// banner above every screen names the folder and the cause and says what to do, it can be
// dismissed for the session, Settings keeps showing it, and an edit made meanwhile says it is lost
// on quit. The faults are real: a data folder deleted while the app runs, a read-only data folder.

const PLANNING = 'June release planning';

let app: LaunchedApp | null = null;
const undo: Array<() => void> = [];
test.afterEach(async () => {
  await app?.close();
  app = null;
  for (const f of undo.splice(0).reverse()) f();
});

const nav = (page: Page, name: RegExp): Promise<void> =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
const meetingList = (page: Page): Locator => page.getByRole('list', { name: 'Meetings' });
const banner = (page: Page): Locator => page.getByRole('alert').filter({ hasText: 'Changes are not being saved to disk' });

test('a data folder deleted while the app runs: the banner says so, the rename stays on screen and says it is lost on quit', async ({
  page,
}, testInfo) => {
  test.skip(removeWhileOpenUnavailable !== null, removeWhileOpenUnavailable ?? '');
  const dataDir = tempDir('vexa-e2e-vanish-');
  undo.push(() => rmSync(dataDir, { recursive: true, force: true }));
  app = await launchApp({ profile: 'g3', dataDir });
  await connect(page, app);
  await nav(page, /Library/);
  await expect(meetingList(page).getByRole('listitem')).toHaveCount(3);
  await expect(meetingList(page).getByText('Transcript on this computer')).toHaveCount(3);
  await meetingList(page)
    .getByRole('listitem')
    .filter({ hasText: PLANNING })
    .getByRole('button', { name: new RegExp(`^${PLANNING}`) })
    .click();
  await expect(banner(page)).toHaveCount(0);

  rmSync(dataDir, { recursive: true, force: true });
  await page.getByRole('button', { name: `${PLANNING}, rename` }).click();
  await page.getByRole('textbox', { name: 'Meeting name' }).fill('Release plan (renamed)');
  await page.getByRole('textbox', { name: 'Meeting name' }).press('Enter');

  await expect(banner(page)).toContainText(dataDir);
  await expect(banner(page)).toContainText('was removed while the app was running');
  await expect(banner(page)).toContainText('npm run web -- --data-dir');
  await expect(page.getByRole('button', { name: 'Release plan (renamed), rename' })).toBeVisible();
  await expect(page.getByTestId('edit-state-name')).toHaveText('Kept until you quit');
  await expect(page.getByText('this change is lost when you quit')).toBeVisible();
  await snap(page, testInfo, 'storage-folder-removed');

  await banner(page).getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner(page)).toHaveCount(0);
  await nav(page, /Settings/);
  await expect(page.getByTestId('settings-storage-notice')).toContainText(dataDir);
  // Still dismissed on another screen: once per session.
  await expect(banner(page)).toHaveCount(0);
  // A setting the disk refuses is not shown as saved.
  await page.getByRole('radio', { name: /^Dark/ }).click();
  await expect(page.getByText(/Could not save the setting: the folder .* was removed/)).toBeVisible();
  await expect(page.getByRole('radio', { name: /^System/ })).toBeChecked();
});

test('a read-only data folder: the app starts, says which folder and why before and after connecting', async ({ page }, testInfo) => {
  test.skip(readOnlyFolderUnavailable !== null, readOnlyFolderUnavailable ?? '');
  const data = readOnlyFolder(() => {});
  undo.push(data.release);
  app = await launchApp({ profile: 'g3', dataDir: data.dir });

  await page.goto(app.url);
  await expect(banner(page)).toContainText(data.dir);
  await expect(banner(page)).toContainText('read-only');
  await snap(page, testInfo, 'storage-read-only-onboarding');

  await connect(page, app);
  await expect(banner(page)).toContainText('New meetings, transcripts and edits are kept only until you quit.');
  await nav(page, /Library/);
  await expect(meetingList(page).getByRole('listitem')).toHaveCount(3);
  await snap(page, testInfo, 'storage-read-only-library');
});
