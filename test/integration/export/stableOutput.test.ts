import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT_IDS, exportTranscript, type ExportFormat, type ExportOptions } from '../../../electron/core/export';
import { stressMeeting } from '../../fixtures/export/stress';

/*
 * The exporters' output for a 2,000-line multilingual meeting with hard text every few lines
 * (combining marks, emoji ZWJ sequences, right-to-left lines with numbers, words longer than a
 * subtitle line, CJK at a line's edge), pinned by hash. The hashes were taken from the exporters
 * before their speed work: the faster layout, wrapping and writing must give the same bytes (the
 * same cues, line breaks, glyphs and positions). A deliberate change to a format's output updates
 * its hash here, with the reason in the commit.
 */
const now = Date.UTC(2026, 7, 21);
const OPTIONS: Record<string, ExportOptions> = {
  default: { now },
  relative: { now, timestamps: 'relative', speakers: false, timeZone: 'Asia/Tokyo', includeDrafts: true },
};

/** Every file of a zip archive (stored or deflated), by name, through its central directory. */
function unzip(zip: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(zip);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const files = new Map<string, Buffer>();
  let at = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    files.set(buf.toString('utf8', at + 46, at + 46 + nameLength), method === 8 ? inflateRawSync(data) : data);
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return files;
}

/**
 * The bytes of an export; a DOCX is its files in name order, the dates the docx library stamps
 * into its properties (the time of writing, not of the export) left out.
 */
function digest(format: ExportFormat, value: string | Uint8Array): string {
  const hash = createHash('sha256');
  if (format !== 'docx') return hash.update(value).digest('hex');
  for (const [name, data] of [...unzip(value as Uint8Array)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const text = name === 'docProps/core.xml' ? data.toString('utf8').replace(/>\d{4}-\d\d-\d\dT[\d:.]+Z</g, '><') : data;
    hash.update(name).update(text);
  }
  return hash.digest('hex');
}

const EXPECTED: Record<string, Record<ExportFormat, string>> = {
  default: {
    txt: '5aa50c09b5b0c3b62cb4529915c87c25909457157150ff66c818954f47ec692e',
    md: 'ad9d0e05ce4ad282eec3f8325aa7d51bb56048648859051020f82d457962660b',
    srt: 'c843da570ad2172f54a9d8c7b2dcf5cfa8e6bfcbc5290f7a3bc1377df94a5a60',
    vtt: '5da215908140adf20ccd51def5b043654c73a4a492de3b39a628a070698c0473',
    json: 'a7e4a1447872b19b57146a05c2dab7ebfb07bf3860439a6cce9aab6936ed88c0',
    docx: 'c72f62d925720ad54b4a6d43b68fcebce651f32dccaf638cc40939a6216e877d',
    pdf: '5936d6e9bb288113b852c5fc9409d9ee147ecb517fc939b2017d4265ccc31732',
  },
  relative: {
    txt: '768c523489916044de6a15d6c620116a621d41e46640787a57b693308d2a2c81',
    md: '05eba526e8c7cc71f6f56536c51637157905f8070d5de2ba840b1ad4327d30cb',
    srt: '64fb076625715efc3b8982e8a8e1d47c4781a44e11f1c65cf1a1c6bf89d39a54',
    vtt: '9da8c90150b09129ef94e26099762694a7366200d99eb9678930a294d37a5501',
    json: '4c607472971565f320bd7a9f0a6d7058916a044f6c28bd9521034f8f1a663a3c',
    docx: 'f397ff3c6911d303fac1deb734b49b03364a56e2428b3e7d2fac2e9f77197d47',
    pdf: '88cff00fcdbd5a838d4b1ac85b01a5f29c6c9d1cce501db85dce52b9464aad90',
  },
};

describe('export output for a hard multilingual meeting', () => {
  for (const [name, options] of Object.entries(OPTIONS)) {
    it(`stays byte for byte the same in every format (${name} options)`, async () => {
      const got: Record<string, string> = {};
      for (const format of EXPORT_FORMAT_IDS) got[format] = digest(format, await exportTranscript(stressMeeting(), format, options));
      expect(got).toEqual(EXPECTED[name]);
    });
  }
});
