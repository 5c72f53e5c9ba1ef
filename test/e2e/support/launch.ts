import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import type { LaunchedApp } from './app';

/** Helpers for the bot-launch specs: connect, send, find a meeting's card and its alerts. */

export const SCREENS = resolve(import.meta.dirname, '..', '..', '..', 'test-results', 'e2e', 'screens');
mkdirSync(SCREENS, { recursive: true });

export const apiLabels = { g1: 'v0.9 API', g2: 'v0.10 API', g3: 'v0.12 API' } as const;

export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = join(SCREENS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Onboards with the simulator's URL and key and waits for the Launch screen. */
export async function connect(page: Page, app: LaunchedApp): Promise<void> {
  await page.goto(app.url);
  await page.getByLabel('Server URL').fill(app.simulatorUrl);
  await page.getByLabel('API key', { exact: true }).fill(app.apiKey);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(
    page
      .getByRole('banner')
      .getByRole('button', { name: /Open server settings/ })
      .first(),
  ).toBeVisible();
  await expect(linkField(page)).toBeVisible();
}

export const linkField = (page: Page): Locator => page.getByLabel('Paste a meeting link');

export const meetingCard = (page: Page, nativeId: string): Locator =>
  page.getByRole('article').filter({ has: page.getByRole('heading', { name: new RegExp(nativeId) }) });

export const lobbyBanner = (page: Page, nativeId: string): Locator =>
  page.getByRole('region', { name: new RegExp(`The bot is waiting in the lobby of .*${nativeId}`) });

export async function sendLink(page: Page, link: string): Promise<void> {
  await linkField(page).fill(link);
  await linkField(page).press('Enter');
}

export async function meetingIdOf(card: Locator): Promise<number> {
  await expect(card).toHaveAttribute('data-meeting-id', /\d+/);
  return Number(await card.getAttribute('data-meeting-id'));
}

/** The OS notifications the core raised for one meeting. */
export function alertsFor(app: LaunchedApp, meetingId: number): Array<{ id: string; title: string; body: string }> {
  return app.ports.notifier.sent.filter((n) => n.id.startsWith(`${meetingId}:`)).map(({ id, title, body }) => ({ id, title, body }));
}

export async function simulatorMeetingCount(app: LaunchedApp): Promise<number> {
  const response = await fetch(`${app.simulatorUrl}/_sim/state`);
  const state = (await response.json()) as { meetings: unknown[] };
  return state.meetings.length;
}
