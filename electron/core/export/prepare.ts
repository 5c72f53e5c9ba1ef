import { isChat, normaliseTranscript, VexaError } from '../../../shared/vexa';
import type { Meeting, Transcript, TranscriptSegment } from '../../../shared/vexa';
import { wallClock, type WallClock } from './time';
import { ExportError, type ExportInput, type ExportOptions, type FontFileReader } from './types';

/** One segment as every exporter sees it: filtered, sorted, text cleaned to one non-empty line. */
export interface ExportSegment extends Omit<TranscriptSegment, 'key' | 'source'> {
  /** Seconds from the start of the meeting, never negative. */
  start: number;
  end: number;
  /** A chat message, not speech (`source: "chat"`). */
  chat?: true;
}

export interface ResolvedOptions {
  timestamps: 'relative' | 'wall-clock';
  clock: WallClock;
  speakers: boolean;
  includeDrafts: boolean;
  includeChat: boolean;
  from: number;
  to: number;
  speakerFilter: ReadonlySet<string> | null;
  now: number;
  readFont: FontFileReader | undefined;
}

export interface ExportDocument {
  meeting: Meeting;
  /** `start_time`/`end_time` exactly as the server wrote them (raw input only), as the share text prints them. */
  rawStartTime: string | null;
  rawEndTime: string | null;
  segments: ExportSegment[];
  opts: ResolvedOptions;
}

export const UNKNOWN_SPEAKER = 'Unknown';

/** Values at or above this in `start`/`end` are epoch seconds (one G3 producer), as the server itself assumes. */
const EPOCH_SECONDS = 1e9;

const LINE_BREAKS = /[ \t]*[\n\r\v\f\u0085\u2028\u2029][\s]*/g;
// C0/C1 controls, BOM and the two noncharacters are invalid in XML (DOCX) and meaningless in text.
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFEFF\uFFFE\uFFFF]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Anything `cleanText` changes besides the trimming: line breaks, tabs, controls, surrogates. */
const NEEDS_CLEANING = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;

/** One line of printable text: line breaks become spaces, controls go, broken surrogates become U+FFFD. */
export function cleanText(value: string): string {
  // Most lines hold none of it (a line with an emoji, a surrogate pair, takes the long way).
  if (!NEEDS_CLEANING.test(value)) return value.trim();
  return value.replace(LINE_BREAKS, ' ').replace(/\t/g, ' ').replace(CONTROLS, '').replace(LONE_SURROGATES, '\uFFFD').trim();
}

const ANY_LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;

/**
 * Text whose line breaks mean something (a meeting's notes): one cleaned line per line, trailing
 * space dropped, no blank lines at either end and at most one blank line in a row (a paragraph
 * break). Empty for text with nothing printable.
 */
