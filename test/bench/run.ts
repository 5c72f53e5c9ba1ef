// `npm run bench`: one JSON object per line ({name, value, unit, baseline?, ratio?, target?}).
// Comparisons are measured side by side in the same run; nothing here asserts.
import { runAfterBench } from './after.bench';
// `npx tsx test/bench/run.ts <group>…` runs only the groups named.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { emit } from './bench';
import { runCacheBench } from './cache.bench';
import { runExportBench } from './export.bench';
import { runIpcBench } from './ipc.bench';
import { runLiveBench } from './live.bench';
import { runRenderBench } from './render.bench';
import { runStartupBench } from './startup.bench';
import { runTranscriptBench } from './transcript.bench';

interface Group {
  name: string;
  run: () => Promise<void>;
  /** Serves dist/renderer to Chromium: built first (only when its sources changed). */
  renderer?: boolean;
}

// One line per group.
const groups: Group[] = [
  { name: 'ipc', run: runIpcBench },
  { name: 'transcript', run: runTranscriptBench },
  { name: 'live', run: runLiveBench },
  { name: 'export', run: runExportBench },
  { name: 'cache', run: runCacheBench },
  { name: 'render', run: runRenderBench, renderer: true },
  { name: 'startup', run: runStartupBench, renderer: true },
  { name: 'after', run: runAfterBench, renderer: true },
];

/** The machine's load beside the results: on a shared machine a slow figure may be a busy one. */
function emitLoad(note: 'start' | 'end'): void {
  const [one, five] = loadavg();
  emit({ name: 'machine.load_1m', value: +one!.toFixed(2), unit: 'load', note });
  emit({ name: 'machine.load_5m', value: +five!.toFixed(2), unit: 'load', note });
  emit({ name: 'machine.cores', value: cpus().length, unit: 'cores', note });
}

/**
 * Builds dist/renderer unless it was built from the current sources (scripts/buildRenderer.mjs,
 * as `npm run web` does). Its messages go to stderr: stdout stays one JSON object per line.
 */
function buildRenderer(): void {
  const script = join(import.meta.dirname, '..', '..', 'scripts', 'buildRenderer.mjs');
  const r = spawnSync(process.execPath, [script], { stdio: ['ignore', process.stderr, process.stderr] });
  if (r.status !== 0) {
    process.stderr.write('The app could not be built, so the benchmarks that open it cannot run.\n');
    process.exit(r.status ?? 1);
  }
}

const only = process.argv.slice(2);
const unknown = only.filter((name) => !groups.some((g) => g.name === name));
if (unknown.length > 0) {
  process.stderr.write(`No benchmark group named ${unknown.join(', ')}. Groups: ${groups.map((g) => g.name).join(' ')}\n`);
  process.exit(2);
}
const chosen = groups.filter((g) => only.length === 0 || only.includes(g.name));

emitLoad('start');
if (chosen.some((g) => g.renderer)) buildRenderer();
for (const group of chosen) await group.run();
emitLoad('end');
