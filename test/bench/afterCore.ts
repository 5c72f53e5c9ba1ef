// The core and its web harness alone in a process of their own, so the after-meeting benchmarks
// read the core's memory without the simulator's or the browser driver's. Started by
// after.bench.ts with `--expose-gc`; prints `{"url","dataDir"}` once serving, then answers
// `memory` messages with its resident set and heap after a full collection.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  return { rssMb: m.rss / 2 ** 20, heapMb: m.heapUsed / 2 ** 20, externalMb: m.external / 2 ** 20, heapTotalMb: m.heapTotal / 2 ** 20 };
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
