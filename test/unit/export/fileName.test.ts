import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportFileName, MAX_FILE_NAME_BYTES } from '../../../electron/core/export';

const day = Date.UTC(2026, 7, 20, 22, 30);
const bytes = (s: string): number => new TextEncoder().encode(s).length;

describe('exportFileName', () => {
  it('is "<meeting name> <date>.<ext>"', () => {
    expect(exportFileName('Weekly sync', day, 'md')).toBe('Weekly sync 2026-08-20.md');
    expect(exportFileName('Weekly sync', day, '.PDF')).toBe('Weekly sync 2026-08-20.pdf');
    expect(exportFileName('Weekly sync', day, 'txt', 'Asia/Tokyo')).toBe('Weekly sync 2026-08-21.txt');
    expect(exportFileName('Weekly sync', null, 'txt')).toBe('Weekly sync.txt');
  });

  it('removes separators, characters Windows forbids, controls and bidi overrides', () => {
    expect(exportFileName('a/b\\c:d*e?f"g<h>i|j', day, 'txt')).toBe('a-b-c-d-e-f-g-h-i-j 2026-08-20.txt');
    expect(exportFileName('line\nbreak\ttab\u0000nul', day, 'txt')).toBe('line break tab nul 2026-08-20.txt');
    expect(exportFileName('invoice\u202Etxt.exe', day, 'txt')).toBe('invoice txt.exe 2026-08-20.txt');
    expect(exportFileName('../../etc/passwd', day, 'txt')).toBe('-..-etc-passwd 2026-08-20.txt');
  });

  it('never produces a reserved Windows device name, with or without an extension', () => {
    for (const name of ['CON', 'prn', 'Aux', 'NUL', 'com1', 'LPT9', 'COM¹', 'CONIN$']) {
      const file = exportFileName(name, null, 'txt');
      const stem = file.split('.')[0] ?? '';
      expect(stem).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i);
      expect(file.endsWith('.txt')).toBe(true);
    }
    expect(exportFileName('nul.tar', day, 'txt')).toBe('nul_.tar 2026-08-20.txt');
    expect(exportFileName('CON', day, 'txt')).toBe('CON 2026-08-20.txt');
  });

  it('has no leading or trailing dots or spaces, and falls back to "Transcript"', () => {
    expect(exportFileName('  ..hidden. . ', null, 'md')).toBe('hidden.md');
    expect(exportFileName('', day, 'md')).toBe('Transcript 2026-08-20.md');
    expect(exportFileName(null, day, 'md')).toBe('Transcript 2026-08-20.md');
    expect(exportFileName('/// \u200F ...', day, 'md')).toBe('--- 2026-08-20.md');
    expect(exportFileName('\u202E\u2066', day, 'md')).toBe('Transcript 2026-08-20.md');
  });

  it('stays within 200 bytes of UTF-8 without cutting a character or an emoji sequence', () => {
    for (const unit of ['a', 'é', '会', '👩‍💻', 'ज़']) {
      const file = exportFileName(unit.repeat(300), day, 'docx');
      expect(bytes(file)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
      expect(file.endsWith(' 2026-08-20.docx')).toBe(true);
      const name = file.slice(0, -' 2026-08-20.docx'.length);
      expect(name.length % unit.length).toBe(0);
      expect(name).toBe(unit.repeat(name.length / unit.length));
      expect(file).not.toMatch(/\uFFFD/);
    }
  });

  it('matches the extensions of EXPORT_FORMATS', () => {
    for (const info of Object.values(EXPORT_FORMATS)) {
      expect(exportFileName('Meeting', day, info.extension).endsWith(`.${info.extension}`)).toBe(true);
      expect(info.mimeType).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
    }
    expect(Object.keys(EXPORT_FORMATS)).toEqual(['txt', 'md', 'srt', 'vtt', 'json', 'docx', 'pdf']);
  });
});
