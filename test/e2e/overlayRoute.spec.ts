import AxeBuilder from '@axe-core/playwright';
import { launchApp, type LaunchedApp } from './support/app';
import { connect, meetingCard, meetingIdOf, sendLink, snap } from './support/launch';
import { expect, test } from './support/test';

// The desktop app moves its caption overlay window to another meeting by changing only the
// fragment of the overlay page's address (electron/main/shell/overlayWindow.ts `overlayUrl`): a
// same-document navigation, which does not reload the page. The page must follow it. The web
// harness serves the same page, so Chromium can show what the overlay window would.

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

test('the overlay page follows a fragment change to another meeting without reloading', async ({ page }) => {
  test.setTimeout(60_000);
  app = await launchApp({ profile: 'g2', scenario: 'long' });
  await connect(page, app);
  const ids: number[] = [];
  for (const nativeId of ['abc-defg-hij', 'klm-nopq-rst']) {
    await sendLink(page, `https://meet.google.com/${nativeId}`);
    const card = meetingCard(page, nativeId);
    const id = await meetingIdOf(card);
    app.simulator.admit(id);
    await expect(card).toHaveAttribute('data-status', 'active');
    ids.push(id);
  }
  const [first, second] = ids as [number, number];

  // Open the page on the first meeting's overlay route, as the overlay window's first load does.
  await page.goto(new URL(`/#/overlay/${first}`, app.url).href);
  await page.reload();
  const overlay = page.getByRole('complementary', { name: /^Caption overlay/ });
  await expect(overlay).toHaveAttribute('data-meeting-id', String(first));
  await expect(overlay).toHaveAccessibleName(/abc-defg-hij/);
  await expect.poll(() => overlay.locator('.caption-overlay-lines li').count()).toBeGreaterThan(0);

  // Retarget: only the fragment changes; a marker on window proves the page was not reloaded.
  // Strings, not functions: the test project has no DOM types.
  await page.evaluate('window.samePage = true');
  await page.evaluate(`window.location.hash = '#/overlay/${second}'`);
  await expect(overlay).toHaveAttribute('data-meeting-id', String(second));
  await expect(overlay).toHaveAccessibleName(/klm-nopq-rst/);
  await expect.poll(() => overlay.locator('.caption-overlay-lines li').count()).toBeGreaterThan(0);
  expect(await page.evaluate('window.samePage')).toBe(true);
  await expect(page.locator('html')).toHaveAttribute('data-window', 'overlay');

  // And back to the main app when the fragment leaves the overlay route.
  await page.evaluate("window.location.hash = ''");
  await expect(overlay).toBeHidden();
  await expect(page.locator('html')).not.toHaveAttribute('data-window', 'overlay');
});

// The desktop shell reloads a crashed page with ?restarted=1 and opens the overlay with ?pin=manual
// on Wayland (electron/main/shell/windowRecovery.ts, overlayWindow.ts): the page says so, once.
test('a page reloaded after a crash says so once, and the Wayland overlay says how to pin it', async ({ page }) => {
  test.setTimeout(60_000);
  app = await launchApp({ profile: 'g2', scenario: 'long' });
  await connect(page, app);
  await sendLink(page, 'https://meet.google.com/abc-defg-hij');
  const id = await meetingIdOf(meetingCard(page, 'abc-defg-hij'));

  const restarted = new URL(app.url);
  restarted.search = '?restarted=1';
  await page.goto(restarted.href);
  const notice = page.getByRole('alert').filter({ hasText: 'The window restarted after a problem' });
  await expect(notice).toBeVisible();
  await snap(page, test.info(), 'restarted-notice');
  expect(await page.evaluate('window.location.search')).toBe('');
  const found = (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()).violations;
  expect(found.map((v) => v.id)).toEqual([]);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
  await page.reload();
  await expect(page.getByLabel('Paste a meeting link')).toBeVisible();
  await expect(notice).toBeHidden();

  const overlayPage = new URL(`/?pin=manual&restarted=1#/overlay/${id}`, app.url);
  await page.goto(overlayPage.href);
  const overlay = page.getByRole('complementary', { name: /^Caption overlay/ });
  await expect(overlay).toBeVisible();
  await expect(overlay.getByRole('status').filter({ hasText: 'The captions restarted after a problem.' })).toBeVisible();
  const pin = overlay.getByRole('status').filter({ hasText: 'Always on Top' });
  await expect(pin).toBeVisible();
  await snap(page, test.info(), 'overlay-pin-by-hand');
  expect(await page.evaluate('window.location.search')).toBe('?pin=manual');
  await pin.getByRole('button', { name: 'Dismiss this note' }).click();
  await expect(pin).toBeHidden();
  await expect(overlay).toHaveAttribute('data-meeting-id', String(id));
});
