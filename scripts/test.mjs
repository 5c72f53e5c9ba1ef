// Runs every test tier and prints one closing line summed over them: "N passed, N failed, N skipped".
// Tiers: unit + integration (vitest), mutation (named mutations of the product, each of which its
// guarding tests must kill: scripts/mutationCheck.mjs), packaging (vitest: electron-builder packages the app for
// Linux, Windows and macOS from a stand-in Electron and the tests open the packages), e2e-web
// (Playwright + Chromium + harness + simulator), e2e-electron (Playwright's Electron driver; skips
// loudly where the Electron binary is absent). `node scripts/test.mjs unit packaging` runs some.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const results = join(root, 'test-results');
const only = process.argv.slice(2);
mkdirSync(results, { recursive: true });

// Each tool runs through its JavaScript entry point with this Node: `npx` is `npx.cmd` on Windows,
// which spawnSync cannot start without a shell.
const bin = {
  vitest: join(root, 'node_modules', 'vitest', 'vitest.mjs'),
  playwright: join(root, 'node_modules', '@playwright', 'test', 'cli.js'),
  vite: join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
};

function run(tool, args, env = {}) {
  const r = spawnSync(process.execPath, [bin[tool], ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const tiers = [];

function vitestTier(name, dir, config) {
  const out = join(results, `${name}.json`);
  rmSync(out, { force: true });
  const configArgs = config ? ['--config', config] : [];
  const code = run('vitest', ['run', dir, ...configArgs, '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  const j = readJson(out);
  const passed = j?.numPassedTests ?? 0;
  const failed = (j?.numFailedTests ?? 0) + (j ? 0 : 1) + (j && code !== 0 && !j.numFailedTests ? 1 : 0);
  tiers.push({ name, passed, failed, skipped: (j?.numPendingTests ?? 0) + (j?.numTodoTests ?? 0) });
}

function playwrightTier(name, config, out) {
  rmSync(out, { force: true });
  const code = run('playwright', ['test', '-c', config]);
  const j = readJson(out);
  const s = j?.stats ?? {};
  const passed = (s.expected ?? 0) + (s.flaky ?? 0);
  const failed = (s.unexpected ?? 0) + (j ? 0 : 1) + (j && code !== 0 && !s.unexpected ? 1 : 0);
  tiers.push({ name, passed, failed, skipped: s.skipped ?? 0 });
}

/** Each named mutation counts as one test: passed when its guarding tests kill it. */
function mutationTier() {
  const out = join(results, 'mutation.json');
  rmSync(out, { force: true });
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'mutationCheck.mjs'), '--json', out], { cwd: root, stdio: 'inherit' });
  const j = readJson(out);
  const list = j?.results ?? [];
  const killed = list.filter((m) => m.killed).length;
  // No report, or a baseline that failed before any mutation ran, counts as one failure.
  const failed = list.length - killed + (!j || j.baselineFailed || (r.status !== 0 && killed === list.length) ? 1 : 0);
  tiers.push({ name: 'mutation', passed: killed, failed, skipped: 0 });
}

const want = (t) => only.length === 0 || only.includes(t);

if (want('unit')) vitestTier('unit', 'test/unit');
if (want('integration')) vitestTier('integration', 'test/integration');
if (want('mutation')) mutationTier();
if (want('packaging')) vitestTier('packaging', 'test/packaging', 'test/packaging/vitest.config.ts');
// The web tier serves dist/renderer; the Electron tier's global setup builds what it needs itself,
// and nothing where the Electron binary is absent.
if (want('e2e')) {
  if (run('vite', ['build', '--logLevel', 'warn']) !== 0) tiers.push({ name: 'build', passed: 0, failed: 1, skipped: 0 });
}
if (want('e2e')) playwrightTier('e2e-web', 'test/e2e/playwright.config.ts', join(results, 'e2e', 'results.json'));
if (want('e2e-electron') && existsSync(join(root, 'test/e2e-electron/playwright.config.ts'))) {
  playwrightTier('e2e-electron', 'test/e2e-electron/playwright.config.ts', join(results, 'e2e-electron', 'results.json'));
}

const total = tiers.reduce((a, t) => ({ passed: a.passed + t.passed, failed: a.failed + t.failed, skipped: a.skipped + t.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
});
console.log('');
for (const t of tiers) console.log(`  ${t.name.padEnd(14)} ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
const line = `${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`;
writeFileSync(join(results, 'summary.txt'), `${line}\n`);
console.log(line);
process.exit(total.failed > 0 ? 1 : 0);
