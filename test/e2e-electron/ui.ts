import { expect, type Locator, type Page } from '@playwright/test';
import { linkField } from '../e2e/support/launch';
import type { TestServer } from './fixture';

// The same words and roles the browser tier uses: the renderer is the same page in both.
export { linkField, lobbyBanner, meetingCard, meetingIdOf, sendLink } from '../e2e/support/launch';

export const STORAGE_DIALOG = 'This computer cannot encrypt your API key';

export type Screen = 'Launch' | 'Live' | 'Library' | 'Settings';

/** A screen's entry in the sidebar (clicked rather than Ctrl+1…: macOS uses Cmd). */
export const navButton = (window: Page, screen: Screen): Locator =>
  window.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: new RegExp(screen) });

export async function goTo(window: Page, screen: Screen): Promise<void> {
  await navButton(window, screen).click();
  await expect(navButton(window, screen)).toHaveAttribute('aria-current', 'page');
}

/** Types the server's address and a key into onboarding and presses Connect. */
export async function submitConnectForm(window: Page, url: string, apiKey: string): Promise<void> {
  await window.getByLabel('Server URL').fill(url);
  await window.getByLabel('API key', { exact: true }).fill(apiKey);
  await window.getByRole('button', { name: 'Connect', exact: true }).click();
}

/** Connects like a user, with the key kept by the OS keychain, and waits for the Launch screen. */
export async function connect(window: Page, server: TestServer): Promise<void> {
  await submitConnectForm(window, server.url, server.apiKey);
  const refused = window.getByRole('dialog', { name: STORAGE_DIALOG });
  await expect(linkField(window).or(refused)).toBeVisible();
  if (await refused.isVisible()) {
    throw new Error(
      `The OS keychain refused the API key: "${await refused.innerText()}". On Linux the suite expects an unlocked ` +
        'Secret Service: run it inside `dbus-run-session` after `gnome-keyring-daemon --unlock` (.github/workflows/ci.yml).',
    );
  }
}

export const captionList = (window: Page): Locator => window.getByRole('region', { name: /^Captions of / });

/** Confirmed caption lines on screen (drafts and G3's provisional speaker lines left out). */
export const confirmedCaptions = (window: Page): Locator =>
  captionList(window).locator('.caption-seg[data-draft="false"]:not([data-key$="-provisional"])');

/** Everything the page holds as text: markup, form values (not in markup), storage, title, address. */
export async function pageContents(window: Page): Promise<string> {
  // A string expression: this project is type-checked without the DOM library.
  return window.evaluate<string>(`[
    document.documentElement.outerHTML,
    ...Array.from(document.querySelectorAll('input, textarea')).map((el) => el.value),
    JSON.stringify({ ...sessionStorage }),
    JSON.stringify({ ...localStorage }),
    document.title,
    location.href,
  ].join('\\n')`);
}
