// The mutation check: each named mutation of the product (test/mutations/*.mjs, one file per area) is applied
// to a scratch copy of the repository, the tests that guard it are run there, and the mutation must
// be killed (those tests fail). A surviving mutation means a guarantee whose tests would not notice
// it breaking. Before any mutation, the guarding tests run once on the unmutated copy and must pass,
// so an environment problem is never mistaken for a kill.
//   node scripts/mutationCheck.mjs [--only name,name] [--json FILE]
// Prints one line per mutation and ends with "N killed, N survived"; exits 1 if any survived or the
// baseline failed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');

/** Every area's list, in file-name order; a name used twice is an error, not a silent override. */
async function loadMutations() {
  const dir = join(root, 'test', 'mutations');
  const all = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.mjs'))
    .sort()) {
    const { mutations: list } = await import(pathToFileURL(join(dir, file)).href);
    if (!Array.isArray(list)) throw new Error(`test/mutations/${file} exports no \`mutations\` list`);
    all.push(...list.map((m) => ({ ...m, area: file.replace(/\.mjs$/, '') })));
  }
  const seen = new Set();
  for (const m of all) {
    if (seen.has(m.name)) throw new Error(`Mutation name used twice: ${m.name}`);
    seen.add(m.name);
  }
  return all;
}
const mutations = await loadMutations();
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = flag('--only')?.split(',');
const jsonOut = flag('--json');
const selected = only ? mutations.filter((m) => only.includes(m.name)) : mutations;
if (only && selected.length !== only.length) {
  console.error(`Unknown mutation: ${only.filter((n) => !mutations.some((m) => m.name === n)).join(', ')}`);
  process.exit(2);
}

/** Every tracked and untracked-but-not-ignored file, so the check sees the work tree as it is. */
function projectFiles() {
  const r = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ls-files failed: ${r.stderr}`);
  return r.stdout.split('\0').filter((f) => f !== '' && f !== 'node_modules');
}

function scratchCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'vexa-mutation-'));
  for (const file of projectFiles()) {
    const target = join(dir, file);
    mkdirSync(dirname(target), { recursive: true });
    try {
      cpSync(join(root, file), target);
    } catch (e) {
      // A file deleted in the work tree but still tracked: the copy goes without it, as the tree does.
      if (e?.code !== 'ENOENT') throw e;
    }
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

// The project's pinned Node (the `node` devDependency), whatever Node started this script: the
// tests start child processes with process.execPath, and the native SQLite module is built for it.
const pinnedNode = join(root, 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
const nodeForTests = existsSync(pinnedNode) ? pinnedNode : process.execPath;

const vitest = (dir, files) =>
  spawnSync(nodeForTests, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter=dot', ...files], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });

/** The failed tests vitest names (" FAIL  file > suite > test"), or what ended the run. */
function failingTests(output) {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  const failed = plain
    .split('\n')
    .map((l) => /^\s*FAIL\s+(.+?)\s*$/.exec(l)?.[1])
    .filter((l) => l !== undefined);
  if (failed.length > 0) return [...new Set(failed)];
  const unhandled = /(Unhandled \w+|Error: .+)/.exec(plain)?.[1];
  return [unhandled ?? 'the test run ended with an error'];
}

/** Applies one mutation's edits; each `from` must occur exactly once, so a refactor cannot silently void it. */
function apply(dir, mutation) {
  const originals = new Map();
  for (const edit of mutation.edits) {
    const path = join(dir, edit.file);
    const text = originals.get(path) ?? readFileSync(path, 'utf8');
    if (!originals.has(path)) originals.set(path, text);
    const current = readFileSync(path, 'utf8');
    const count = current.split(edit.from).length - 1;
    if (count !== 1) throw new Error(`${mutation.name}: expected "${edit.from}" once in ${edit.file}, found it ${count} times`);
    writeFileSync(path, current.replace(edit.from, edit.to));
  }
  return () => {
    for (const [path, text] of originals) writeFileSync(path, text);
  };
}

const dir = scratchCopy();
const results = [];
let status = 0;
try {
  const allTests = [...new Set(selected.flatMap((m) => m.tests))];
  const baseline = vitest(dir, allTests);
  if (baseline.status !== 0) {
    console.error(baseline.stdout.slice(-4000), baseline.stderr.slice(-4000));
    console.error('The guarding tests fail without any mutation; fix them first.');
    status = 1;
  } else {
    for (const mutation of selected) {
      let killed;
      let detail = '';
      let killedBy = [];
      let restore = () => {};
      try {
        restore = apply(dir, mutation);
        const r = vitest(dir, mutation.tests);
        killed = r.status !== 0;
        if (!killed) detail = r.stdout.slice(-1500);
        else killedBy = failingTests(`${r.stdout}\n${r.stderr}`);
      } catch (e) {
        killed = false;
        detail = e instanceof Error ? e.message : String(e);
      } finally {
        restore();
      }
      results.push({ name: mutation.name, killed, what: mutation.what, tests: mutation.tests, killedBy });
      console.log(`${killed ? 'killed  ' : 'SURVIVED'} ${mutation.name}: ${mutation.what}`);
      for (const line of killedBy.slice(0, 3)) console.log(`           by ${line}`);
      if (!killed) {
        status = 1;
        if (detail) console.log(detail);
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const killed = results.filter((r) => r.killed).length;
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ results, baselineFailed: status !== 0 && results.length === 0 }, null, 2));
console.log(`${killed} killed, ${results.length - killed} survived`);
process.exit(status);
