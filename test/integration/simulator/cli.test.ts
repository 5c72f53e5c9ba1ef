import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolveLine, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (line) => {
      rl.close();
      resolveLine(line);
    });
    child.once('exit', (code) => reject(new Error(`simulator exited early with ${code}`)));
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
}

describe('npm run simulator (cli.ts)', () => {
  it('prints exactly one JSON listening line first, serves requests, and stops on a signal', async () => {
    // Its own process group, so the signal reaches npx, tsx and the simulator together.
    const child = spawn(
      'npx',
      ['tsx', 'electron/simulator/cli.ts', '--port', '0', '--profile', 'g2', '--api-key', 'cli-key', '--time-scale', '10'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    );
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      const line = await firstLine(child);
      const event = JSON.parse(line);
      expect(event).toEqual({ event: 'listening', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), profile: 'g2' });
      const me = await fetch(`${event.url}/auth/me`, { headers: { 'X-API-Key': 'cli-key' } });
      expect(me.status).toBe(200);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
      await exited(child);
    }
    expect(stderr).toContain('SIGTERM: shutting down');
  });

  it('exits with status 0 on SIGINT and prints a generated key when none is given', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/simulator/cli.ts', '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const line = await firstLine(child);
    expect(JSON.parse(line).profile).toBe('g3');
    child.kill('SIGINT');
    expect(await exited(child)).toEqual({ code: 0, signal: null });
    const key = /use this key: (\S+)/.exec(stderr)?.[1];
    expect(key).toMatch(/^sim_[0-9a-f]{24}$/);
  });
});
