import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportTranscript } from '../../../electron/core/export';
import type { ExportRunner } from '../../../electron/core/export/exportRunner';
import type { SaveDialogRequest } from '../../../electron/core/ports';
import { TranscriptService } from '../../../electron/core/share/transcriptService';
import { capabilitiesFor } from '../../../shared/vexa/capabilities';
import { quietLogger } from '../cache/helpers';

const g1 = JSON.parse(readFileSync(new URL('../../fixtures/export/g1.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const REF = { meetingId: 42, platform: 'google_meet', nativeMeetingId: 'abc-defg-hij', name: 'Budget / review' };
const NOW = Date.UTC(2026, 5, 30, 12);

/** The desktop app's path: a native save dialog (a recording fake) and a file written where it says. */
function service(answer: string | null, cached: Record<string, unknown> | null = g1) {
  const asked: SaveDialogRequest[] = [];
  const written = new Map<string, string | Uint8Array>();
  const exported: string[] = [];
  const exports: ExportRunner = {
    run: (input, format, options) => {
      exported.push(format);
      return exportTranscript(input, format, options);
    },
    close: async () => {},
  };
  const transcripts = new TranscriptService({
    client: () => {
      throw new Error('no server in this test');
    },
    capabilities: () => capabilitiesFor('g1'),
    activeServerId: () => 'https://vexa.example',
    cached: async () => cached,
    dialogs: {
      canSave: true,
      saveFile: async (request) => {
        asked.push(request);
        return answer;
      },
    },
    clipboard: { readText: async () => '', writeText: async () => {} },
    opener: { openUrl: async () => {}, openFolder: async () => {} },
    logger: quietLogger,
    writeFile: async (path, data) => {
      written.set(path, data);
    },
    now: () => NOW,
    exports,
  });
  return { transcripts, asked, written, exported };
}

describe('saving an export through the native save dialog', () => {
  it('offers a safe file name and the format’s filter, and writes the file where the person chose', async () => {
    const { transcripts, asked, written } = service('/home/ann/Documents/budget.pdf');
    const outcome = await transcripts.save(REF, 'pdf', {});
    expect(asked).toEqual([{ defaultName: 'Budget - review 2026-06-30.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] }]);
    expect(outcome).toEqual({ mode: 'saved', path: '/home/ann/Documents/budget.pdf', fileName: 'Budget - review 2026-06-30.pdf' });
    const bytes = written.get('/home/ann/Documents/budget.pdf') as Uint8Array;
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  });

  it('does no export work when the person cancels, and writes nothing', async () => {
    const { transcripts, asked, written, exported } = service(null);
    expect(await transcripts.save(REF, 'docx', {})).toEqual({ mode: 'cancelled' });
    expect(asked).toHaveLength(1);
    expect(exported).toEqual([]);
    expect(written.size).toBe(0);
  });

  it('says a transcript cannot be read before asking where to save it', async () => {
    const { transcripts, asked } = service('/tmp/x.txt', null);
    await expect(transcripts.save(REF, 'txt', {})).rejects.toThrow();
    expect(asked).toEqual([]);
  });
});
