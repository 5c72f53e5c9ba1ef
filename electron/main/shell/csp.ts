/**
 * The renderer's Content-Security-Policy. The app protocol sends it as a response header and
 * renderer/index.html carries the same policy in a meta tag (the meta form cannot express
 * `frame-ancestors`, which is why the header matters).
 *
 * - No inline or eval'd script: the production bundle has none, and injected markup cannot run.
 * - `style-src 'self'`: stylesheets come from the bundle; React `style={}` props set CSSOM
 *   properties, which CSP does not govern, so they keep working.
 * - `connect-src 'none'`: all networking (Vexa REST and WebSocket) happens in the main process.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
