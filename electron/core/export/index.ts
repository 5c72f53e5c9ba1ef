export { exportTranscript } from './exportTranscript';
export { exportFileName, MAX_FILE_NAME_BYTES, meetingDay } from './fileName';
export { readInstalledFont, FONT_FAMILIES } from './pdfFonts';
export type { JsonExport } from './json';
export {
  EXPORT_FORMATS,
  EXPORT_FORMAT_IDS,
  ExportError,
  isExportFormat,
  type BinaryExportFormat,
  type ExportErrorCode,
  type ExportFormat,
  type ExportFormatInfo,
  type ExportInput,
  type ExportOptions,
  type FontFileReader,
  type TextExportFormat,
} from './types';
