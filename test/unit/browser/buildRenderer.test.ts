import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rendererIsCurrent, sourcesHash, STAMP } from '../../../scripts/buildRenderer.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function project() {
  const base = mkdtempSync(join(tmpdir(), 'vexa-build-'));
  dirs.push(base);
  mkdirSync(join(base, 'renderer', 'app'), { recursive: true });
  mkdirSync(join(base, 'shared'), { recursive: true });
  mkdirSync(join(base, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(base, 'renderer', 'app', 'App.tsx'), 'export const a = 1;');
  writeFileSync(join(base, 'shared', 'x.ts'), 'export const x = 1;');
  writeFileSync(join(base, 'vite.config.ts'), 'export default {};');
  writeFileSync(join(base, 'package-lock.json'), '{}');
  writeFileSync(join(base, 'dist', 'renderer', 'index.html'), '<!doctype html>');
  return base;
}

describe('npm start builds the app only when its sources changed', () => {
  it('is current after a build of these sources, and not after an edit, a new file or a missing build', () => {
    const base = project();
    expect(rendererIsCurrent(base)).toBe(false);
    writeFileSync(join(base, 'dist', 'renderer', STAMP), `${sourcesHash(base)}\n`);
    expect(rendererIsCurrent(base)).toBe(true);
    writeFileSync(join(base, 'renderer', 'app', 'App.tsx'), 'export const a = 2;');
    expect(rendererIsCurrent(base)).toBe(false);
    writeFileSync(join(base, 'dist', 'renderer', STAMP), `${sourcesHash(base)}\n`);
    writeFileSync(join(base, 'shared', 'y.ts'), '');
    expect(rendererIsCurrent(base)).toBe(false);
    writeFileSync(join(base, 'dist', 'renderer', STAMP), `${sourcesHash(base)}\n`);
    writeFileSync(join(base, 'package-lock.json'), '{"v":2}');
    expect(rendererIsCurrent(base)).toBe(false);
    writeFileSync(join(base, 'dist', 'renderer', STAMP), `${sourcesHash(base)}\n`);
    rmSync(join(base, 'dist', 'renderer', 'index.html'));
    expect(rendererIsCurrent(base)).toBe(false);
  });
});
