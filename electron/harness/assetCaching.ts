/**
 * How long the browser may keep a file of the app. The built scripts and styles are named by
 * their content (vite's `assets/<name>-<hash>.js|css`): a changed file gets a new name, so the
 * browser may keep them for good, and a reload of the tab (after the restart notice, or the
 * person's own) runs them from its cache, with the code it compiled before. The page itself (its
 * policy names this run's socket) and every other file are asked for again each time.
 */
const HASHED_ASSET = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.(?:js|css)$/;

export function cacheControlFor(urlPath: string): string {
  return HASHED_ASSET.test(urlPath) ? 'public, max-age=31536000, immutable' : 'no-store';
}
