import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { launchApp, type LaunchedApp } from './support/app';
import { connect, meetingCard, meetingIdOf, sendLink, snap } from './support/launch';

// Speaker corrections as a person makes them: a speaker renamed from the live captions while the
// meeting runs, the captions changing at once and new lines arriving under the new name, then
// the library search and the export naming the speaker the same way.

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

const captionList = (page: Page) => page.getByRole('region', { name: /^Captions of / });
/** A speaker's name button; a corrected name says so to screen readers. */
const speakerButtons = (page: Page, name: string) =>
  captionList(page).getByRole('button', { name: new RegExp(`^${name}( \\(corrected name\\))?$`) });

async function axe(page: Page, selector: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .include(selector)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('g2: rename a speaker during a live meeting; captions, library search and export use the new name', async ({ page }) => {
  test.setTimeout(150_000);
  app = await launchApp({ profile: 'g2', timeScale: 1 });
  await connect(page, app);
  await expect(page.getByRole('button', { name: /^Live updates:/ })).toBeVisible();
  const nativeId = 'spk-live-abc';
  await sendLink(page, `https://meet.google.com/${nativeId}`);
  const card = meetingCard(page, nativeId);
  const id = await meetingIdOf(card);
  app.simulator.admit(id);
  await expect(card).toHaveAttribute('data-status', 'active');
  await card.getByRole('button', { name: 'Open live captions' }).click();
  await expect(speakerButtons(page, 'Daniel Okafor').first()).toBeVisible({ timeout: 30_000 });

  // By keyboard: the name is a menu button; the menu's first item takes focus.
  await speakerButtons(page, 'Daniel Okafor').first().focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Correct the speaker Daniel Okafor' });
  await expect(menu.getByRole('menuitem', { name: 'Rename in this meeting…' })).toBeFocused();
  await expect(menu.getByRole('menuitem', { name: /^Rename everywhere on / })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Merge into…' })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Split from this line…' })).toBeVisible();
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: 'Rename in this meeting' });
  const field = dialog.getByRole('textbox', { name: 'Name to show' });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('Daniel Okafor');
  await field.fill('');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(dialog.getByText('Type the name to show for this speaker.')).toBeVisible();
  await field.fill('Dana Okoro');
  await snap(page, test.info(), 'speakers-rename-dialog');
  await axe(page, 'dialog');
  await field.press('Enter');
  await expect(dialog.getByTestId('speaker-done')).toContainText(/Sent to .* as the meeting’s participants/);
  await snap(page, test.info(), 'speakers-rename-done');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // The captions changed at once, and lines that arrive later carry the new name too.
  await expect(speakerButtons(page, 'Daniel Okafor')).toHaveCount(0);
  const renamed = speakerButtons(page, 'Dana Okoro');
  await expect(renamed.first()).toBeVisible();
  const seen = await renamed.count();
  await expect.poll(() => renamed.count(), { timeout: 30_000 }).toBeGreaterThan(seen);
  await expect(speakerButtons(page, 'Daniel Okafor')).toHaveCount(0);
  await page.emulateMedia({ colorScheme: 'dark' });
  await snap(page, test.info(), 'speakers-live-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // The correction is listed to take back, with the original label named.
  await renamed.first().click();
  await page.getByRole('menu', { name: 'Correct the speaker Dana Okoro' }).getByRole('menuitem', { name: 'Restore original…' }).click();
  const restore = page.getByRole('dialog', { name: 'Restore original names' });
  await expect(restore.getByRole('list', { name: 'Corrections of this speaker' })).toContainText(
    '“Daniel Okafor” is shown as “Dana Okoro” in this meeting',
  );
  await axe(page, 'dialog');
  await restore.getByRole('button', { name: 'Close' }).click();

  // The library search finds the speaker by the new name and names the hit the same way.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Library/ })
    .click();
  const search = page.getByRole('combobox', { name: 'Search all meetings' });
  await search.fill('Okoro');
  const hit = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').filter({ hasText: 'Dana Okoro' }).first();
  await expect(hit).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('listbox', { name: 'Search results' })).not.toContainText('Daniel Okafor');
  await snap(page, test.info(), 'speakers-search');
  await hit.click();
  const transcript = page.getByRole('region', { name: /^Transcript of / });
  await expect(transcript.getByRole('button', { name: 'Dana Okoro (corrected name)' }).first()).toBeVisible();
  await expect(transcript.getByRole('button', { name: /^Daniel Okafor/ })).toHaveCount(0);
  // The server lists who spoke under its labels; the page names the speaker as corrected.
  await expect(page.getByTestId('participants')).toContainText('Dana Okoro');
  await expect(page.getByTestId('participants')).toContainText('the server calls them Daniel Okafor');

  // From the meeting page: merge Priya into Maya, then undo it from the same dialog.
  const priya = transcript.getByRole('button', { name: 'Priya Raman', exact: true });
  await expect(priya.first()).toBeVisible();
  await priya.first().click();
  await page.getByRole('menu', { name: 'Correct the speaker Priya Raman' }).getByRole('menuitem', { name: 'Merge into…' }).click();
  const merge = page.getByRole('dialog', { name: 'Merge into another speaker' });
  await merge.getByRole('combobox', { name: 'Merge into' }).selectOption({ label: 'Maya Lindqvist' });
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(merge.getByTestId('speaker-done')).toBeVisible();
  await expect(priya).toHaveCount(0);
  await merge.getByRole('button', { name: 'Undo' }).click();
  await expect(merge).toBeHidden();
  await expect(priya.first()).toBeVisible();

  // The export's preview (read from the server while the meeting runs) names the new name only.
  await page.getByRole('button', { name: /^Export & share / }).click();
  await page.getByRole('menuitem', { name: 'Export…' }).click();
  const preview = page.getByTestId('export-preview');
  await expect(preview).toContainText('Dana Okoro');
  await expect(preview).not.toContainText('Daniel Okafor');
  await snap(page, test.info(), 'speakers-export-preview');
});

