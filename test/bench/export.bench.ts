// Exports a generated 10,000-segment meeting to every format and reports the time of each and the
// total, after one warm-up round on a 1,000-segment meeting (fonts loaded, code compiled: the app
// keeps both for the whole session).
import { EXPORT_FORMAT_IDS, exportTranscript } from '../../electron/core/export';
import { generateMeeting } from '../fixtures/export/generate';
import { emit } from './bench';

export async function runExportBench(): Promise<void> {
  const meeting = generateMeeting(10_000);
  const now = Date.UTC(2026, 7, 21);
  const warmUp = generateMeeting(1000, 7);
  for (const format of EXPORT_FORMAT_IDS) await exportTranscript(warmUp, format, { now });
  let total = 0;
  for (const format of EXPORT_FORMAT_IDS) {
    const start = performance.now();
    await exportTranscript(meeting, format, { now });
    const ms = performance.now() - start;
    total += ms;
    emit({ name: `export.${format}_10k_ms`, value: Math.round(ms), unit: 'ms' });
  }
  emit({ name: 'export.all_formats_10k_ms', value: Math.round(total), unit: 'ms', target: '< 1500' });
}

if (import.meta.url === `file://${process.argv[1]}`) await runExportBench();
