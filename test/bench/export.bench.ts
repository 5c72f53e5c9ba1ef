// Exports a 10,000-segment meeting (a fifth of its lines in Chinese, Japanese, Arabic and Russian)
// to every format through the export worker the packaged app runs: `exportWorker.ts` bundled by
// esbuild as scripts/buildElectron.mjs bundles it, started by `workerExports` as createCore starts
// it. Each time runs from the request to the result back on the core's thread, so the meeting's
// copy into the worker and the file's transfer back are in it.
// - `export.<format>_10k_ms` and `export.all_formats_10k_ms`: a warm worker (one round on a
//   1,000-segment meeting first: the app keeps the worker, its fonts and code for the session);
//   the median of three rounds, each on a meeting of its own.
// - `export.cold_first_10k_ms`: a fresh process's first export (a PDF, the slowest format), worker
//   start and font loading included (exportCold.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { EXPORT_FORMAT_IDS, type ExportFormat } from '../../electron/core/export';
import { workerExports } from '../../electron/core/export/exportRunner';
import type { Logger } from '../../electron/core/ports';
import { quietLogger } from '../support/logger';
import { emit } from './bench';
import { multilingualMeeting } from './multilingualMeeting';

const ROOT = resolve(import.meta.dirname, '../..');
const ROUNDS = 3;
const COLD_RUNS = 3;
const now = Date.UTC(2026, 7, 21);

/** The worker as the packaged app has it (scripts/buildElectron.mjs, `nodeBundle`). */
async function bundleWorker(dir: string): Promise<string> {
  const outfile = join(dir, 'exportWorker.cjs');
  await build({
    entryPoints: [join(ROOT, 'electron/core/export/exportWorker.ts')],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    logLevel: 'warning',
    absWorkingDir: ROOT,
    legalComments: 'none',
    external: ['electron', 'better-sqlite3', 'pdfkit', 'fontkit', 'electron-updater', 'bufferutil', 'utf-8-validate'],
    define: { 'import.meta.url': '__vexaImportMetaUrl' },
    banner: { js: 'const __vexaImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  });
  // The bundle resolves pdfkit, fontkit and the fonts from the project's node_modules.
  return outfile;
}

/** A worker that could not start would quietly export on this thread: that must not be measured. */
function strictLogger(): Logger {
  const fail = (message: string): never => {
    throw new Error(`export bench: ${message}`);
  };
  return { ...quietLogger, warn: (m) => fail(m), error: (m) => fail(m) };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export async function runExportBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vexa-export-bench-'));
  try {
    // Inside the project, so that the bundle's requires find node_modules as dist/electron's do.
    const workerDir = mkdtempSync(join(ROOT, '.export-bench-'));
    try {
      const worker = await bundleWorker(workerDir);
      const meetingFile = join(dir, 'meeting.json');
      writeFileSync(meetingFile, JSON.stringify(multilingualMeeting(10_000)));

      const cold: number[] = [];
      for (let i = 0; i < COLD_RUNS; i++) {
        const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/bench/exportCold.ts'), worker, meetingFile], {
          cwd: ROOT,
          encoding: 'utf8',
        });
        cold.push((JSON.parse(out.trim().split('\n').pop() ?? '{}') as { ms: number }).ms);
      }

      const exports = workerExports({ file: worker, logger: strictLogger() });
      const warmUp = multilingualMeeting(1000, 7);
      for (const format of EXPORT_FORMAT_IDS) await exports.run(warmUp, format, { now });
      const times = new Map<ExportFormat, number[]>(EXPORT_FORMAT_IDS.map((f) => [f, []]));
      const totals: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        // A meeting not exported before in each round: its words recur, its lines do not.
        const meeting = multilingualMeeting(10_000, 42 + round);
        let total = 0;
        for (const format of EXPORT_FORMAT_IDS) {
          const start = performance.now();
          await exports.run(meeting, format, { now });
          const ms = performance.now() - start;
          times.get(format)?.push(ms);
          total += ms;
        }
        totals.push(total);
      }
      await exports.close();

      for (const format of EXPORT_FORMAT_IDS)
        emit({ name: `export.${format}_10k_ms`, value: Math.round(median(times.get(format) ?? [])), unit: 'ms' });
      emit({ name: 'export.all_formats_10k_ms', value: Math.round(median(totals)), unit: 'ms', target: '< 1500' });
      emit({ name: 'export.cold_first_10k_ms', value: Math.round(median(cold)), unit: 'ms', target: '< 2000' });
    } finally {
      rmSync(workerDir, { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runExportBench();
