// The core and its web harness alone in a process of their own, so the after-meeting benchmarks
// read the core's memory without the simulator's or the browser driver's. Started by
// after.bench.ts with `--expose-gc`; prints `{"url","dataDir"}` once serving, then answers
// `memory` messages with its resident set and heap after a full collection.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { createCore } from '../../electron/core/createCore';
import { createFileLogger } from '../../electron/core/logger';
import { HARNESS_EXPORT_WORKER } from '../../electron/harness/exportWorker';
import { createHarnessPorts } from '../../electron/harness/harnessPorts';
import { startHarness } from '../../electron/harness/harnessServer';
import { createMemorySecretStore } from '../../electron/core/secrets/fileSecretStore';
import { RENDERER_DIR } from '../e2e/support/app';

export interface CoreMemory {
  rssMb: number;
  heapMb: number;
  /** Memory outside the JS heap that V8 knows of (buffers, SQLite's is not in it). */
  externalMb: number;
  /** The JS heap as reserved from the system (used or not). */
  heapTotalMb: number;
  /** Resident memory of the process's own (anonymous) pages and of mapped files, where Linux says. */
  anonMb?: number;
  fileMb?: number;
  /** Of the anonymous pages, those of the C allocator's main heap (brk). */
  brkMb?: number;
  /**
   * Of the anonymous pages, those in mappings of 256 KB or less: the JS engine's heap pages. Their
   * sum beside `v8PhysicalMb` shows pages the engine no longer counts but keeps resident.
   */
  smallMapsMb?: number;
  /** The JS heap's resident size as the engine counts it. */
  v8PhysicalMb?: number;
}

/** Linux's split of the resident set (`/proc/self/smaps_rollup`, `/proc/self/smaps`). */
function residentSplit(): Pick<CoreMemory, 'anonMb' | 'fileMb' | 'brkMb' | 'smallMapsMb' | 'v8PhysicalMb'> {
  try {
    const rollup = readFileSync('/proc/self/smaps_rollup', 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? NaN) / 1024;
    const maps = readFileSync('/proc/self/smaps', 'utf8');
    const brk = /\[heap\]\n(?:.*\n)*?Rss:\s+(\d+) kB/.exec(maps);
    let smallKb = 0;
    for (const m of maps.matchAll(/^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ 0 *\n(?:.*\n)*?Rss:\s+(\d+) kB/gm)) {
      if (parseInt(m[2]!, 16) - parseInt(m[1]!, 16) <= 256 * 1024) smallKb += Number(m[3]);
    }
    return {
      anonMb: kb('Anonymous'),
      fileMb: kb('Rss') - kb('Anonymous'),
      brkMb: brk ? Number(brk[1]) / 1024 : 0,
      smallMapsMb: smallKb / 1024,
      v8PhysicalMb: getHeapStatistics().total_physical_size / 2 ** 20,
    };
  } catch {
    return {};
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'vexa-after-bench-'));
const logsDir = join(dataDir, 'logs');
const logger = createFileLogger({ dir: logsDir });
const ports = createHarnessPorts({ logger, launchBrowser: false, recordShortcuts: true });
const core = await createCore({
  transport: 'web',
  version: '0.0.0-bench',
  os: process.platform,
  paths: { data: dataDir, logs: logsDir },
  secrets: createMemorySecretStore(),
  logger,
  demo: { timeScale: 20 },
  exportWorker: HARNESS_EXPORT_WORKER,
  ...ports,
});
const harness = await startHarness({ core, rendererDir: RENDERER_DIR, pageAlerts: ports.pageAlerts });

const gc = (globalThis as { gc?: () => void }).gc;
const memory = async (): Promise<CoreMemory> => {
  // Twice, a turn apart: what the first collection frees may hold the last references of the next.
  gc?.();
  await new Promise((r) => setImmediate(r));
  gc?.();
  const m = process.memoryUsage();
  return {
    rssMb: m.rss / 2 ** 20,
    heapMb: m.heapUsed / 2 ** 20,
    externalMb: m.external / 2 ** 20,
    heapTotalMb: m.heapTotal / 2 ** 20,
    ...residentSplit(),
  };
};

process.on('message', (message: { type: string }) => {
  if (message.type === 'memory') void memory().then((m) => process.send?.({ type: 'memory', ...m }));
  if (message.type === 'close')
    void harness
      .close()
      .then(() => core.close())
      .then(() => process.exit(0));
});
process.send?.({ type: 'ready', url: harness.url, dataDir });
