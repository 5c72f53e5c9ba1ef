import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { STARTING_MARKUP, withStartingScreen } from '../../../electron/harness/startingScreen';
import { Starting } from '../../../renderer/app/Starting';

/**
 * The browser version serves its page with the Starting screen already in it, so the tab shows it
 * before the scripts have run (electron/harness/startingScreen.ts). It must be the screen the app
 * itself renders, or the tab would change look (or lose its status text) when the scripts take over.
 */
const indexHtml = readFileSync(join(import.meta.dirname, '..', '..', '..', 'renderer', 'index.html'), 'utf8');

describe('the page before its scripts run', () => {
  it('shows the same Starting screen the app renders', () => {
    expect(STARTING_MARKUP).toBe(renderToStaticMarkup(createElement(Starting)));
  });

  it('is the app page with that screen in its root, and nothing else changed', () => {
    const served = withStartingScreen(indexHtml);
    expect(served).toContain(`<div id="root">${STARTING_MARKUP}</div>`);
    expect(served.replace(STARTING_MARKUP, '')).toBe(indexHtml);
    expect(STARTING_MARKUP).toContain('role="status"');
  });

  it('leaves a page without an empty root as it is', () => {
    const page = '<body><div id="root"><p>x</p></div></body>';
    expect(withStartingScreen(page)).toBe(page);
  });
});
