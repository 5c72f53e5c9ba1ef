import type { Transcript } from '../../../shared/vexa';

export const EXPORT_FORMAT_IDS = ['txt', 'md', 'srt', 'vtt', 'json', 'docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMAT_IDS)[number];
export type TextExportFormat = Exclude<ExportFormat, 'docx' | 'pdf'>;
export type BinaryExportFormat = Extract<ExportFormat, 'docx' | 'pdf'>;

export interface ExportFormatInfo {
  id: ExportFormat;
  label: string;
  /** Without the dot. */
  extension: string;
  mimeType: string;
  /** True when `exportTranscript` returns bytes rather than a string. */
  binary: boolean;
}

/** What the UI lists, in the order it should list them. */
export const EXPORT_FORMATS: Readonly<Record<ExportFormat, ExportFormatInfo>> = {
  txt: { id: 'txt', label: 'Plain text', extension: 'txt', mimeType: 'text/plain', binary: false },
  md: { id: 'md', label: 'Markdown', extension: 'md', mimeType: 'text/markdown', binary: false },
  srt: { id: 'srt', label: 'Subtitles (SRT)', extension: 'srt', mimeType: 'application/x-subrip', binary: false },
  vtt: { id: 'vtt', label: 'Web captions (WebVTT)', extension: 'vtt', mimeType: 'text/vtt', binary: false },
  json: { id: 'json', label: 'JSON', extension: 'json', mimeType: 'application/json', binary: false },
  docx: {
    id: 'docx',
    label: 'Word document',
    extension: 'docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    binary: true,
  },
  pdf: { id: 'pdf', label: 'PDF', extension: 'pdf', mimeType: 'application/pdf', binary: true },
};

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMAT_IDS as readonly string[]).includes(value);
}

/** Reads one font file of an `@fontsource/*` package, e.g. ('noto-sans', 'noto-sans-latin-400-normal.woff'). */
export type FontFileReader = (pkg: string, file: string) => Promise<Uint8Array>;

export interface ExportOptions {
  /**
   * `wall-clock` (default): absolute times in `timeZone`, falling back to the time from the start
   * where a segment has no absolute time (G1 drops nothing, but older rows may lack it).
   * `relative`: time from the start of the meeting. Subtitles always use time from the start.
   */
  timestamps?: 'relative' | 'wall-clock';
  /** IANA zone for wall-clock times (default `UTC`); formatting never depends on the OS locale. */
  timeZone?: string;
  /** Show speaker names (default true). */
  speakers?: boolean;
  /** Export confirmed segments only (default true): live drafts (`completed:false`) are left out. */
  confirmedOnly?: boolean;
  /** Same as `confirmedOnly: false`. */
  includeDrafts?: boolean;
  /** Seconds from the start; a segment is kept when it overlaps the range. */
  range?: { from?: number; to?: number };
  /**
   * Keep the meeting's chat messages (lines with `source: "chat"`), marked `(chat)` after the
   * sender in every format and `"source": "chat"` in JSON (default true).
   */
  includeChat?: boolean;
  /** Keep only these speakers (as shown: a segment without a speaker is `Unknown`). */
  speakerFilter?: readonly string[];
  /** The export time (JSON `exported_at`, document creation dates); default now. */
  now?: Date | number;
  /** Where PDF fonts come from; default: the installed `@fontsource/*` packages. */
  readFont?: FontFileReader;
}

/** The input: a raw `GET /transcripts/{platform}/{native_meeting_id}` body of any generation, or a normalised `Transcript`. */
export type ExportInput = Transcript | Record<string, unknown>;

export type ExportErrorCode = 'unsupported_format' | 'invalid_option' | 'invalid_transcript' | 'font_unavailable';

/**
 * Thrown for a request the exporter cannot honour; `message` is a sentence a person can act on,
 * and `userMessage` says so to the IPC layer, which passes coded errors with one to the window.
 */
export class ExportError extends Error {
  readonly code: ExportErrorCode;
  constructor(code: ExportErrorCode, message: string) {
    super(message);
    this.name = 'ExportError';
    this.code = code;
  }

  get userMessage(): string {
    return this.message;
  }
}
