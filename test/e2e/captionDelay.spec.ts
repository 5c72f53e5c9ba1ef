import AxeBuilder from '@axe-core/playwright';
import { randomBytes } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { startSimulator } from '../../electron/simulator';
import { expect, test } from './support/test';
import { launchApp, type LaunchedApp } from './support/app';
import { connect, meetingCard, meetingIdOf, sendLink, snap } from './support/launch';

// How late the captions are, in a live meeting and afterwards in its details. The simulator runs
// at the wall clock's pace (time scale 1, as a real server), publishes every change a known delay
// late and keeps its clock 90 s ahead of this computer's: the figures must show the delay, not
// the clock difference.

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  await app?.simulator.close();
  app = null;
});

async function start(page: Page, captionDelayMs: number, lines: number): Promise<LaunchedApp> {
  const apiKey = `vxa_tx_${randomBytes(16).toString('hex')}`;
  const simulator = await startSimulator({
    profile: 'g3',
    apiKeys: [{ key: apiKey, scopes: ['bot', 'tx'], email: 'tester@example.com' }],
    timeScale: 1,
    scriptLines: lines,
    captionDelayMs,
    clockSkewMs: 90_000,
    rateLimitPerMinute: 0,
  });
  app = await launchApp({ simulator, apiKey, timeScale: 1, seed: false });
  await connect(page, app);
  return app;
}

/** Sends a bot, lets it in, and opens its live captions. */
async function openLive(page: Page, app: LaunchedApp, nativeId: string): Promise<Locator> {
  await expect(page.getByRole('button', { name: /^Live updates:/ })).toBeVisible();
  await sendLink(page, `https://meet.google.com/${nativeId}`);
  const card = meetingCard(page, nativeId);
  app.simulator.admit(await meetingIdOf(card));
  await expect(card).toHaveAttribute('data-status', 'active', { timeout: 20_000 });
  await card.getByRole('button', { name: 'Open live captions' }).click();
  return page.getByTestId('caption-delay');
}

const nav = (page: Page, screen: RegExp) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: screen }).click();

test('a live meeting shows how late its captions are, and its details keep the figures', async ({ page }) => {
  test.setTimeout(120_000);
  const app = await start(page, 1500, 6);
  const indicator = await openLive(page, app, 'cap-tion-lag');
  // 1.5 s injected plus the simulator's own pace (a first draft once 45 % of a 2-3 s line was said).
  await expect(indicator).toContainText(/Captions ~(2\.\d|3\.[0-2]) s behind \(95%: \d\.\d s\)/, { timeout: 30_000 });
  await expect(indicator).not.toContainText('much later than usual');
  const figures = indicator.getByRole('group', { name: 'Caption delay' });
  await figures.focus();
  await expect(page.getByRole('tooltip').filter({ hasText: 'half appeared within' })).toBeVisible();
  expect(
    (await new AxeBuilder({ page }).include('.captions-header').withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze()).violations,
  ).toEqual([]);
  await snap(page, test.info(), 'caption-delay-live');

  // The meeting ends; its details in the library keep what was measured.
  await expect
    .poll(
      async () =>
        ((await fetch(`${app.simulatorUrl}/_sim/state`).then((r) => r.json())) as { meetings: Array<{ status: string }> }).meetings[0]
          ?.status,
      {
        timeout: 60_000,
      },
    )
    .toBe('completed');
  await nav(page, /Library/);
  await page
    .getByRole('list', { name: 'Meetings' })
    .getByRole('listitem')
    .filter({ hasText: 'cap-tion-lag' })
    .getByRole('button')
    .first()
    .click();
  const kept = page.getByTestId('kept-caption-delay');
  await expect(kept.getByRole('heading', { name: 'Caption delay' })).toBeVisible({ timeout: 15_000 });
  await expect(kept).toContainText(/(2\.\d|3\.[0-2]) s typical, 95% within \d\.\d s \(6 lines\)/);
  await kept.scrollIntoViewIfNeeded();
  await snap(page, test.info(), 'caption-delay-details');
});

test('captions far later than normal say so, with a hint', async ({ page }) => {
  test.setTimeout(120_000);
  const app = await start(page, 10_500, 5);
  const indicator = await openLive(page, app, 'lag-ging-far');
  await expect(indicator.getByRole('status')).toHaveText('Captions are running much later than usual — the server may be overloaded.', {
    timeout: 60_000,
  });
  await expect(indicator).toContainText(/Captions ~1[12]\.\d s behind/);
  await snap(page, test.info(), 'caption-delay-late');
});
