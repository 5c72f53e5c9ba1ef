import { expect, type Locator, type Page } from '@playwright/test';

/** Helpers for the admin console specs: turn admin mode on, open a screen, find a user's key row. */

export const mainNav = (page: Page): Locator => page.getByRole('navigation', { name: 'Main' });

export async function goTo(page: Page, screen: 'Launch' | 'Live' | 'Library' | 'Settings' | 'Admin'): Promise<void> {
  await mainNav(page)
    .getByRole('button', { name: new RegExp(`^${screen}`) })
    .click();
}

export const adminCard = (page: Page): Locator => page.getByRole('region', { name: 'Server administration' });

/** Settings → Server administration: enters the admin key (and the admin address when asked). */
export async function turnOnAdminMode(page: Page, adminKey: string, adminUrl?: string): Promise<void> {
  await goTo(page, 'Settings');
  const card = adminCard(page);
  if (adminUrl) await card.getByLabel('Admin service address').fill(adminUrl);
  await card.getByLabel('Admin key', { exact: true }).fill(adminKey);
  await card.getByRole('button', { name: 'Check and turn on admin mode' }).click();
  await expect(mainNav(page).getByRole('button', { name: /^Admin/ })).toBeVisible();
}

/** Creates a user from the Admin screen and waits for their page. */
export async function createUser(page: Page, user: { email: string; name: string; bots?: string }): Promise<void> {
  await page.getByRole('button', { name: 'New user…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  await dialog.getByLabel('Email').fill(user.email);
  await dialog.getByLabel('Name').fill(user.name);
  if (user.bots !== undefined) await dialog.getByLabel('Bots at once').fill(user.bots);
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('heading', { level: 2, name: user.name })).toBeVisible();
}

export const keysTable = (page: Page): Locator => page.getByRole('table', { name: 'API keys of this user' });