export function cleanLines(value: string | null | undefined): string[] {
  const lines: string[] = [];
  for (const raw of (value ?? '').split(ANY_LINE_BREAK)) {
    const line = raw.replace(/\t/g, '    ').replace(CONTROLS, '').replace(LONE_SURROGATES, '\uFFFD').trimEnd();
    if (line.trim() === '') {
      if (lines.length > 0 && lines.at(-1) !== '') lines.push('');
    } else lines.push(line);
  }
  while (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The name shown for a line: its speaker, `Unknown` without one, and `(chat)` after a chat message's sender. */
export function speakerName(seg: { speaker: string | null; chat?: true }): string {
  const name = seg.speaker ?? UNKNOWN_SPEAKER;
  return seg.chat ? `${name} (chat)` : name;
}

function isNormalised(input: unknown): input is Transcript {
  if (!input || typeof input !== 'object') return false;
  const m = (input as { meeting?: unknown }).meeting;
  return !!m && typeof m === 'object' && 'nativeMeetingId' in m && Array.isArray((input as { segments?: unknown }).segments);
}

function rawString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

const normalised = new WeakMap<object, { transcript: Transcript; segments: unknown; count: number }>();

/**
 * A raw response is normalised once however many formats it is exported to (preview, then save);
 * a segment list that was replaced or grew since is normalised again.
 */
function normalisedOnce(input: Record<string, unknown>): Transcript {
  const segments = input.segments;
  const count = Array.isArray(segments) ? segments.length : -1;
  const hit = normalised.get(input);
  if (hit && hit.segments === segments && hit.count === count) return hit.transcript;
  const transcript = normaliseTranscript(input);
  normalised.set(input, { transcript, segments, count });
  return transcript;
}

export function resolveOptions(options: ExportOptions = {}): ResolvedOptions {
  const from = options.range?.from ?? 0;
  const to = options.range?.to ?? Number.POSITIVE_INFINITY;
  if (!Number.isFinite(from) || Number.isNaN(to) || to < from) {
    throw new ExportError('invalid_option', 'The time range must start before it ends.');
  }
  const timestamps = options.timestamps ?? 'wall-clock';
  if (timestamps !== 'relative' && timestamps !== 'wall-clock') {
    throw new ExportError('invalid_option', 'Timestamps must be relative or wall-clock.');
  }
  const filter = options.speakerFilter?.map((s) => s.trim()).filter(Boolean);
  const now = options.now === undefined ? Date.now() : typeof options.now === 'number' ? options.now : options.now.getTime();
  return {
    timestamps,
    clock: wallClock(options.timeZone ?? 'UTC'),
    speakers: options.speakers ?? true,
    includeDrafts: options.includeDrafts === true || options.confirmedOnly === false,
    includeChat: options.includeChat !== false,
    from,
    to,
    speakerFilter: filter && filter.length > 0 ? new Set(filter) : null,
    now: Number.isFinite(now) ? now : Date.now(),
    readFont: options.readFont,
  };
}

/** Normalises any generation's transcript through `shared/vexa` and applies the options. */
export function prepareDocument(input: ExportInput, options: ExportOptions = {}): ExportDocument {
  const opts = resolveOptions(options);
  let transcript: Transcript;
  let rawStartTime: string | null = null;
  let rawEndTime: string | null = null;
  if (isNormalised(input)) {
    transcript = input;
  } else {
    try {
      transcript = normalisedOnce(input);
    } catch (err) {
      if (err instanceof VexaError)
        throw new ExportError('invalid_transcript', 'This transcript could not be read, so it cannot be exported.');
      throw err;
    }
    rawStartTime = rawString(input.start_time);
    rawEndTime = rawString(input.end_time);
  }
  const meeting = {
    ...transcript.meeting,
    startTime: epochOrNull(transcript.meeting.startTime),
    endTime: epochOrNull(transcript.meeting.endTime),
  };
  return { meeting, rawStartTime, rawEndTime, segments: selectSegments({ meeting, segments: transcript.segments }, opts), opts };
}

/** Year 10000 and later cannot be written as ISO 8601 `YYYY`; such a time is as good as unknown. */
const MAX_EPOCH_MS = 253_402_300_799_999;

function epochOrNull(ms: number | null): number | null {
  return ms !== null && Number.isFinite(ms) && ms >= 0 && ms <= MAX_EPOCH_MS ? ms : null;
}

function selectSegments(t: Transcript, opts: ResolvedOptions): ExportSegment[] {
  const origin = t.meeting.startTime ?? minAbsoluteStart(t.segments);
  const out: ExportSegment[] = [];
  const byId = new Map<string, number>();
  for (const raw of t.segments) {
    const seg = toExportSegment(raw, origin);
    if (!seg) continue;
    if (seg.segmentId !== undefined) {
      // A segment id seen twice (a draft and its confirmation) is one segment: keep the confirmed one.
      const at = byId.get(seg.segmentId);
      if (at !== undefined) {
        const prev = out[at];
        if (prev && (seg.completed || !prev.completed)) out[at] = seg;
        continue;
      }
      byId.set(seg.segmentId, out.length);
    }
    out.push(seg);
  }
  const kept = out.filter((s) => keep(s, opts));
  kept.sort((a, b) => a.start - b.start || (a.absoluteStart ?? 0) - (b.absoluteStart ?? 0));
  return kept;
}

function keep(s: ExportSegment, opts: ResolvedOptions): boolean {
  if (!s.completed && !opts.includeDrafts) return false;
  if (s.chat && !opts.includeChat) return false;
  if (!(s.start < opts.to && (s.end > opts.from || s.start >= opts.from))) return false;
  if (opts.speakerFilter && !opts.speakerFilter.has(s.speaker ?? UNKNOWN_SPEAKER)) return false;
  return true;
}

function minAbsoluteStart(segments: readonly TranscriptSegment[]): number | null {
  let min: number | null = null;
  for (const s of segments) if (s.absoluteStart !== null && (min === null || s.absoluteStart < min)) min = s.absoluteStart;
  return min;
}

function relativeSeconds(value: number, absolute: number | null, origin: number | null): number {
  if (!Number.isFinite(value)) return 0;
  if (value < EPOCH_SECONDS) return Math.max(0, value);
  if (absolute !== null && origin !== null) return Math.max(0, (absolute - origin) / 1000);
  if (origin !== null) return Math.max(0, value - origin / 1000);
  return 0;
}

function toExportSegment(s: TranscriptSegment, origin: number | null): ExportSegment | null {
  const text = cleanText(s.text ?? '');
  if (text === '') return null;
  const start = relativeSeconds(s.start, epochOrNull(s.absoluteStart), origin);
  const endRaw = relativeSeconds(s.end, epochOrNull(s.absoluteEnd), origin);
  const speaker = s.speaker === null ? '' : cleanText(s.speaker);
  const seg: ExportSegment = {
    speaker: speaker === '' ? null : speaker,
    text,
    start,
    end: Math.max(start, endRaw),
    absoluteStart: epochOrNull(s.absoluteStart),
    absoluteEnd: epochOrNull(s.absoluteEnd),
    language: s.language,
    completed: s.completed,
  };
  if (s.segmentId) seg.segmentId = s.segmentId;
  if (isChat(s)) seg.chat = true;
  return seg;
}
