import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchApp, type LaunchedApp } from './support/app';
import { asDesktopApp } from './support/desktop';
import { connect, snap } from './support/launch';
import { expect, test } from './support/test';

// The Desktop section of Settings: what closing the window does. The web harness stands in for
// the desktop app by reporting the Electron transport and an OS, as the real preload would.

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

const openSettings = (page: Page) =>
  page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Settings/ })
    .click();
const traySwitch = (page: Page) => page.getByRole('switch', { name: 'Keep running in the tray when the window is closed' });
const storedSetting = (dataDir: string): unknown =>
  (JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { settings: { closeToTray?: boolean } }).settings.closeToTray;

for (const os of ['win32', 'linux'] as const) {
  test(`the desktop app on ${os}: closing to the tray is on, explained, reachable by keyboard and remembered`, async ({ page }) => {
    app = await launchApp({ profile: 'g3', decorateCore: asDesktopApp(os) });
    await connect(page, app);
    await openSettings(page);
    await expect(page.getByRole('heading', { name: 'Desktop' })).toBeVisible();
    const toggle = traySwitch(page);
    await expect(toggle).toBeChecked();
    await expect(toggle).toHaveAccessibleDescription(/Lobby alerts keep coming while the window is closed/);
    await expect(toggle).toHaveAccessibleDescription(/Quit Vexa Companion/);
    await toggle.scrollIntoViewIfNeeded();
    await snap(page, test.info(), `settings-desktop-${os}`);
    const audit = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(audit.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    // Keyboard: from the Do not disturb switch, Tab reaches it (past the watch words' controls) and Space turns it off.
    await page.getByRole('switch', { name: /Do not disturb/ }).focus();
    let presses = 0;
    while (!(await toggle.evaluate((el) => el === document.activeElement)) && presses < 30) {
      await page.keyboard.press('Tab');
      presses++;
    }
    await expect(toggle).toBeFocused();
    await page.keyboard.press('Space');
    await expect(toggle).not.toBeChecked();
    await expect.poll(() => storedSetting(app!.dataDir)).toBe(false);
    await expect(page.getByTestId('announcer')).toHaveText('Closing the window quits the app.');

    await page.reload();
    await openSettings(page);
    await expect(traySwitch(page)).not.toBeChecked();
    await traySwitch(page).click();
    await expect.poll(() => storedSetting(app!.dataDir)).toBe(true);
  });
}

test('the macOS app and the browser-served app have no such choice', async ({ page }) => {
  app = await launchApp({ profile: 'g3', decorateCore: asDesktopApp('darwin') });
  await connect(page, app);
  await openSettings(page);
  await expect(page.getByRole('heading', { name: 'Alerts' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Desktop' })).toHaveCount(0);
  await app.close();

  app = await launchApp({ profile: 'g3' });
  await connect(page, app);
  await openSettings(page);
  await expect(page.getByRole('heading', { name: 'Alerts' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Desktop' })).toHaveCount(0);
  await expect(traySwitch(page)).toHaveCount(0);
});
