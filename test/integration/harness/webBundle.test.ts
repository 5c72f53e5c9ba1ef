import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCache } from '../../../electron/core/cache/database';
import { Library } from '../../../electron/core/cache/library';
import { CACHE_FILE } from '../../../electron/core/createCore';
import { ensureWebCoreBuilt, webCoreArgs } from '../../../scripts/buildWeb.mjs';
import { meeting } from '../cache/helpers';
import { fixtureBytes, fixturePath } from '../../support/fixtures';
import { connectIpc, must } from '../../support/ipcClient';

/**
 * `npm run web` runs the core bundled by scripts/buildWeb.mjs (dist/web/cli.cjs) with plain Node,
 * not its TypeScript sources: the bundle must be what the script starts, and must do what the
 * sources do, its export worker (a bundle of its own beside it) included.
 */

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const SERVER = 'http://127.0.0.1:9';
const dirs: string[] = [];
let child: ChildProcess | null = null;

afterAll(async () => {
  if (child && child.exitCode === null) {
    const gone = new Promise((done) => child!.once('exit', done));
    child.kill('SIGTERM');
    await gone;
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

beforeAll(async () => {
  await ensureWebCoreBuilt();
}, 120_000);

describe('npm run web', () => {
  it('builds the core when its sources changed, then runs the bundle with Node', () => {
    const web = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.web!;
    const steps = web.split('&&').map((s) => s.trim());
    expect(steps).toContain('node scripts/buildWeb.mjs');
    expect(webCoreArgs()).toContain('dist/web/cli.cjs');
    expect(steps.indexOf('node scripts/buildWeb.mjs')).toBeLessThan(steps.length - 1);
    expect(web).not.toContain('tsx');
  });

  it('answers from the bundle and exports a library meeting through the bundled worker', async () => {
    const data = mkdtempSync(join(tmpdir(), 'vexa-web-bundle-'));
    dirs.push(data);
    const renderer = join(data, 'renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
    const cache = openCache({ file: join(data, CACHE_FILE) });
    cache.db
      .prepare("INSERT INTO servers (id, url, label, generation, capabilities, checked_at) VALUES (?, ?, 'Kept', 'g3', '{}', 0)")
      .run(SERVER, SERVER);
    const library = new Library({ db: cache.db, file: cache.file });
    const [stored] = await library.upsertMeetings(SERVER, [meeting(1, { nativeMeetingId: 'abc-defg-hij', name: 'Budget review' })]);
    await library.appendSegments(stored!.id, [
      {
        key: 'a',
        speaker: 'Alice',
        text: 'Ship the picker behind a flag.',
        start: 0,
        end: 2,
        absoluteStart: null,
        absoluteEnd: null,
        language: 'en',
        completed: true,
      },
    ]);
    cache.close();

    child = spawn(process.execPath, [...webCoreArgs(), '--data-dir', data, '--renderer-dir', renderer, '--no-open', '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const url = await new Promise<string>((done, fail) => {
      child!.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const found = /is running at (\S+)/.exec(out)?.[1];
        if (found) done(found);
      });
      child!.once('exit', () => fail(new Error(`the bundled core exited: ${out}`)));
    });
    const ipc = await connectIpc(url);
    try {
      expect(must(await ipc.invoke('app:getState')).transport).toBe('web');
      const [listed] = must(await ipc.invoke('library:list', { demo: 'exclude' }));
      expect(listed?.name).toBe('Budget review');
      const ref = { meetingId: listed!.id, platform: listed!.platform, nativeMeetingId: listed!.nativeMeetingId, serverId: SERVER };
      // A PDF is made by the worker's pdfkit and fonts: its preview is the same content as text.
      const preview = must(await ipc.invoke('export:preview', { ref, format: 'pdf' }));
      expect(preview.text).toContain('Ship the picker behind a flag.');
    } finally {
      ipc.close();
    }
    // Made in the worker, not by the fallback on the core's thread (which says so in the log).
    const gone = new Promise((done) => child!.once('exit', done));
    child.kill('SIGTERM');
    await gone;
    const log = readFileSync(join(data, 'logs', 'companion.log'), 'utf8');
    expect(log).toContain('Core closed');
    expect(log).not.toContain('the export worker could not start');
  }, 60_000);
});

describe('the browser version trusts the system store', () => {
  it('connects to a server whose certificate authority is only in the system store', async () => {
    // A company server: its certificate comes from a private CA that IT put in the OS store
    // (SSL_CERT_FILE stands in for it: Node reads the store from there when it is set).
    const server = createHttpsServer({ cert: fixtureBytes('tls/server.pem'), key: fixtureBytes('tls/server-key.pem') }, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', connection: 'close' });
      res.end('{}');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const data = mkdtempSync(join(tmpdir(), 'vexa-web-ca-'));
    dirs.push(data);
    const renderer = join(data, 'renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
    const env: Record<string, string | undefined> = { ...process.env, SSL_CERT_FILE: fixturePath('tls/ca.pem') };
    delete env.NODE_EXTRA_CA_CERTS;
    const core = spawn(process.execPath, [...webCoreArgs(), '--data-dir', data, '--renderer-dir', renderer, '--no-open', '--port', '0'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    core.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    try {
      const page = await new Promise<string>((done, fail) => {
        core.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          const found = /is running at (\S+)/.exec(out)?.[1];
          if (found) done(found);
        });
        core.once('exit', () => fail(new Error(`the bundled core exited: ${out}`)));
      });
      const ipc = await connectIpc(page);
      try {
        const probe = await ipc.invoke('connection:probe', { url, apiKey: 'vxa_tx_privatecaprivatecaprivateca12' });
        // The server is no Vexa server, so the check fails, but past the certificate.
        if (!probe.ok) expect(probe.code).not.toBe('tls');
        expect(probe.ok ? '' : probe.message).not.toMatch(/certificate/i);
      } finally {
        ipc.close();
      }
    } finally {
      const gone = new Promise((done) => core.once('exit', done));
      core.kill('SIGTERM');
      await gone;
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    }
  }, 60_000);
});

describe('the core bundle is rebuilt only when its sources changed', () => {
  function project(): string {
    const base = mkdtempSync(join(tmpdir(), 'vexa-web-build-'));
    dirs.push(base);
    for (const dir of ['electron/harness', 'electron/core/export', 'shared', 'scripts']) mkdirSync(join(base, dir), { recursive: true });
    writeFileSync(join(base, 'electron', 'harness', 'cli.ts'), "import { word } from '../../shared/word';\nconsole.log(word);\n");
    writeFileSync(join(base, 'electron', 'core', 'export', 'exportWorker.ts'), 'export {};\n');
    writeFileSync(join(base, 'shared', 'word.ts'), "export const word: string = 'first';\n");
    writeFileSync(join(base, 'package-lock.json'), '{}');
    return base;
  }
  const run = (base: string) => spawnSync(process.execPath, [join(base, 'dist', 'web', 'cli.cjs')], { encoding: 'utf8' }).stdout.trim();

  it('builds a missing bundle, keeps a current one, and rebuilds after a source edit', async () => {
    const base = project();
    expect(await ensureWebCoreBuilt({ base })).toBe(true);
    expect(run(base)).toBe('first');
    expect(await ensureWebCoreBuilt({ base })).toBe(false);
    writeFileSync(join(base, 'shared', 'word.ts'), "export const word: string = 'second';\n");
    expect(await ensureWebCoreBuilt({ base })).toBe(true);
    expect(run(base)).toBe('second');
    writeFileSync(join(base, 'package-lock.json'), '{"lockfileVersion":3}');
    expect(await ensureWebCoreBuilt({ base })).toBe(true);
    rmSync(join(base, 'dist', 'web', 'exportWorker.cjs'));
    expect(await ensureWebCoreBuilt({ base })).toBe(true);
    expect(await ensureWebCoreBuilt({ base })).toBe(false);
  }, 60_000);
});
