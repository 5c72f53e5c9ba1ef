/**
 * The renderer's Content-Security-Policy. The app protocol sends it as a response header and
 * renderer/index.html carries the same policy in a meta tag, without `frame-ancestors`: browsers
 * ignore that directive in a meta tag (and log an error for it), which is why the header matters.
 *
 * - No inline or eval'd script: the production bundle has none, and injected markup cannot run.
 * - `style-src 'self'`: stylesheets come from the bundle; React `style={}` props set CSSOM
 *   properties, which CSP does not govern, so they keep working.
 * - `connect-src 'none'`: all networking (Vexa REST and WebSocket) happens in the main process.
 * - `media-src 'self'`: recordings play from the app's own origin (`/media/<ticket>`, which the
 *   core streams from the server with the key in a header), never from the server directly.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "media-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The policy as renderer/index.html's meta tag carries it (`frame-ancestors` only works as a header). */
export const RENDERER_META_CSP = RENDERER_CSP.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');
