import { describe, expect, it } from 'vitest';
import { normaliseTranscript } from '../../../shared/vexa';
import { ExportError, exportTranscript } from '../../../electron/core/export';
import { hostileTranscript, TEXTS } from '../../fixtures/export/hostile';
import { fixtureJson } from '../../support/fixtures';

describe('txt export: the layout of Vexa’s public share text', () => {
  it('prints a G1 transcript in the share link’s layout, with the platform in words and the notes', async () => {
    const text = await exportTranscript(fixtureJson('export/g1.json'), 'txt');
    expect(text).toBe(
      [
        'MEETING TRANSCRIPT',
        '',
        'Platform: Google Meet',
        'Meeting ID: abc-defg-hij',
        'Start: 2025-06-27T10:17:05.493417',
        'End: 2025-06-27T11:29:41.120004',
        '',
        'Notes:',
        'Budget review',
        '',
        '---',
        '',
        '[2025-06-27 10:17:05] Alice: Morning, everyone.',
        "[2025-06-27 10:17:09] Bob: Let's start with the budget.",
        '[2025-06-27 10:17:17] Bob: Numbers first.',
        '[01:05] Unknown: Who is this?',
        '[01:02:03] Alice: Wrapping up after an hour.',
        '',
      ].join('\n'),
    );
  });

  it('names the meeting and keeps the line breaks of its notes', async () => {
    const g1 = fixtureJson<Record<string, unknown>>('export/g1.json');
    const text = await exportTranscript(
      { ...g1, data: { name: 'UX test (round 2)' }, notes: 'Agenda:\r\n1. Budget\n  - travel\n\n\n\nDecide by Friday.  ' },
      'txt',
    );
    expect(text.split('\n---\n')[0]).toBe(
      [
        'MEETING TRANSCRIPT',
        '',
        'Meeting: UX test (round 2)',
        'Platform: Google Meet',
        'Meeting ID: abc-defg-hij',
        'Start: 2025-06-27T10:17:05.493417',
        'End: 2025-06-27T11:29:41.120004',
        '',
        'Notes:',
        'Agenda:',
        '1. Budget',
        '  - travel',
        '',
        'Decide by Friday.',
        '',
      ].join('\n'),
    );
  });

  it('reads the same from a normalised transcript, with ISO UTC header times', async () => {
    const text = await exportTranscript(normaliseTranscript(fixtureJson('export/g1.json')), 'txt');
    expect(text.split('\n').slice(4, 6)).toEqual(['Start: 2025-06-27T10:17:05.493Z', 'End: 2025-06-27T11:29:41.120Z']);
    expect(text.split('\n').slice(9)).toEqual((await exportTranscript(fixtureJson('export/g1.json'), 'txt')).split('\n').slice(9));
  });

  it('leaves live drafts out unless asked, and has no End line while a meeting runs', async () => {
    const g2 = fixtureJson('export/g2.json');
    const confirmed = await exportTranscript(g2, 'txt');
    expect(confirmed).not.toContain('Gut, dan');
    expect(confirmed).not.toMatch(/^End:/m);
    expect(confirmed.trimEnd().split('\n').slice(-2)).toEqual([
      '[2026-05-02 15:01:10] Dana: Guten Tag.',
      "[2026-05-02 15:01:13] Eli: Hallo Dana, wie geht's?",
    ]);
    expect(await exportTranscript(g2, 'txt', { includeDrafts: true })).toContain('[2026-05-02 15:01:16] Dana: Gut, dan\n');
    expect(await exportTranscript(g2, 'txt', { confirmedOnly: false })).toContain('Gut, dan');
  });

  it('places a G3 segment whose start is in epoch seconds at its wall-clock time', async () => {
    const text = await exportTranscript(fixtureJson('export/g3.json'), 'txt');
    expect(text).toContain('[2026-08-20 09:00:30] Ivo: Today I review the release.\n');
    expect(await exportTranscript(fixtureJson('export/g3.json'), 'txt', { timestamps: 'relative' })).toContain(
      '[00:18] Ivo: Today I review the release.\n',
    );
  });

  it('keeps every hostile segment on one line, sorted by time, without drafts or empty text', async () => {
    const text = await exportTranscript(hostileTranscript(), 'txt');
    const body = text.split('\n---\n\n')[1] ?? '';
    const lines = body.trimEnd().split('\n');
    expect(lines).toHaveLength(12);
    for (const line of lines) expect(line).toMatch(/^\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d|\d\d:\d\d)\] .+: .+$/);
    expect(lines[0]).toBe('[2026-08-20 09:00:01] Alice: Hello and welcome.');
    expect(lines[1]).toBe(`[2026-08-20 09:00:10] أحمد: ${TEXTS.arabic}`);
    expect(lines).toContain('[2026-08-20 09:01:00] Carol: first line second --> third ---> fourth');
    expect(lines).toContain(`[2026-08-20 09:01:10] Unknown: ${TEXTS.noSpeaker}`);
    expect(lines).toContain(`[01:15] Carol: ${TEXTS.noAbsolute}`);
    expect(text).not.toContain(TEXTS.draft);
    expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true);
  });

  it('shows wall-clock times in the chosen zone whatever the OS locale, or relative times', async () => {
    const berlin = await exportTranscript(fixtureJson('export/g1.json'), 'txt', { timeZone: 'Europe/Berlin' });
    expect(berlin).toContain('Start: 2025-06-27 12:17:05 Europe/Berlin');
    expect(berlin).toContain('[2025-06-27 12:17:05] Alice: Morning, everyone.');
    const relative = await exportTranscript(fixtureJson('export/g1.json'), 'txt', { timestamps: 'relative' });
    expect(relative).toContain('[00:00] Alice: Morning, everyone.\n[00:04] Bob:');
    await expect(exportTranscript(fixtureJson('export/g1.json'), 'txt', { timeZone: 'Mars/Olympus' })).rejects.toMatchObject({
      code: 'invalid_option',
    });
  });

  it('hides speakers, filters by speaker and by time range', async () => {
    const g1 = fixtureJson('export/g1.json');
    expect(await exportTranscript(g1, 'txt', { speakers: false })).toContain('[2025-06-27 10:17:05] Morning, everyone.\n');
    const onlyBob = await exportTranscript(g1, 'txt', { speakerFilter: ['Bob'] });
    expect(onlyBob.split('\n').filter((l) => l.startsWith('['))).toEqual([
      "[2025-06-27 10:17:09] Bob: Let's start with the budget.",
      '[2025-06-27 10:17:17] Bob: Numbers first.',
    ]);
    expect(await exportTranscript(g1, 'txt', { speakerFilter: ['Unknown'] })).toContain('[01:05] Unknown: Who is this?\n');
    const ranged = await exportTranscript(g1, 'txt', { range: { from: 5, to: 70 } });
    expect(ranged.split('\n').filter((l) => l.startsWith('['))).toHaveLength(3);
    await expect(exportTranscript(g1, 'txt', { range: { from: 10, to: 5 } })).rejects.toBeInstanceOf(ExportError);
  });

  it('refuses an unknown format and a body that is not a transcript with a readable reason', async () => {
    await expect(exportTranscript(fixtureJson('export/g1.json'), 'rtf' as 'txt')).rejects.toMatchObject({ code: 'unsupported_format' });
    await expect(exportTranscript({ detail: 'Not Found' }, 'txt')).rejects.toMatchObject({
      code: 'invalid_transcript',
      message: expect.stringMatching(/could not be read/),
    });
  });
});