test('g3: a rename everywhere on the server is kept on this computer, and the dialog says so', async ({ page }) => {
  test.setTimeout(90_000);
  app = await launchApp({ profile: 'g3' });
  await connect(page, app);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Library/ })
    .click();
  await page
    .getByRole('list', { name: 'Meetings' })
    .getByRole('button', { name: /^June release planning/ })
    .click();
  const transcript = page.getByRole('region', { name: /^Transcript of / });
  const daniel = transcript.getByRole('button', { name: 'Daniel Okafor', exact: true });
  await expect(daniel.first()).toBeVisible({ timeout: 20_000 });
  await daniel.first().click();
  await page
    .getByRole('menu', { name: 'Correct the speaker Daniel Okafor' })
    .getByRole('menuitem', { name: /^Rename everywhere on / })
    .click();
  const dialog = page.getByRole('dialog', { name: /^Rename everywhere on / });
  // Said before anything is saved: this server keeps past meetings as they were.
  await expect(dialog).toContainText(/kept on this computer/);
  await dialog.getByRole('textbox', { name: 'Name to show' }).fill('Dan Okafor-Reyes');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  const done = dialog.getByTestId('speaker-done');
  await expect(done).toHaveAttribute('data-sync', 'local');
  await expect(done).toContainText('Kept on this computer');
  await expect(done).toContainText(/cannot store speaker names with its meetings, so the corrected names are kept on this computer/);
  await page.emulateMedia({ colorScheme: 'dark' });
  await snap(page, test.info(), 'speakers-g3-kept-here-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(transcript.getByRole('button', { name: 'Dan Okafor-Reyes (corrected name)' }).first()).toBeVisible();
  await expect(daniel).toHaveCount(0);
});

for (const profile of ['g1', 'g3'] as const) {
  test(`${profile}: a speaker renamed everywhere from the live captions is renamed at once, and in the lines still to come`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    app = await launchApp({ profile, timeScale: 2 });
    await connect(page, app);
    await expect(page.getByRole('button', { name: /^Live updates:/ })).toBeVisible();
    const nativeId = `spk-${profile}-live`;
    await sendLink(page, `https://meet.google.com/${nativeId}`);
    const card = meetingCard(page, nativeId);
    const id = await meetingIdOf(card);
    app.simulator.admit(id);
    await expect(card).toHaveAttribute('data-status', 'active');
    await card.getByRole('button', { name: 'Open live captions' }).click();
    await expect(speakerButtons(page, 'Daniel Okafor').first()).toBeVisible({ timeout: 30_000 });

    await speakerButtons(page, 'Daniel Okafor').first().click();
    await page
      .getByRole('menu', { name: 'Correct the speaker Daniel Okafor' })
      .getByRole('menuitem', { name: /^Rename everywhere on / })
      .click();
    const dialog = page.getByRole('dialog', { name: /^Rename everywhere on / });
    await dialog.getByRole('textbox', { name: 'Name to show' }).fill('Dana Okoro');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    // v0.9 takes the names as the meeting's participants; v0.12 cannot store them.
    await expect(dialog.getByTestId('speaker-done')).toHaveAttribute('data-sync', profile === 'g3' ? 'local' : 'server');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await expect(speakerButtons(page, 'Daniel Okafor')).toHaveCount(0);
    const renamed = speakerButtons(page, 'Dana Okoro');
    const seen = await renamed.count();
    expect(seen).toBeGreaterThan(0);
    await expect.poll(() => renamed.count(), { timeout: 60_000 }).toBeGreaterThan(seen);
    await expect(speakerButtons(page, 'Daniel Okafor')).toHaveCount(0);
  });
}
