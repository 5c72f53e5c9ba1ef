// `npm run bench`: one JSON object per line ({name, value, unit, baseline?, ratio?, target?}).
// Comparisons are measured side by side in the same run; nothing here asserts.
import { runAfterBench } from './after.bench';
import { runCacheBench } from './cache.bench';
import { runExportBench } from './export.bench';
import { runIpcBench } from './ipc.bench';
import { runLiveBench } from './live.bench';
import { runRenderBench } from './render.bench';
import { runTranscriptBench } from './transcript.bench';

const benches: Array<[string, () => Promise<void>]> = [
  ['ipc', runIpcBench],
  ['transcript', runTranscriptBench],
  ['live', runLiveBench],
  ['export', runExportBench],
  ['cache', runCacheBench],
  // Needs the built renderer (`npx vite build`).
  ['render', runRenderBench],
  ['after', runAfterBench],
];
const only = process.argv.slice(2);

for (const [name, run] of benches) {
  if (only.length && !only.includes(name)) continue;
  await run();
}
