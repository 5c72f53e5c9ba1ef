import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectIpc, must } from '../../support/ipcClient';

/**
 * The real `npm run web` entry point (electron/harness/cli.ts through tsx), started as its own
 * process, on data folders the tests choose.
 */

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const CLI = join(ROOT, 'electron', 'harness', 'cli.ts');

function rendererDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vexa-cli-renderer-'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><title>t</title>`);
  return dir;
}

interface Cli {
  child: ChildProcess;
  output(): string;
  /** The page URL once it listens, or null when it exited first. */
  ready: Promise<string | null>;
  exited: Promise<number | null>;
}

const started: Cli[] = [];

/** Starts the CLI on `dataDir`, or on its default folder under `home` when none is given. */
function startCli(dataDir: string | null, home: string): Cli {
  const dataArgs = dataDir === null ? [] : ['--data-dir', dataDir];
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...dataArgs, '--renderer-dir', rendererDir()], {
    cwd: ROOT,
    // A fresh config home: nothing here may touch the developer's own web-app folder.
    env: { ...process.env, XDG_CONFIG_HOME: home, HOME: home, APPDATA: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((done) =>
    child.once('exit', (code, signal) => {
      if (signal) out += `\n[ended by ${signal}]`;
      done(code);
    }),
  );
  const ready = new Promise<string | null>((done) => {
    child.stdout!.on('data', () => {
      const url = /is running at (\S+)/.exec(out)?.[1];
      if (url) done(url);
    });
    void exited.then(() => done(null));
  });
  const cli = { child, output: () => out, ready, exited };
  started.push(cli);
  return cli;
}

afterEach(async () => {
  for (const cli of started.splice(0)) {
    if (cli.child.exitCode === null && cli.child.signalCode === null) {
      cli.child.kill('SIGKILL');
      await cli.exited;
    }
  }
});

describe('npm run web on a data folder', () => {
  it('refuses a second copy on the same folder, naming the folder and --data-dir, and recovers after a crash', async () => {
    const home = mkdtempSync(join(tmpdir(), 'vexa-cli-home-'));
    const data = join(home, 'shared data');
    const first = startCli(data, home);
    const url = await first.ready;
    expect(url, first.output()).not.toBeNull();

    const second = startCli(data, home);
    expect(await second.ready, 'a second copy started on the same folder').toBeNull();
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toContain(data);
    expect(second.output()).toContain('--data-dir');
    // The first copy is untouched and still serving.
    expect((await fetch(new URL('/', url!))).status).toBe(200);

    // A crashed copy leaves no lock behind.
    first.child.kill('SIGKILL');
    await first.exited;
    const third = startCli(data, home);
    expect(await third.ready, third.output()).not.toBeNull();
    third.child.kill('SIGTERM');
    expect(await third.exited, third.output()).toBe(0);
  });

  it.skipIf(process.platform === 'win32')('keeps its folders private to the user (0700) and its files 0600 (POSIX modes)', async () => {
    const home = mkdtempSync(join(tmpdir(), 'vexa-cli-home-'));
    const data = join(home, 'fresh', 'web data');
    const cli = startCli(data, home);
    const url = await cli.ready;
    expect(url, cli.output()).not.toBeNull();
    // A settings change makes it write settings.json too.
    const ipc = await connectIpc(url!);
    must(await ipc.invoke('settings:update', { theme: 'dark' }));
    ipc.close();

    const modes: Record<string, string> = {};
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        const stat = statSync(path);
        modes[path.slice(data.length + 1)] = (stat.mode & 0o777).toString(8);
        if (stat.isDirectory()) walk(path);
      }
    };
    expect((statSync(data).mode & 0o777).toString(8)).toBe('700');
    walk(data);
    expect(Object.keys(modes)).toEqual(expect.arrayContaining(['cache.sqlite', 'settings.json', 'logs', join('logs', 'companion.log')]));
    for (const [path, mode] of Object.entries(modes)) {
      expect(mode, path).toBe(statSync(join(data, path)).isDirectory() ? '700' : '600');
    }
    cli.child.kill('SIGTERM');
    expect(await cli.exited, cli.output()).toBe(0);
  });

  it.skipIf(process.platform === 'win32')(
    'makes its own default folder private even when an older version left it open (POSIX modes)',
    async () => {
      const home = mkdtempSync(join(tmpdir(), 'vexa-cli-home-'));
      const base = process.platform === 'darwin' ? join(home, 'Library', 'Application Support') : home;
      mkdirSync(base, { recursive: true });
      const folder = join(base, 'Vexa Companion (web)');
      mkdirSync(folder, { mode: 0o755 });
      const cli = startCli(null, home);
      expect(await cli.ready, cli.output()).not.toBeNull();
      expect((statSync(folder).mode & 0o777).toString(8)).toBe('700');
    },
  );
});
