/**
 * The browser version's page arrives with its Starting screen already in it: the markup
 * renderer/app/Starting.tsx renders, put into the empty root of the built index.html as it is
 * served. The tab then shows it as soon as the styles are in, before the scripts have been
 * fetched, parsed and run; the window's first render replaces it with the first screen
 * (renderer/app/firstRender.ts). The desktop app's index.html keeps an empty root: its caption
 * overlay window loads the same page, shows itself at its first paint, and must not show this.
 * test/unit/harness/startingScreen.test.ts keeps the markup equal to the component's.
 */
export const STARTING_MARKUP =
  '<main class="full-window">' +
  '<svg width="40" height="40" viewBox="0 0 32 32" aria-hidden="true" focusable="false">' +
  '<rect width="32" height="32" rx="8" fill="var(--color-accent)"></rect>' +
  '<path d="M8 17v-2M12 20v-8M16 23V9M20 19v-6M24 17v-2" stroke="var(--color-accent-text)" stroke-width="2.2" stroke-linecap="round"></path>' +
  '</svg>' +
  '<span role="status" class="row"><span class="spinner" aria-hidden="true"></span><span>Starting Vexa Companion…</span></span>' +
  '</main>';

const EMPTY_ROOT = '<div id="root"></div>';

/** The page with the Starting screen in its root; a page without an empty root is left as it is. */
export function withStartingScreen(html: string): string {
  return html.replace(EMPTY_ROOT, `<div id="root">${STARTING_MARKUP}</div>`);
}
