import { spawn, type SpawnOptions } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHarnessPorts } from '../../../electron/harness/harnessPorts';
import type { SpawnLike } from '../../../electron/harness/systemOpener';
import { waitFor } from '../../support/waitFor';
import { quietLogger } from '../../support/logger';

const dir = mkdtempSync(join(tmpdir(), 'vexa-opener-'));
// Stands in for rundll32, open or xdg-open: writes down the arguments it was started with (renamed
// into place, so the test never reads half a file).
const recorder = join(dir, 'recorder.cjs');
writeFileSync(
  recorder,
  `const fs = require('node:fs'); const out = process.env.RECORD_TO;
   fs.writeFileSync(out + '.part', JSON.stringify(process.argv.slice(2))); fs.renameSync(out + '.part', out);`,
);

let spawned = 0;

interface Started {
  command: string;
  options: SpawnOptions;
  /** The arguments the started process really received. */
  argv: Promise<string[]>;
}

/**
 * Starts the recorder in place of the opener with the same arguments and options (a `shell`
 * option included), so what it receives is what the opener would have received.
 */
function recordingSpawn(): { spawn: SpawnLike; started: Started[] } {
  const started: Started[] = [];
  return {
    started,
    spawn: (command, args, options) => {
      const out = join(dir, `argv-${++spawned}.json`);
      const child = spawn(process.execPath, [recorder, ...args], { ...options, env: { ...process.env, RECORD_TO: out } });
      started.push({
        command,
        options,
        argv: waitFor(`the opener to start (${command})`, () => existsSync(out) && (JSON.parse(readFileSync(out, 'utf8')) as string[])),
      });
      return child;
    },
  };
}

// What a server or the AI hand-off can put in a link; a shell would split each of these.
const LINKS = [
  'https://meet.google.com/qqq-rrrr-sss&calc.exe',
  'https://chatgpt.com/?q=Summarise%20the%20meeting&hints=search',
  'https://x.test/a|cat',
  'https://x.test/a^&calc.exe',
  'https://x.test/?q=1;echo${IFS}injected',
  'https://x.test/"quoted"&%PATH%',
];

describe('opening links from the browser-served app', () => {
  it.each(['win32', 'darwin', 'linux'] as const)(
    'on %s the started process receives each link as exactly one argument',
    async (platform) => {
      const { spawn: recording, started } = recordingSpawn();
      const ports = createHarnessPorts({ logger: quietLogger, launchBrowser: true, system: { spawn: recording, platform, env: {} } });
      for (const url of LINKS) await ports.opener.openUrl(url);

      expect(started).toHaveLength(LINKS.length);
      for (const [i, url] of LINKS.entries()) {
        const href = new URL(url).href;
        const argv = await started[i]!.argv;
        expect(argv).toEqual(platform === 'win32' ? ['url.dll,FileProtocolHandler', href] : [href]);
        expect(started[i]!.options.shell ?? false).toBe(false);
      }
      expect(ports.opener.opened).toEqual(LINKS.map((u) => new URL(u).href));
    },
  );

  it('starts nothing for a link that is not a plain web link', async () => {
    const { spawn: recording, started } = recordingSpawn();
    const ports = createHarnessPorts({
      logger: quietLogger,
      launchBrowser: true,
      system: { spawn: recording, platform: 'win32', env: {} },
    });
    for (const url of ['javascript:alert(1)', 'file:///C:/Windows/System32/calc.exe', 'https://x.test/a\r\ncalc.exe', '-https://x.test/']) {
      await expect(ports.opener.openUrl(url)).rejects.toMatchObject({ code: 'blocked_url' });
    }
    expect(started).toEqual([]);
    expect(ports.opener.opened).toEqual([]);
  });

  it('opens its own folders with the folder as one argument', async () => {
    const { spawn: recording, started } = recordingSpawn();
    const ports = createHarnessPorts({
      logger: quietLogger,
      launchBrowser: true,
      system: { spawn: recording, platform: 'linux', env: {} },
    });
    const folder = join(dir, 'Vexa & Co (web)');
    await ports.opener.openFolder(folder);
    expect(started.map((s) => s.command)).toEqual(['xdg-open']);
    expect(await started[0]!.argv).toEqual([folder]);
  });
});
