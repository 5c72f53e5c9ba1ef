import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { launchApp, type LaunchedApp } from './support/app';
import { connect, meetingCard, meetingIdOf, sendLink } from './support/launch';

// A long meeting opens on what the person sees first (its newest lines live, the lines around a
// search hit in the library) and the rest follows: in the end every line is there, the live view
// still follows the newest one and the hit stays in view. The page runs with reduced motion, as
// every e2e page does, which is where a growing list once kept its old height.

const LINES = 1_000;
const SPEAKERS = ['Maya Lindqvist', 'Daniel Okafor', 'Priya Raman'];
const lines = Array.from({ length: LINES }, (_, k) => ({
  speaker: SPEAKERS[Math.floor(k / 3) % 3]!,
  text: `Point ${k} of the long plan.`,
  start: k * 3,
  end: k * 3 + 2.5,
}));

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

const captionList = (page: Page): Locator => page.getByRole('region', { name: /^Captions of / });
const transcript = (page: Page): Locator => page.getByRole('region', { name: /^Transcript of / });

/**
 * A bot sent to a meeting whose server already holds `LINES` confirmed lines; let in, it also
 * speaks its scenario's few lines and the meeting ends; left in the lobby, the meeting stays on.
 */
async function longMeeting(page: Page, nativeId: string, admit: boolean): Promise<{ app: LaunchedApp; id: number; sessionStart: number }> {
  app = await launchApp({ scenario: 'lobby-wait', seed: false });
  await connect(page, app);
  await expect(page.getByRole('button', { name: /^Live updates:/ })).toBeVisible();
  await sendLink(page, `https://meet.google.com/${nativeId}`);
  const card = meetingCard(page, nativeId);
  const id = await meetingIdOf(card);
  if (admit) {
    app.simulator.admit(id);
    await expect(card).toHaveAttribute('data-status', 'active');
  }
  const sessionStart = app.simulator.addConfirmed(id, lines);
  return { app, id, sessionStart };
}

test('a long live meeting opens on its newest lines, then holds every line and still follows the newest', async ({ page }) => {
  const { app, id, sessionStart } = await longMeeting(page, 'abc-defg-hij', false);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Live/ }).click();
  await page
    .locator(`[data-meeting-id="${id}"]`)
    .getByRole('button', { name: /^Open live captions of/ })
    .click();
  const list = captionList(page);
  await expect(list.getByText('Point 999 of the long plan.')).toBeVisible();

  // Every line arrives: the details count them all, and the first is at the top of the list.
  await page.getByRole('button', { name: 'Caption details' }).click();
  await expect(page.getByRole('dialog', { name: 'Caption details' })).toContainText(`Caption lines${LINES}Updates`);
  await page.keyboard.press('Escape');
  await list.hover();
  await page.mouse.wheel(0, -1_000_000);
  await expect(list.getByText('Point 0 of the long plan.')).toBeVisible();

  // Back at the newest line, the view follows what is said next.
  await list.press('End');
  await expect(list.getByText('Point 999 of the long plan.')).toBeVisible();
  const start = LINES * 3;
  const said = {
    segment_id: `live:${LINES}`,
    speaker: 'Maya Lindqvist',
    text: 'One more thing before we close.',
    start,
    end: start + 2,
    language: 'en',
    completed: true,
    absolute_start_time: new Date(sessionStart + start * 1000).toISOString(),
    absolute_end_time: new Date(sessionStart + (start + 2) * 1000).toISOString(),
  };
  app.simulator.injectRaw(
    id,
    JSON.stringify({
      type: 'transcript',
      meeting: { id },
      speaker: said.speaker,
      confirmed: [said],
      pending: [],
      ts: said.absolute_end_time,
    }),
  );
  await expect(list.getByText('One more thing before we close.')).toBeVisible();
});

test('a search hit opens a long meeting on its line, which stays in view once the whole transcript is there', async ({ page }) => {
  await longMeeting(page, 'abc-defg-hik', true);
  await meetingCard(page, 'abc-defg-hik').getByRole('button', { name: 'Open live captions' }).click();
  await page.getByRole('button', { name: /^Stop bot \(/ }).click();
  await expect(page.locator('.captions-header')).toContainText(/Stopped|Completed/, { timeout: 20_000 });

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Library/ })
    .click();
  await expect(page.getByText('Transcript on this computer')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('combobox', { name: 'Search all meetings' }).fill('"Point 500 of"');
  const hit = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').filter({ hasText: 'Point 500 of' });
  await hit.first().waitFor();
  // What the page draws first once the hit is clicked: the meeting at once (its screen was loaded
  // in the background, so no "Opening the meeting…" stands in for it) and, as its first lines,
  // those around the hit, not the top of the transcript scrolled away a frame later.
  await page.evaluate(() => {
    const seen = window as unknown as { firstLines?: { hasHit: boolean }; screenLoading?: boolean };
    const observer = new MutationObserver(() => {
      if (document.querySelector('.lazy-loading')) seen.screenLoading = true;
      const body = document.querySelector('.transcript-body');
      if (!seen.firstLines && body?.querySelector('.caption-turn'))
        seen.firstLines = { hasHit: body.textContent?.includes('Point 500 of the long plan.') ?? false };
      if (seen.firstLines) observer.disconnect();
    });
    observer.observe(document.body, { subtree: true, childList: true });
  });
  await hit.first().click();

  const line = transcript(page).getByText('Point 500 of the long plan.');
  await expect(transcript(page).locator('mark[data-current]').first()).toBeVisible();
  await expect(line).toBeInViewport();
  expect(await page.evaluate(() => (window as unknown as { firstLines?: unknown }).firstLines)).toEqual({ hasHit: true });
  expect(await page.evaluate(() => (window as unknown as { screenLoading?: boolean }).screenLoading ?? false)).toBe(false);
  // The whole transcript replaces the lines around the hit (the speakers are counted then; the
  // meeting's own script spoke a few more lines): the hit stays in view.
  await expect(page.locator('.transcript-count')).toHaveText(/^1,\d{3} lines · \d+ speakers$/);
  await expect(line).toBeInViewport();
  await expect(transcript(page).locator('mark[data-current]').first()).toBeInViewport();
});
