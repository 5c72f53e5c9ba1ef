import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppAsset } from '../../../electron/main/shell/appProtocol';
import { RENDERER_CSP } from '../../../electron/main/shell/csp';

const root = join(tmpdir(), 'vexa-renderer');

describe('resolveAppAsset', () => {
  it('maps app paths to files inside the renderer folder', () => {
    expect(resolveAppAsset(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveAppAsset(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppAsset(root, '/assets/index-3f2a.js')).toBe(join(root, 'assets', 'index-3f2a.js'));
    expect(resolveAppAsset(root, '/assets/Inter%20Variable.woff2')).toBe(join(root, 'assets', 'Inter Variable.woff2'));
    expect(resolveAppAsset(root, '//assets///x.css')).toBe(join(root, 'assets', 'x.css'));
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/..%2F..%2Fetc%2Fpasswd',
    '/..%5c..%5cwindows%5cwin.ini',
    '/assets%5c..%5c..%5csecret.txt',
    '/C:/Windows/win.ini',
    '/c%3a%5cwindows',
    '/index.html%00.png',
    '/./index.html',
    '/%E0%A4%A',
  ])('refuses %s', (path) => {
    expect(resolveAppAsset(root, path)).toBeNull();
  });

  it('never returns a path outside the root', () => {
    const samples = ['/a', '/a/b/c.js', '/%2e/x', '/...', '/..../x', '/a%2f..%2f..%2fb'];
    for (const s of samples) {
      const file = resolveAppAsset(root, s);
      if (file !== null) expect(file.startsWith(root + sep)).toBe(true);
    }
  });
});

describe('app protocol handler', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vexa-app-protocol-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Vexa Companion</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(tmpdir(), 'vexa-outside.txt'), 'outside');
  const handle = createAppProtocolHandler({ root: dir });

  it('serves the app with its content type and the strict CSP header', async () => {
    const page = await handle(new Request('app://companion/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('Vexa Companion');

    const script = await handle(new Request('app://companion/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const style = await handle(new Request('app://companion/assets/app.css?v=2'));
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('falls back to the app for client-side routes, but not for missing files', async () => {
    const route = await handle(new Request('app://companion/library/42'));
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('Vexa Companion');
    expect((await handle(new Request('app://companion/assets/missing.js'))).status).toBe(404);
  });

  it('refuses traversal, other hosts and other methods', async () => {
    for (const path of ['..%2fvexa-outside.txt', '%2e%2e/vexa-outside.txt', '..%5cvexa-outside.txt', 'assets/..%2f..%2fvexa-outside.txt']) {
      const response = await handle(new Request(`app://companion/${path}`));
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('outside');
    }
    expect((await handle(new Request('app://other/index.html'))).status).toBe(404);
    expect((await handle(new Request('app://companion/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const head = await handle(new Request('app://companion/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses symlinks that lead out of the renderer folder, and serves those that stay inside', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'vexa-outside-'));
    writeFileSync(join(outside, 'secret.txt'), 'outside secret');
    mkdirSync(join(outside, 'dir'));
    writeFileSync(join(outside, 'dir', 'keys.json'), 'outside keys');
    const served = mkdtempSync(join(tmpdir(), 'vexa-app-links-'));
    mkdirSync(join(served, 'assets'));
    writeFileSync(join(served, 'index.html'), '<title>Vexa Companion</title>');
    writeFileSync(join(served, 'assets', 'real.js'), 'inside');
    symlinkSync(join(outside, 'secret.txt'), join(served, 'assets', 'leak.txt'));
    symlinkSync(join(outside, 'dir'), join(served, 'assets', 'linked'));
    symlinkSync(outside, join(served, 'up'));
    symlinkSync(join(served, 'assets', 'real.js'), join(served, 'assets', 'alias.js'));
    const serve = createAppProtocolHandler({ root: served });

    for (const path of ['assets/leak.txt', 'assets/linked/keys.json', 'up/secret.txt']) {
      const response = await serve(new Request(`app://companion/${path}`));
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain('outside');
    }
    // Without an extension a refused link falls back to the app, not to the target.
    const route = await serve(new Request('app://companion/up'));
    expect(await route.text()).toContain('Vexa Companion');
    expect(await (await serve(new Request('app://companion/assets/alias.js'))).text()).toBe('inside');
    // A root reached through a symlink (macOS /tmp, a linked build folder) still serves its files.
    const linkedRoot = join(mkdtempSync(join(tmpdir(), 'vexa-app-root-')), 'renderer');
    symlinkSync(served, linkedRoot);
    const viaLink = createAppProtocolHandler({ root: linkedRoot });
    expect(await (await viaLink(new Request('app://companion/assets/real.js'))).text()).toBe('inside');
    expect((await viaLink(new Request('app://companion/assets/leak.txt'))).status).toBe(404);
  });
});

// Recordings play from app://companion/media/<ticket>. Chromium seeks a custom scheme's media only
// when the handler answers Range itself with 206 and Content-Range (electron/electron#38749), and
// the scheme is registered with `stream: true` (electron/electron#22955, electron/main/index.ts):
// the handler hands those requests, Range header included, to the core and returns its answer as is.
describe('app protocol: media', () => {
  it('passes /media/ requests with their Range to the media server and returns its 206 untouched', async () => {
    const seen: Array<{ url: string; range: string | null }> = [];
    const handle = createAppProtocolHandler({
      root: '/nonexistent',
      media: async (request) => {
        seen.push({ url: request.url, range: request.headers.get('range') });
        return new Response(new Uint8Array(10), {
          status: 206,
          headers: { 'Content-Range': 'bytes 0-9/100', 'Content-Type': 'audio/wav' },
        });
      },
    });
    const res = await handle(new Request('app://companion/media/abc', { headers: { Range: 'bytes=0-9' } }));
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 0-9/100');
    expect(seen).toEqual([{ url: 'app://companion/media/abc', range: 'bytes=0-9' }]);
  });

  it('answers 404 for /media/ when no media server is given, and never serves it from the renderer folder', async () => {
    const res = await createAppProtocolHandler({ root: '/nonexistent' })(new Request('app://companion/media/abc'));
    expect(res.status).toBe(404);
  });
});
