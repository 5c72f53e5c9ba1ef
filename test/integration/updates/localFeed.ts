import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import http, { type ClientRequest, type IncomingMessage } from 'node:http';
import { createRequire, Module } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { configureRequestOptions, configureRequestUrl, HttpExecutor, type DownloadOptions } from 'builder-util-runtime';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';

/**
 * What the update tests need around electron-updater's real classes, and nothing of the product:
 * a release feed on 127.0.0.1, the app as electron-updater's own AppAdapter interface sees it, an
 * HTTP executor on Node's http (the app's is Electron's `net`), and a stand-in for the one
 * `require("electron")` an install makes.
 */

/** A fake AppImage: a script that, when the updater starts it, writes which version started. */
export function appImage(version: string, padKb = 512): Buffer {
  const script = `#!/bin/sh\necho "${version} started" > "$VEXA_UPDATE_TEST_MARKER"\n`;
  // Padding makes the download long enough to stream in several chunks.
  return Buffer.concat([Buffer.from(script), Buffer.from(`# ${'x'.repeat(1022)}\n`.repeat(padKb))]);
}

export const sha512 = (bytes: Buffer): string => createHash('sha512').update(bytes).digest('base64');

/** latest-linux.yml as electron-builder writes it for an AppImage release. */
export function latestYml(version: string, file: string, bytes: Buffer, notes: string | null): string {
  const lines = [
    `version: ${version}`,
    'files:',
    `  - url: ${file}`,
    `    sha512: ${sha512(bytes)}`,
    `    size: ${bytes.length}`,
    `path: ${file}`,
    `sha512: ${sha512(bytes)}`,
    "releaseDate: '2026-12-01T10:00:00.000Z'",
  ];
  if (notes !== null) lines.push(`releaseNotes: ${JSON.stringify(notes)}`);
  return `${lines.join('\n')}\n`;
}

export interface LocalFeed {
  url: string;
  /** Every path asked for, in order (without the query electron-updater adds against caches). */
  requests: string[];
  close(): Promise<void>;
}

/** Serves `files` (path → bytes) with a Content-Length, as a static release folder does; 404 for anything else. */
export async function serveFeed(files: Map<string, Buffer>): Promise<LocalFeed> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://feed').pathname;
    requests.push(path);
    const body = files.get(path);
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * electron-updater's HttpExecutor on Node's http, as builder-util's NodeHttpExecutor is. `download`
 * follows ElectronHttpExecutor.download: the same doDownload, so the same sha512 check
 * (DigestTransform) and progress stream run as in the app.
 */
export class NodeHttpExecutor extends HttpExecutor<ClientRequest> {
  createRequest(options: http.RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    return http.request(options, callback);
  }

  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: http.RequestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          callback: (error) => (error ? reject(error) : resolve(destination)),
          responseHandler: null,
        },
        0,
      );
    });
  }
}

/** The installed app as electron-updater sees it (ElectronAppAdapter in the real one). */
export class TestApp implements AppAdapter {
  readonly name = 'Vexa Companion';
  readonly isPackaged = true;
  quits = 0;
  constructor(
    readonly version: string,
    private readonly root: string,
  ) {}
  get appUpdateConfigPath(): string {
    return join(this.root, 'resources', 'app-update.yml');
  }
  get userDataPath(): string {
    return join(this.root, 'userData');
  }
  get baseCachePath(): string {
    return join(this.root, 'cache');
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  relaunch(): void {}
  quit(): void {
    this.quits++;
  }
  onQuit(): void {}
}

/** resources/app-update.yml as electron-builder writes it for a generic feed. */
export function writeUpdateConfig(app: TestApp, feedUrl: string): void {
  mkdirSync(dirname(app.appUpdateConfigPath), { recursive: true });
  writeFileSync(app.appUpdateConfigPath, `provider: generic\nurl: ${feedUrl}\nupdaterCacheDirName: vexa-companion-updater\n`);
}

/** The running AppImage (electron-updater finds it through $APPIMAGE). */
export function installAppImage(dir: string, file: string, bytes: Buffer): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, bytes);
  chmodSync(path, 0o755);
  return path;
}

/**
 * After installing, BaseUpdater.quitAndInstall calls `require("electron").autoUpdater.emit(
 * "before-quit-for-update")` and then the AppAdapter's quit(). The Electron binary cannot run in
 * tests, so the module cache gets an `electron` that has only that emitter: anything else the
 * library reached for would throw. Returns the events emitted and a function that removes it.
 */
export function standInElectron(): { events: string[]; remove(): void } {
  const fromUpdater = createRequire(createRequire(import.meta.url).resolve('electron-updater'));
  const path = fromUpdater.resolve('electron');
  const events: string[] = [];
  const autoUpdater = new EventEmitter();
  const emit = autoUpdater.emit.bind(autoUpdater);
  autoUpdater.emit = (event: string | symbol, ...args: unknown[]) => {
    events.push(String(event));
    return emit(event, ...args);
  };
  const stand = new Module(path);
  stand.filename = path;
  stand.loaded = true;
  stand.exports = { autoUpdater };
  const cache = createRequire(import.meta.url).cache;
  cache[path] = stand;
  return { events, remove: () => void delete cache[path] };
}
