import { readFile as fsReadFile, realpath as fsRealpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { RENDERER_CSP } from './csp';
import { APP_HOST } from './navigation';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type for a renderer asset, by extension. */
export function assetContentType(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path of app://companion/ to a file under `root`, or null when the path could
 * leave it. Decoding happens once, here; encoded separators (`%2f`, `%5c`), dot segments,
 * NUL bytes and drive letters are refused rather than normalised.
 */
export function resolveAppAsset(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (/[\u0000\\:]/.test(decoded)) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return null;
  if (segments.length === 0) segments.push('index.html');
  const base = resolve(root);
  const file = resolve(base, ...segments);
  return file.startsWith(base + sep) ? file : null;
}

/**
 * `file` with every symlink resolved, when that real path still lies inside the real `root`; null
 * when it does not exist or leads out of it. resolveAppAsset only does path arithmetic, and a
 * symlink in the served folder (a developer's build, a tampered install) would otherwise hand out
 * any file the user can read. Electron's fs patches realpath for paths inside app.asar (the
 * archive's real path joined with the entry's), so the packaged app is checked the same way
 * (electron/electron lib/node/asar-fs-wrapper.ts, `fs.promises.realpath`).
 */
export async function containedRealPath(
  root: string,
  file: string,
  realpath: (path: string) => Promise<string> = fsRealpath,
): Promise<string | null> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    const rel = relative(realRoot, realFile);
    return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel) ? realFile : null;
  } catch {
    return null;
  }
}

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': RENDERER_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

export interface AppProtocolOptions {
  /** The built renderer (dist/renderer). */
  root: string;
  readFile?: (path: string) => Promise<Uint8Array>;
  realpath?: (path: string) => Promise<string>;
  /** Answers `/media/<ticket>` (recordings, with Range): the core's `serveMedia`. */
  media?: (request: Request) => Promise<Response>;
}

const MEDIA_PATH = '/media/';

/**
 * The `protocol.handle` handler for app://companion/. Paths without an extension fall back to
 * index.html so a reload on a client-side route still shows the app.
 */
export function createAppProtocolHandler({ root, readFile = fsReadFile, realpath = fsRealpath, media }: AppProtocolOptions) {
  const load = async (file: string): Promise<Uint8Array | null> => {
    const real = await containedRealPath(root, file, realpath);
    if (!real) return null;
    try {
      return await readFile(real);
    } catch {
      return null;
    }
  };

  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad request');
    }
    if (url.host !== APP_HOST) return plain(404, 'Not found');
    // Media answers carry their own status (206 with Content-Range, 416) and headers; Chromium
    // seeks a custom scheme only when the handler answers Range itself (electron/electron#38749).
    if (url.pathname.startsWith(MEDIA_PATH)) return media ? media(request) : plain(404, 'Not found');
    let file = resolveAppAsset(root, url.pathname);
    if (!file) return plain(404, 'Not found');
    let body = await load(file);
    if (!body && extname(file) === '') {
      file = resolve(root, 'index.html');
      body = await load(file);
    }
    if (!body) return plain(404, 'Not found');
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers: securityHeaders(type),
    });
  };
}
