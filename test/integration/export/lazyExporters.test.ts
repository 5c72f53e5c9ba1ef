import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

/** Exports `format` in a fresh Node process and lists which of pdfkit and docx it then has loaded. */
function loadedAfter(format: string): string[] {
  // Every module loaded after the hook is in place, whether required or imported.
  const script = `
    import { registerHooks } from 'node:module';
    const urls = [];
    registerHooks({ load(url, context, next) { urls.push(url); return next(url, context); } });
    const { exportTranscript } = await import('./electron/core/export/exportTranscript.ts');
    const { generateMeeting } = await import('./test/fixtures/export/generate.ts');
    await exportTranscript(generateMeeting(20, 1), ${JSON.stringify(format)}, { now: 0 });
    const loaded = ['pdfkit', 'docx'].filter((name) => urls.some((url) => url.includes('/node_modules/' + name + '/')));
    process.stdout.write(JSON.stringify(loaded));
  `;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out) as string[];
}

describe('exporters load on first use', () => {
  // The export worker starts on the export dialog's preview (a text format): pdfkit and the docx
  // library, most of its start-up, wait until a PDF or DOCX is asked for.
  it('a text export loads neither pdfkit nor the docx library', () => {
    expect(loadedAfter('txt')).toEqual([]);
  });

  it('a PDF export loads pdfkit and not the docx library, and the other way round', () => {
    expect(loadedAfter('pdf')).toEqual(['pdfkit']);
    expect(loadedAfter('docx')).toEqual(['docx']);
  });
});
