import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/fixtures';

/**
 * Each test helper has one home in test/support/ (STYLE.md, "Tests"): a fix to the polling wait,
 * the seeded generator, the quiet logger or the fixture reader then reaches every test, and a
 * failure reads the same everywhere. This scan fails when a copy appears elsewhere under test/.
 */

interface Rule {
  helper: string;
  home: string;
  use: string;
  /** Where in a file's text a copy starts (character offsets). */
  find(text: string): number[];
}

const all = (pattern: RegExp, text: string, keep: (at: number) => boolean = () => true): number[] =>
  [...text.matchAll(pattern)].map((m) => m.index).filter(keep);

const NO_OP = String.raw`(?:\(\)\s*\{\s*\}|\s*:\s*\(\)\s*=>\s*(?:\{\s*\}|undefined))`;

const RULES: Rule[] = [
  {
    helper: 'a silent logger',
    home: 'test/support/logger.ts',
    use: 'quietLogger',
    // A logger whose methods do nothing; a logger that records lines (to assert on them) is not a copy.
    find: (text) =>
      all(new RegExp(`addSecret${NO_OP}`, 'g'), text, (at) => {
        const around = text.slice(Math.max(0, at - 300), at + 300);
        return /\bredact\s*[:(]/.test(around) && new RegExp(`\\b(?:debug|info|warn|error)${NO_OP}`).test(around);
      }),
  },
  {
    helper: 'a seeded random generator',
    home: 'test/support/random.ts',
    use: 'mulberry32 (with runSeed and pick)',
    find: (text) => [
      // mulberry32 and its relatives
      ...all(/Math\.imul\([^)\n]*>>>\s*15/g, text),
      // linear congruential generators (C library, Numerical Recipes, Knuth's MMIX, Java)
      ...all(/\b(?:1103515245|1664525|6364136223846793005|0x5deece66d)\b/gi, text),
      // xorshift
      ...all(/\^=\s*\(?\w+\s*<<\s*13\b/g, text),
    ],
  },
  {
    helper: 'a polling wait or a sleep',
    home: 'test/support/waitFor.ts',
    use: 'waitFor (for a condition) or pause (for time in which nothing may happen)',
    find: (text) => {
      const lines = text.split('\n');
      const lineStart = (n: number) => lines.slice(0, n).reduce((sum, l) => sum + l.length + 1, 0);
      const loop = /\bwhile\s*\(|\bfor\s*\(\s*;\s*;\s*\)|\bdo\s*\{/;
      return [
        ...all(/new Promise(?:<[^>]*>)?\(\s*\(?\s*(\w+)\s*\)?\s*=>\s*setTimeout\(\s*\1\s*[,)]/g, text),
        ...all(/\bsetInterval\(/g, text),
        ...all(/\bwhile\s*\([^\n]*Date\.now\(\)/g, text),
        // pause() inside a loop is a polling loop by another name
        ...lines.flatMap((line, n) =>
          /\bpause\(/.test(line) && lines.slice(Math.max(0, n - 3), n + 1).some((l) => loop.test(l)) ? [lineStart(n)] : [],
        ),
      ];
    },
  },
  {
    helper: 'a fixture reader',
    home: 'test/support/fixtures.ts',
    use: 'fixtureJson, fixtureText, fixtureBytes or fixturePath',
    find: (text) => [
      ...all(/\breadFile(?:Sync)?\([^;]*?\bfixtures\b/g, text),
      ...all(/new URL\(\s*['"`][^'"`]*\bfixtures\//g, text),
      ...all(/import\.meta\.(?:dirname|url)[^;\n]*['"`/]fixtures\b/g, text),
      ...all(/\bjoin\([^)\n]*['"`]fixtures['"`]/g, text),
    ],
  },
];

/**
 * Files excused for now: each still holds a copy, and moves to the homes with the change under way
 * in it. Remove a file from this list once it is converted; the scan then checks it like any
 * other, and the second test below fails while a file without copies is still listed.
 */
const NOT_YET_CONVERTED: Record<string, string> = {};

/** The scan's own patterns would read as copies; the homes are where the helpers belong. */
const SELF = 'test/unit/meta/helperHomes.test.ts';

const SOURCE = /\.(?:[cm]?[jt]s|tsx)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

interface Copy {
  file: string;
  line: number;
  rule: Rule;
}

function copiesIn(file: string, text: string): Copy[] {
  const lineOf = (at: number) => text.slice(0, at).split('\n').length;
  return RULES.filter((rule) => rule.home !== file).flatMap((rule) =>
    [...new Set(rule.find(text).map(lineOf))].sort((a, b) => a - b).map((line) => ({ file, line, rule })),
  );
}

const describeCopy = (c: Copy) => `${c.file}:${c.line}: ${c.rule.helper}; use ${c.rule.use} from ${c.rule.home}`;

const files = sourceFiles(join(REPO_ROOT, 'test'))
  .map((path) => relative(REPO_ROOT, path).split(sep).join('/'))
  .filter((file) => file !== SELF)
  .sort();
const copies = new Map(files.map((file) => [file, copiesIn(file, readFileSync(join(REPO_ROOT, file), 'utf8'))]));

describe('one home for each test helper', () => {
  it('finds no copy of a home helper under test/ (benchmarks and fixture generators included)', () => {
    const found = files.filter((f) => !(f in NOT_YET_CONVERTED)).flatMap((f) => copies.get(f)!);
    expect(found.map(describeCopy), 'copies of helpers that have a home in test/support/').toEqual([]);
  });

  it('lists in NOT_YET_CONVERTED only files that still hold a copy', () => {
    const stale = Object.keys(NOT_YET_CONVERTED).filter((f) => !copies.get(f)?.length);
    expect(stale, 'converted (or gone): remove these from NOT_YET_CONVERTED in helperHomes.test.ts').toEqual([]);
  });

  it('scans the benchmarks, the fixture generators and the homes themselves', () => {
    expect(files).toEqual(
      expect.arrayContaining(['test/bench/cache.bench.ts', 'test/fixtures/export/generate.ts', ...RULES.map((r) => r.home)]),
    );
  });

  // The forms the copies had before they moved home, so the scan keeps recognising them.
  it.each([
    [
      'a silent logger',
      'const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, addSecret() {}, redact: (t) => t, close: async () => {} };',
    ],
    ['a seeded random generator', 'let x = Math.imul(s ^ (s >>> 15), 1 | s);'],
    ['a seeded random generator', 'return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;'],
    ['a seeded random generator', 's = (s * 1664525 + 1013904223) >>> 0;'],
    ['a seeded random generator', 'x ^= x << 13; x ^= x >>> 17; x ^= x << 5;'],
    ['a polling wait or a sleep', 'while (!cond()) {\n  await new Promise((r) => setTimeout(r, 5));\n}'],
    ['a polling wait or a sleep', 'const check = setInterval(() => {}, 5);'],
    ['a polling wait or a sleep', "while (state === 'connecting' && Date.now() - start < 10_000) {"],
    ['a polling wait or a sleep', 'for (;;) {\n  if (done()) break;\n  await pause(20);\n}'],
    ['a fixture reader', "readFileSync(join(import.meta.dirname, '..', 'fixtures', 'tls', name), 'utf8')"],
    ['a fixture reader', "JSON.parse(readFileSync(new URL(`../../fixtures/export/${name}`, import.meta.url), 'utf8'))"],
    ['a fixture reader', "const dir = fileURLToPath(new URL('../../../fixtures/vexa/', import.meta.url));"],
    ['a fixture reader', "const tls = join(root, 'test', 'fixtures', 'tls');"],
  ])('recognises %s: %s', (helper, sample) => {
    expect(copiesIn('test/unit/sample.test.ts', sample).map((c) => c.rule.helper)).toContain(helper);
  });

  it.each([
    ['a logger that records lines', "debug: log('debug'), info: log('info'), addSecret: () => {}, redact: (t) => t,"],
    ['a timer that fires once', 'setTimeout(() => controller.abort(), 20);'],
    ['a counted loop that paces its input', 'for (let n = 0; n < UPDATES; n++) {\n  push(n);\n  await pause(50);\n}'],
    ['a file the test wrote itself', "JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))"],
  ])('leaves alone %s', (_what, sample) => {
    expect(copiesIn('test/unit/sample.test.ts', sample)).toEqual([]);
  });
});
