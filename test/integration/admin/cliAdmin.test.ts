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

describe('npm run simulator --profile g3', () => {
  it('prints the admin API’s own address in the listening line, and the key works there only', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/simulator/cli.ts', '--port', '0', '--profile', 'g3', '--api-key', 'k', '--admin-key', 'cli-admin'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const event = JSON.parse(await firstLine(child));
      expect(event).toEqual({
        event: 'listening',
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        adminUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        profile: 'g3',
      });
      expect(event.adminUrl).not.toBe(event.url);
      const headers = { 'X-Admin-API-Key': 'cli-admin' };
      expect((await fetch(`${event.adminUrl}/admin/users/1`, { headers })).status).toBe(200);
      expect((await fetch(`${event.url}/admin/users/1`, { headers })).status).toBe(404);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    }
  });

  it('opens no admin address without --admin-key: the listening line has none', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/simulator/cli.ts', '--port', '0', '--profile', 'g3', '--api-key', 'k'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      expect(JSON.parse(await firstLine(child))).toEqual({
        event: 'listening',
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        profile: 'g3',
      });
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    }
  });
});
