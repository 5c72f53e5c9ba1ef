import { describe, expect, it } from 'vitest';
import { exportTranscript } from '../../../electron/core/export';
import type { ExportRunner } from '../../../electron/core/export/exportRunner';
import type { SaveDialogRequest } from '../../../electron/core/ports';
import { TranscriptService } from '../../../electron/core/share/transcriptService';
import { capabilitiesFor } from '../../../shared/vexa/capabilities';
import { VexaError } from '../../../shared/vexa/errors';
import { quietLogger } from '../../support/logger';
import { fixtureJson } from '../../support/fixtures';

const g1 = fixtureJson<Record<string, unknown>>('export/g1.json');
const REF = { meetingId: 42, platform: 'google_meet', nativeMeetingId: 'abc-defg-hij' };
const NOW = Date.UTC(2026, 5, 30, 12);

/** The desktop app's path: a native save dialog (a recording fake) and a file written where it says. */
function service(
  answer: string | null,
  cached: Record<string, unknown> | null = g1,
  o: { partialCache?: Record<string, unknown>; serverError?: Error } = {},
) {
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
    client: () =>
      ({
        getTranscriptRaw: async () => {
          throw o.serverError ?? new Error('no server in this test');
        },
      }) as never,
    capabilities: () => capabilitiesFor('g1'),
    activeServerId: () => 'https://vexa.example',
    isConnected: () => true,
    cached: async (_ref, accept) => (accept === 'complete' ? cached : (o.partialCache ?? null)),
    meetingName: async (ref) => (ref.meetingId === REF.meetingId ? 'Budget / review' : null),
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
    expect(asked).toEqual([{ defaultName: 'Budget - review 2025-06-27.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] }]);
    expect(outcome).toEqual({
      mode: 'saved',
      path: '/home/ann/Documents/budget.pdf',
      fileName: 'Budget - review 2025-06-27.pdf',
      partial: false,
    });
    const bytes = written.get('/home/ann/Documents/budget.pdf') as Uint8Array;
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  });

  it('names the file after the transcript’s own name, else its platform and id, when this computer knows no name', async () => {
    const named = service('/tmp/x.txt', { ...g1, data: { name: 'Quarterly review' } });
    await named.transcripts.save({ ...REF, meetingId: 43 }, 'txt', {});
    const unnamed = service('/tmp/x.txt');
    await unnamed.transcripts.save({ ...REF, meetingId: 43 }, 'txt', {});
    expect([...named.asked, ...unnamed.asked].map((a) => a.defaultName)).toEqual([
      'Quarterly review 2025-06-27.txt',
      'Google Meet abc-defg-hij 2025-06-27.txt',
    ]);
  });

  it('dates the file by the day the meeting started where the person is, not the day of the export', async () => {
    // 23:30 UTC on 27 June: still the 27th in Los Angeles, already the 28th in Tokyo.
    const late = { ...g1, start_time: '2025-06-27T23:30:00' };
    const names: string[] = [];
    for (const timeZone of ['America/Los_Angeles', 'Asia/Tokyo', undefined]) {
      const { transcripts, asked } = service('/tmp/x.md', late);
      await transcripts.save(REF, 'md', timeZone ? { timeZone } : {});
      names.push(asked[0]?.defaultName ?? '');
    }
    expect(names).toEqual(['Budget - review 2025-06-27.md', 'Budget - review 2025-06-28.md', 'Budget - review 2025-06-27.md']);
  });

  it('dates a meeting without a start time by its first line, and one without any time by the export', async () => {
    const noStart = { ...g1, start_time: null };
    const first = service('/tmp/x.txt', noStart);
    await first.transcripts.save(REF, 'txt', {});
    const timeless = {
      ...g1,
      start_time: null,
      end_time: null,
      segments: [{ start: 0, end: 2, text: 'Hello', speaker: 'Ann' }],
    };
    const none = service('/tmp/x.txt', timeless);
    await none.transcripts.save(REF, 'txt', {});
    expect([first.asked[0]?.defaultName, none.asked[0]?.defaultName]).toEqual([
      expect.stringMatching(/^Budget - review 2025-06-27\.txt$/),
      'Budget - review 2026-06-30.txt',
    ]);
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

  it('makes the file from the lines on this computer when the server is out of reach, and says so', async () => {
    const some = { ...g1, segments: (g1.segments as unknown[]).slice(0, 2) };
    const unreachable = new VexaError({ code: 'unreachable', userMessage: 'vexa.example cannot be reached.' });
    const { transcripts, written } = service('/tmp/partial.txt', null, { partialCache: some, serverError: unreachable });
    const preview = await transcripts.preview(REF, 'txt', {});
    expect(preview.partial).toBe(true);
    expect(preview.text).toMatch(/^MEETING TRANSCRIPT/);
    expect(await transcripts.save(REF, 'txt', {})).toMatchObject({ mode: 'saved', partial: true });
    expect(String(written.get('/tmp/partial.txt')).match(/^\[/gm)).toHaveLength(2);
    expect(await transcripts.copy(REF, 'text', {})).toEqual({ partial: true });
    // Handed to an AI tool through the clipboard, the transcript is said to be partial too.
    expect(await transcripts.handoff(REF, 'chatgpt', '{url}')).toMatchObject({ mode: 'clipboard', partial: true });
  });

  it('does not fall back when the server answers with a refusal', async () => {
    const some = { ...g1, segments: (g1.segments as unknown[]).slice(0, 2) };
    const gone = new VexaError({ code: 'not_found', userMessage: 'This meeting is not on the server.' });
    const { transcripts } = service('/tmp/x.txt', null, { partialCache: some, serverError: gone });
    await expect(transcripts.preview(REF, 'txt', {})).rejects.toMatchObject({ code: 'not_found' });
  });
});
