import { beforeAll, describe, expect, it } from 'vitest';
import { exportTranscript, ExportError } from '../../../electron/core/export';
import { readInstalledFont } from '../../../electron/core/export/pdfFonts';
import { hostileTranscript, LONG_TEXT, TEXTS } from '../../fixtures/export/hostile';
import { actualTexts, readPdfLines, textStreams, type PdfLine } from './pdfRead';
import { fixtureJson } from '../../support/fixtures';

const noSpace = (s: string): string => s.replace(/\s+/g, '');
/** The page footer, read back among the text lines. */
const FOOTER = /^Page \d+ of \d+$/;

describe('PDF export read back by pdf.js', () => {
  let bytes: Uint8Array;
  let lines: PdfLine[];
  let pages: number;
  beforeAll(async () => {
    bytes = await exportTranscript(hostileTranscript(), 'pdf', { now: Date.UTC(2026, 7, 21) });
    ({ lines, pages } = await readPdfLines(bytes));
  });
  const lineStarting = (prefix: string): PdfLine | undefined => lines.find((l) => l.text.startsWith(prefix));

  it('is a PDF with subset Noto fonts for every script it shows, and stays small', () => {
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const raw = Buffer.from(bytes).toString('latin1');
    for (const family of ['NotoSans-', 'NotoSansArabic', 'NotoSansHebrew', 'NotoSansSC', 'NotoEmoji']) {
      expect(raw).toMatch(new RegExp(`/BaseFont /[A-Z]{6}\\+${family}`));
    }
    expect(bytes.byteLength).toBeLessThan(250_000);
  });

  it('starts with the title and the metadata rows', () => {
    expect(lines.slice(0, 9).map((l) => l.text)).toEqual([
      'Hostile <b>review</b> # 1',
      'Platform Zoom',
      'Meeting ID 85173157171',
      'Start 2026-08-20 09:00:00 UTC',
      'End 2026-08-20 09:10:00 UTC',
      'Duration 10:00',
      expect.stringMatching(/^Participants Alice, /),
      'Languages en, ar, he, zh',
      'Times UTC',
    ]);
    expect(lines[9]?.text).toBe('Transcript');
  });

  it('reads back left-to-right, CJK and emoji turns as written', () => {
    expect(lineStarting('[09:00:01]')?.text).toBe('[09:00:01] Alice: Hello and welcome.');
    expect(noSpace(lineStarting('[09:00:40]')?.text ?? '')).toBe(noSpace(`[09:00:40] 王伟: ${TEXTS.cjk}`));
    // The monochrome emoji font has no skin tones, so 👍🏽 is drawn (and read back) as 👍.
    expect(noSpace(lineStarting('[09:00:30]')?.text ?? '')).toBe(noSpace(`[09:00:30] Alice: ${TEXTS.emoji.replace(/\u{1F3FD}/u, '')}`));
    expect(lineStarting('[09:01:10]')?.text).toBe(`[09:01:10] Unknown: ${TEXTS.noSpeaker}`);
    expect(lineStarting('[01:15]')?.text).toBe(`[01:15] Carol: ${TEXTS.noAbsolute}`);
    expect(lines.map((l) => l.text).join('\n')).toContain('# hi <script>alert(1)</script> [x](javascript:alert(1))');
    expect(lines.map((l) => l.text).join('\n')).not.toContain(TEXTS.draft);
  });

  it('wraps a 10,000-character turn over pages without losing a word', () => {
    const first = lines.findIndex((l) => l.text.startsWith('[09:01:40] Bob:'));
    expect(first).toBeGreaterThan(0);
    const joined = lines
      .slice(first)
      .filter((l) => !FOOTER.test(l.text))
      .map((l) => l.text)
      .join(' ');
    expect(joined).toBe(`[09:01:40] Bob: ${LONG_TEXT}`);
    expect(pages).toBeGreaterThan(1);
    for (const l of lines) for (const it of l.items) expect(it.x + it.width).toBeLessThanOrEqual(595.28 - 56 + 1);
  });

  it('lays right-to-left turns out from the right margin with the stamp and speaker on the right', () => {
    for (const [stamp, speaker] of [
      ['[09:00:20]', 'דנה'],
      ['[09:00:10]', 'أحمد'],
    ] as const) {
      const line = lines.find((l) => l.items.some((i) => i.str.includes(stamp)))!;
      const stampItem = line.items.find((i) => i.str.includes(stamp))!;
      const body = line.items.filter((i) => i.x < stampItem.x && i.str.trim() !== '');
      expect(body.length).toBeGreaterThan(0);
      expect(body.some((i) => i.dir === 'rtl')).toBe(true);
      // Right-aligned: the line ends at the right margin, the speaker after the stamp.
      expect(Math.max(...line.items.map((i) => i.x + i.width))).toBeGreaterThan(595.28 - 56 - 2);
      expect(line.items.findLastIndex((i) => i.str.includes(speaker.slice(-1)))).toBeGreaterThan(line.items.indexOf(stampItem));
    }
    // Hebrew has no contextual shaping, so pdf.js reads its words back exactly, placed right to left.
    const hebrew = lines.find((l) => l.text.includes('[09:00:20]'))!;
    expect(hebrew.items.filter((i) => i.dir === 'rtl').map((i) => i.str)).toEqual(['בדיקה', 'שלום עולם', 'דנה']);
    // The sentence's full stop ends it on the left.
    const arabic = lines.find((l) => l.text.includes('[09:00:10]'))!;
    expect(arabic.items[0]?.str).toBe('.');
  });

  it('spells right-to-left text from its glyphs (pdftotext.test.ts reads it back), without ActualText', () => {
    // No ActualText: poppler would read it left to right and reverse it; pdf.js ignores it.
    expect(actualTexts(bytes)).toEqual([]);
  });

  it('reads back every glyph of a large subset, including codes whose bytes are string delimiters or line ends', async () => {
    // About 380 distinct Latin, Greek and Cyrillic letters in one font: the subset's glyph codes pass
    // 0x0a, 0x0d, 0x28, 0x29 and 0x5c in both bytes of the two-byte code.
    const ranges: Array<[number, number]> = [
      [0x21, 0x7e],
      [0xc0, 0x17f],
      [0x391, 0x3a9],
      [0x410, 0x44f],
    ];
    const texts: string[] = [];
    for (const [lo, hi] of ranges) {
      const chars = Array.from({ length: hi - lo + 1 }, (_, i) => String.fromCodePoint(lo + i)).filter((c) =>
        /\p{L}|\p{N}|\p{P}|\p{S}/u.test(c),
      );
      for (let i = 0; i < chars.length; i += 40) texts.push(chars.slice(i, i + 40).join(''));
    }
    expect(new Set(texts.join('')).size).toBeGreaterThan(0x15d);
    const transcript = {
      ...fixtureJson('export/g1.json'),
      segments: texts.map((text, i) => ({ start: i, end: i + 1, text, speaker: 'Ann', language: 'en', completed: true })),
    };
    const pdf = await exportTranscript(transcript, 'pdf', { timestamps: 'relative' });
    // A raw carriage return inside a string reads as a line feed (ISO 32000-1, 7.3.4.2): none may be written.
    const streams = textStreams(pdf);
    expect(streams.length).toBeGreaterThan(0);
    for (const content of streams) expect(content).not.toContain('\r');
    const read = await readPdfLines(pdf);
    // One speaker, so one turn wrapped over many lines after the heading.
    const after = read.lines
      .slice(read.lines.findIndex((l) => l.text === 'Transcript') + 1)
      .map((l) => l.text)
      .filter((t) => !FOOTER.test(t));
    const body = noSpace(after.join('')).replace(/^\[[\d:]+\]Ann:/, '');
    expect(body).toBe(noSpace(texts.join('')));
  });

  it('exports G1, G2 and G3 shapes and refuses when its fonts are missing', async () => {
    for (const name of ['g1.json', 'g2.json', 'g3.json']) {
      const read = await readPdfLines(await exportTranscript(fixtureJson(`export/${name}`), 'pdf'));
      expect(read.lines.length).toBeGreaterThan(4);
    }
    const g1 = await readPdfLines(await exportTranscript(fixtureJson('export/g1.json'), 'pdf', { timestamps: 'relative' }));
    expect(g1.lines.map((l) => l.text)).toContain('[01:02:03] Alice: Wrapping up after an hour.');
    const missing = exportTranscript(fixtureJson('export/g1.json'), 'pdf', {
      readFont: async () => {
        throw new ExportError('font_unavailable', 'The fonts for PDF export are missing from this installation.');
      },
    });
    await expect(missing).rejects.toMatchObject({ code: 'font_unavailable' });
    // A damaged font file (truncated on disk) is named, with what to do, instead of failing blindly.
    const damaged = exportTranscript(fixtureJson('export/g1.json'), 'pdf', {
      readFont: async (pkg, path) => {
        const bytes = await readInstalledFont(pkg, path);
        return path.endsWith('.woff') ? bytes.subarray(0, 200) : bytes;
      },
    });
    await expect(damaged).rejects.toMatchObject({
      code: 'font_unavailable',
      message: expect.stringMatching(/is damaged .* Reinstall the app/),
    });
  });
});
