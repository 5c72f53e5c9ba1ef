import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { launchApp, type LaunchedApp } from './support/app';
import { connect } from './support/launch';

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
