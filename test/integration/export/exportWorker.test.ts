import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { exportTranscript, ExportError } from '../../../electron/core/export';
import { workerExports, type ExportRunner } from '../../../electron/core/export/exportRunner';
import { quietLogger } from '../../support/logger';
import { generateMeeting } from '../../fixtures/export/generate';
import { readPdfLines } from './pdfRead';
import { fixtureJson } from '../../support/fixtures';

const WORKER = new URL('../../../electron/core/export/exportWorker.ts', import.meta.url);
const now = Date.UTC(2026, 7, 21);
let runner: ExportRunner | null = null;
afterEach(async () => {
  await runner?.close();
  runner = null;
});

const start = (file: URL = WORKER): ExportRunner => (runner = workerExports({ file, execArgv: ['--import', 'tsx'], logger: quietLogger }));

describe('exports in a worker thread', () => {
  it('make the same files as on the core thread', async () => {
    const meeting = generateMeeting(300, 3);
    const exports = start();
    for (const format of ['txt', 'md', 'srt', 'vtt', 'json'] as const) {
      expect(await exports.run(meeting, format, { now })).toBe(await exportTranscript(meeting, format, { now }));
    }
    const pdf = (await exports.run(meeting, 'pdf', { now })) as Uint8Array;
    const here = (await exportTranscript(meeting, 'pdf', { now })) as Uint8Array;
    expect((await readPdfLines(pdf)).lines.map((l) => l.text)).toEqual((await readPdfLines(here)).lines.map((l) => l.text));
  });

  it('leave the core thread free while a long meeting is exported', async () => {
    const exports = start();
    await exports.run(generateMeeting(200, 5), 'pdf', { now }); // the worker is up, its fonts loaded
    let turns = 0;
    let exporting = true;
    const spin = (): void => {
      turns++;
      if (exporting) setImmediate(spin);
    };
    setImmediate(spin);
    const pdf = await exports.run(generateMeeting(10_000, 9), 'pdf', { now });
    exporting = false;
    expect(pdf).toBeInstanceOf(Uint8Array);
    // On the core thread the layout of 10,000 segments runs without a single turn in between.
    expect(turns).toBeGreaterThan(50);
  });

  it('pass an exporter error through with its code and sentence, and keep working', async () => {
    const exports = start();
    const failed = exports.run({ segments: 'not a list' }, 'txt', { now });
    await expect(failed).rejects.toBeInstanceOf(ExportError);
    await expect(failed).rejects.toMatchObject({ code: 'invalid_transcript' });
    expect(await exports.run(generateMeeting(5, 1), 'txt', { now })).toMatch(/^MEETING TRANSCRIPT/);
  });

  it('run on the core thread when the worker cannot start, so exporting still works', async () => {
    const exports = start(new URL('./missing-worker.ts', import.meta.url));
    const meeting = generateMeeting(5, 1);
    expect(await exports.run(meeting, 'txt', { now })).toBe(await exportTranscript(meeting, 'txt', { now }));
    expect(await exports.run(meeting, 'md', { now })).toMatch(/^# /);
  });

  it('run from the bundle the packaged app ships (exportWorker.cjs beside main.cjs)', async () => {
    const root = join(import.meta.dirname, '..', '..', '..');
    // Inside the project, so the bundle finds pdfkit and the fonts in node_modules as the app does.
    mkdirSync(join(root, 'dist'), { recursive: true });
    const outdir = mkdtempSync(join(root, 'dist', 'export-worker-'));
    try {
      execFileSync(process.execPath, [join(root, 'scripts', 'buildElectron.mjs'), '--outdir', outdir], { cwd: root, stdio: 'pipe' });
      const exports = (runner = workerExports({ file: pathToFileURL(join(outdir, 'exportWorker.cjs')), logger: quietLogger }));
      const g1 = fixtureJson<Record<string, unknown>>('export/g1.json');
      const pdf = (await exports.run(g1, 'pdf', { now })) as Uint8Array;
      const here = (await exportTranscript(g1, 'pdf', { now })) as Uint8Array;
      expect((await readPdfLines(pdf)).lines.map((l) => l.text)).toEqual((await readPdfLines(here)).lines.map((l) => l.text));
      // The bundle loads the DOCX exporter on first use, as it does the PDF one.
      const docx = (await exports.run(g1, 'docx', { now })) as Uint8Array;
      expect(Buffer.from(docx.subarray(0, 2)).toString('latin1')).toBe('PK');
    } finally {
      await runner?.close();
      runner = null;
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
