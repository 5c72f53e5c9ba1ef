import type { AiToolId } from '../../../shared/ipc/models';

/**
 * What the export dialog lists, in the core's order (electron/core/export/types.ts
 * `EXPORT_FORMATS`, which the renderer may not import): the labels and extensions must match it.
 */
export const EXPORT_FORMAT_CHOICES = [
  {
    id: 'txt',
    label: 'Plain text',
    extension: 'txt',
    binary: false,
    description: 'The layout of a Vexa share link: readable anywhere, easy to paste.',
  },
  {
    id: 'md',
    label: 'Markdown',
    extension: 'md',
    binary: false,
    description: 'Title, details and speaker turns for notes apps, wikis and GitHub.',
  },
  {
    id: 'srt',
    label: 'Subtitles (SRT)',
    extension: 'srt',
    binary: false,
    description: 'Numbered subtitle cues for video editors and media players.',
  },
  {
    id: 'vtt',
    label: 'Web captions (WebVTT)',
    extension: 'vtt',
    binary: false,
    description: 'Captions with speaker voices for web video players.',
  },
  {
    id: 'json',
    label: 'JSON',
    extension: 'json',
    binary: false,
    description: 'Meeting details and every segment, for scripts and other tools.',
  },
  {
    id: 'docx',
    label: 'Word document',
    extension: 'docx',
    binary: true,
    description: 'A document with a details table and one paragraph per speaker turn.',
  },
  {
    id: 'pdf',
    label: 'PDF',
    extension: 'pdf',
    binary: true,
    description: 'The same document as a PDF, with fonts for every script embedded.',
  },
] as const;

export type ExportFormat = (typeof EXPORT_FORMAT_CHOICES)[number]['id'];
export type ExportFormatChoice = (typeof EXPORT_FORMAT_CHOICES)[number];

export function formatChoice(format: ExportFormat): ExportFormatChoice {
  return EXPORT_FORMAT_CHOICES.find((f) => f.id === format) ?? EXPORT_FORMAT_CHOICES[0];
}

/** Subtitles always count time from the start of the meeting; a clock-time choice would mean nothing there. */
export const SUBTITLE_FORMATS: ReadonlySet<ExportFormat> = new Set(['srt', 'vtt']);

export const AI_TOOL_CHOICES: ReadonlyArray<{ id: AiToolId; label: string; host: string }> = [
  { id: 'chatgpt', label: 'ChatGPT', host: 'chatgpt.com' },
  { id: 'perplexity', label: 'Perplexity', host: 'perplexity.ai' },
  { id: 'claude', label: 'Claude', host: 'claude.ai' },
];

export function aiToolLabel(tool: AiToolId): string {
  return AI_TOOL_CHOICES.find((t) => t.id === tool)?.label ?? tool;
}

/** The core's default template (electron/core/share/handoff.ts `DEFAULT_LINK_PROMPT`); "Reset to default" writes it back. */
export const DEFAULT_AI_PROMPT = 'Read the meeting transcript at {url} so I can ask questions about it.';

/** The core bounds a template at this length (settings:update). */
export const AI_PROMPT_MAX = 2000;

/** Lifetimes a share link or token can be created with; the server clamps to 60 s … 24 h. */
export const SHARE_LIFETIMES = [
  { seconds: 15 * 60, label: '15 minutes' },
  { seconds: 60 * 60, label: '1 hour' },
  { seconds: 24 * 60 * 60, label: '24 hours' },
] as const;

export const DEFAULT_SHARE_LIFETIME = 60 * 60;
