import { expect, type Locator, type Page } from '@playwright/test';

/** Helpers for the screens of several servers: the list in Settings, the launch picker, the live indicator. */

export const goTo = (page: Page, screen: 'Launch' | 'Live' | 'Library' | 'Settings'): Promise<void> =>
  page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: new RegExp(screen) })
    .click();

export const serverList = (page: Page): Locator => page.getByRole('list', { name: 'Servers' });

/** One server's row in Settings, by the name it shows. */
export const serverRow = (page: Page, label: string): Locator => serverList(page).getByRole('listitem', { name: label, exact: true });

export const sendFrom = (page: Page): Locator => page.getByRole('group', { name: 'Send from' });

/** Settings → Add a server, with the start screen's form in a dialog. */
export async function addServer(page: Page, url: string, apiKey: string): Promise<void> {
  await goTo(page, 'Settings');
  await page.getByRole('button', { name: 'Add a server' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a server' });
  await dialog.getByLabel('Server URL').fill(url);
  await dialog.getByLabel('API key', { exact: true }).fill(apiKey);
  await dialog.getByRole('button', { name: 'Add server' }).click();
  await expect(dialog).toHaveCount(0);
}

/** Rename… on a server's row: a label and a colour. */
export async function nameServer(page: Page, current: string, label: string, colour: string): Promise<void> {
  await serverRow(page, current)
    .getByRole('button', { name: `Rename ${current} or change its colour` })
    .click();
  const form = page.getByRole('form', { name: `Name and colour of ${current}` });
  await expect(form.getByLabel('Label')).toBeFocused();
  await form.getByLabel('Label').fill(label);
  await form.getByRole('radio', { name: colour }).check();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(serverRow(page, label)).toBeVisible();
}

/** The meetings a simulator holds, by native id: where a bot was really sent. */
export async function nativeIdsOn(simulatorUrl: string): Promise<string[]> {
  const response = await fetch(`${simulatorUrl}/_sim/state`);
  const state = (await response.json()) as { meetings: Array<{ native_meeting_id: string }> };
  return state.meetings.map((m) => m.native_meeting_id);
}
