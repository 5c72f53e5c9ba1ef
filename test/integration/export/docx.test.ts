import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { exportTranscript } from '../../../electron/core/export';
import { HOSTILE_TURNS, hostileTranscript, TEXTS } from '../../fixtures/export/hostile';
import { fixtureJson } from '../../support/fixtures';

/** Paragraphs as mammoth reads them back (table cells are paragraphs too). */
async function paragraphs(bytes: Uint8Array): Promise<string[]> {
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return value.split('\n').filter((l) => l.trim() !== '');
}

/** One file of a zip archive (stored or deflated), read through its central directory. */
function unzipEntry(zip: Uint8Array, name: string): string {
  const buf = Buffer.from(zip);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const skip = nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    if (buf.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + skip;
  }
  throw new Error(`${name} is not in the archive`);
}

describe('DOCX export read back by mammoth', () => {
  it('has the title, the metadata table and one paragraph per speaker turn', async () => {
    const bytes = await exportTranscript(hostileTranscript(), 'docx');
    expect(Buffer.from(bytes.subarray(0, 2)).toString()).toBe('PK');
    const text = await paragraphs(bytes);
    expect(text.slice(0, 18)).toEqual([
      'Hostile <b>review</b> # 1',
      'Platform',
      'Zoom',
      'Meeting ID',
      '85173157171',
      'Start',
      '2026-08-20 09:00:00 UTC',
      'End',
      '2026-08-20 09:10:00 UTC',
      'Duration',
      '10:00',
      'Participants',
      'Alice, דנה, أحمد, 王伟',
      'Languages',
      'en, ar, he, zh',
      'Times',
      'UTC',
      'Transcript',
    ]);
    expect(text.slice(18)).toEqual(HOSTILE_TURNS);
  });

  it('marks right-to-left turns as right-to-left paragraphs and shows speakers in bold', async () => {
    const bytes = await exportTranscript(hostileTranscript(), 'docx');
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    expect(html).toContain('<strong>Alice: </strong>Hello and welcome.');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const xml = unzipEntry(bytes, 'word/document.xml');
    const paragraphsXml = xml.split('<w:p>').slice(1);
    const arabic = paragraphsXml.find((p) => p.includes(TEXTS.arabic)) ?? '';
    const english = paragraphsXml.find((p) => p.includes('Hello and welcome.')) ?? '';
    expect(arabic).toContain('<w:bidi/>');
    expect(arabic).toContain('<w:rtl/>');
    expect(english).not.toContain('<w:bidi/>');
  });

  it('follows the options: relative stamps, hidden speakers, drafts', async () => {
    const text = await paragraphs(
      await exportTranscript(fixtureJson('export/g2.json'), 'docx', { timestamps: 'relative', speakers: false, includeDrafts: true }),
    );
    expect(text.slice(-2)).toEqual(["[00:03] Hallo Dana, wie geht's?", '[00:06] Gut, dan']);
    expect(text[0]).toBe('Client call');
  });

  it('says so when nothing is left to export', async () => {
    const text = await paragraphs(await exportTranscript(fixtureJson('export/g2.json'), 'docx', { speakerFilter: ['Nobody'] }));
    expect(text.at(-1)).toBe('No transcript segments to export.');
  });
});

describe('DOCX notes', () => {
  it('keeps the notes under their own heading with their line breaks and paragraphs', async () => {
    const g1 = fixtureJson<Record<string, unknown>>('export/g1.json');
    const bytes = await exportTranscript({ ...g1, notes: 'Agenda:\n1. Budget\n2. Hiring\n\nDecide by Friday.' }, 'docx');
    // mammoth's raw text drops line breaks inside a paragraph, so the breaks are read from the XML.
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(value).toContain('Notes\n\nAgenda:1. Budget2. Hiring\n\nDecide by Friday.\n\nTranscript');
    const xml = unzipEntry(bytes, 'word/document.xml');
    for (const line of ['1. Budget', '2. Hiring']) expect(xml).toMatch(new RegExp(`<w:br/><w:t[^>]*>${line.replace('.', '\\.')}</w:t>`));
  });
});
