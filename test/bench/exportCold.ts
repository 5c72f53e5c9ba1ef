// A fresh process's first export (`export.bench.ts` starts it): the core has the meeting in hand,
// then asks the export worker for a PDF. The time runs from the request to the bytes back, so the
// worker's start, its modules and the fonts it reads are all in it, as for the first export after
// the app opens. Prints the milliseconds on stdout.
import { readFileSync } from 'node:fs';
import { workerExports } from '../../electron/core/export/exportRunner';
import { quietLogger } from '../support/logger';

const [workerFile, meetingFile, format = 'pdf'] = process.argv.slice(2);
if (!workerFile || !meetingFile) throw new Error('usage: exportCold.ts <worker.cjs> <meeting.json> [format]');
const meeting = JSON.parse(readFileSync(meetingFile, 'utf8')) as Record<string, unknown>;
const exports = workerExports({ file: workerFile, logger: quietLogger });
const start = performance.now();
const out = await exports.run(meeting, format as 'pdf', { now: Date.UTC(2026, 7, 21) });
const ms = performance.now() - start;
if (typeof out === 'string' || out.byteLength < 1000) throw new Error('the export came back empty');
process.stdout.write(`${JSON.stringify({ ms, bytes: out.byteLength })}\n`);
await exports.close();
