import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * The core starts without what most runs never use: the export formats and their libraries
 * (pdfkit, fontkit, docx) load on the first export, the simulator when the demo starts. Each is a
 * sizeable part of the core's modules, which a person waits for at every start and keeps in memory.
 */
const CHILD = join(import.meta.dirname, 'lazyStartChild.ts');
const ROOT = join(import.meta.dirname, '..', '..', '..');

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

function startAndList(): { answered: boolean; loaded: string[] } {
  dir = mkdtempSync(join(tmpdir(), 'vexa-lazy-start-'));
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, dir], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`the core's child exited with ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { answered: boolean; loaded: string[] };
}

describe('starting the core', () => {
  it('answers without loading the export formats or the demo simulator', { timeout: 90_000 }, () => {
    const { answered, loaded } = startAndList();
    expect(answered).toBe(true);
    // The recording sees the core's own modules: otherwise an empty list would pass.
    expect(loaded.some((url) => url.endsWith('/electron/core/createCore.ts'))).toBe(true);
    const eager = loaded.filter((url) =>
      /\/node_modules\/(pdfkit|fontkit|docx)\/|\/electron\/core\/export\/(exportTranscript|pdf|docx)\.ts$|\/electron\/simulator\//.test(
        url,
      ),
    );
    expect(eager).toEqual([]);
  });
});
