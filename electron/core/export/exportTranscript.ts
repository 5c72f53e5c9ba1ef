import { exportJson } from './json';
import { exportMarkdown } from './markdown';
import { prepareDocument } from './prepare';
import { exportSrt, exportVtt } from './subtitles';
import { exportTxt } from './txt';
import {
  ExportError,
  isExportFormat,
  type BinaryExportFormat,
  type ExportFormat,
  type ExportInput,
  type ExportOptions,
  type TextExportFormat,
} from './types';

/**
 * Exports a transcript: `input` is a raw `GET /transcripts/{platform}/{native_meeting_id}` body of
 * any server generation (normalised through `shared/vexa`) or an already normalised `Transcript`.
 * Text formats resolve to a string, docx and pdf to bytes. Throws `ExportError` for an unknown
 * format, a bad option or an unreadable transcript.
 */
export function exportTranscript(input: ExportInput, format: TextExportFormat, options?: ExportOptions): Promise<string>;
export function exportTranscript(input: ExportInput, format: BinaryExportFormat, options?: ExportOptions): Promise<Uint8Array>;
export function exportTranscript(input: ExportInput, format: ExportFormat, options?: ExportOptions): Promise<Uint8Array | string>;
export async function exportTranscript(
  input: ExportInput,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<Uint8Array | string> {
  if (!isExportFormat(format))
    throw new ExportError(
      'unsupported_format',
      `Export to "${String(format)}" is not available. Pick TXT, Markdown, SRT, WebVTT, JSON, DOCX or PDF.`,
    );
  const doc = prepareDocument(input, options);
  switch (format) {
    case 'txt':
      return exportTxt(doc);
    case 'md':
      return exportMarkdown(doc);
    case 'srt':
      return exportSrt(doc);
    case 'vtt':
      return exportVtt(doc);
    case 'json':
      return exportJson(doc);
    // Loaded on first use: pdfkit and the docx library take most of the export worker's start
    // (pdfkit alone ~0.3 s here), and a text export or preview needs neither.
    case 'docx':
      return (await import('./docx')).exportDocx(doc);
    case 'pdf':
      return (await import('./pdf')).exportPdf(doc);
  }
}
