import { launchApp, type LaunchedApp } from './support/app';
import { connect, meetingCard, meetingIdOf, sendLink } from './support/launch';
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
