import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportTranscript } from '../../../electron/core/export';

// What a person gets when they copy text out of the PDF or search it, read by poppler's pdftotext
// (Debian package poppler-utils, installed by .ci/run). Without it this test fails and says so.
const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined;
const dir = mkdtempSync(join(tmpdir(), 'vexa-pdftotext-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pdftotext(bytes: Uint8Array): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

const ARABIC = 'مرحبا بكم في الاجتماع، سنخصص الجلسة لخطة الميزانية';
const meeting = (segments: number) => ({
  id: 3,
  platform: 'google_meet',
  native_meeting_id: 'abc-defg-hij',
  start_time: '2026-05-02T15:00:00',
  notes: 'Agenda:\nBudget\nHiring',
  segments: [
    { start: 0, end: 3, text: ARABIC, speaker: 'سارة' },
    { start: 3, end: 6, text: 'שלום לכולם', speaker: 'Dana' },
    { start: 6, end: 9, text: 'Ahmed said جيد (good).', speaker: 'Ann' },
    ...Array.from({ length: segments }, (_, i) => ({
      start: 10 + i,
      end: 11 + i,
      text: `Line ${i} of the budget talk.`,
      speaker: i % 2 ? 'Ann' : 'Bo',
    })),
  ],
});

describe('PDF text read back by pdftotext', () => {
  it('finds pdftotext (apt-get install poppler-utils)', () => {
    expect(HAS_PDFTOTEXT, 'pdftotext is not installed: apt-get install -y poppler-utils').toBe(true);
  });

  it.runIf(HAS_PDFTOTEXT)('reads Arabic and Hebrew words as written, in logical order, dotted letters included', async () => {
    const text = pdftotext(await exportTranscript(meeting(0), 'pdf'));
    // Whole phrases between punctuation; poppler may place the Arabic comma apart from the stamp's line.
    for (const phrase of ARABIC.split('، ')) expect(text).toContain(phrase);
    expect(text).toContain('سارة');
    expect(text).toContain('שלום לכולם');
    expect(text).toContain('جيد');
  });

  it.runIf(HAS_PDFTOTEXT)('numbers every page "Page N of M" and keeps the notes on their own lines', async () => {
    const text = pdftotext(await exportTranscript(meeting(50), 'pdf'));
    expect(text).toContain('Page 1 of 2');
    expect(text).toContain('Page 2 of 2');
    expect(text).not.toContain('Page 3');
    expect(text).toMatch(/Notes\n+Agenda:\nBudget\nHiring\n/);
  });
});
