import { isolateControls } from '../../../shared/bidi';
import { speakerName, type ExportDocument, type ExportSegment } from './prepare';
import { displayWidth, wrapLines } from './cueWrap';
import { cueStamp } from './time';

export { displayWidth, wrapLines } from './cueWrap';

/** Readable subtitles: about 42 characters a line, two lines a cue (the common broadcast rule). */
export const MAX_LINE_WIDTH = 42;
export const MAX_CUE_LINES = 2;
/** A segment without a positive duration is shown this long. */
export const MIN_SEGMENT_MS = 1000;
/** Each piece of a split segment is on screen at least this long. */
export const MIN_CUE_MS = 100;

export interface Cue {
  startMs: number;
  endMs: number;
  lines: string[];
  segment: ExportSegment;
}

/** A cue may never contain `-->` (it would read as a timing line); arrows of any length become →. */
export function noArrows(text: string): string {
  return text.replace(/-{2,}>/g, '→');
}

/**
 * Splits each segment into cues of at most two lines and shares the segment's time among them in
 * proportion to their length. Durations of zero or less get a minimum, so every cue is visible.
 * The cues come out in start-time order, so their numbers follow time.
 */
export function buildCues(doc: ExportDocument, prefixOf: (seg: ExportSegment) => string): Cue[] {
  const cues: Cue[] = [];
  for (const seg of doc.segments) {
    const prefix = prefixOf(seg);
    const prefixWidth = Math.min(displayWidth(prefix), MAX_LINE_WIDTH - 10);
    const { lines, widths } = wrapLines(noArrows(seg.text), (i) =>
      i % MAX_CUE_LINES === 0 ? MAX_LINE_WIDTH - prefixWidth : MAX_LINE_WIDTH,
    );
    const groups: string[][] = [];
    const weights: number[] = [];
    for (let i = 0; i < lines.length; i += MAX_CUE_LINES) {
      groups.push(lines.slice(i, i + MAX_CUE_LINES));
      let width = 0;
      for (let k = i; k < i + MAX_CUE_LINES && k < lines.length; k++) width += widths[k] ?? 0;
      weights.push(Math.max(1, width));
    }
    const total = weights.reduce((a, b) => a + b, 0);
    const startMs = Math.round(seg.start * 1000);
    let duration = Math.round(seg.end * 1000) - startMs;
    if (duration <= 0) duration = MIN_SEGMENT_MS;
    duration = Math.max(duration, groups.length * MIN_CUE_MS);
    let acc = 0;
    let prevEnd = startMs;
    groups.forEach((g, i) => {
      acc += weights[i] ?? 0;
      const endMs = i === groups.length - 1 ? startMs + duration : Math.max(prevEnd + 1, startMs + Math.round((duration * acc) / total));
      const first = g[0] ?? '';
      cues.push({ startMs: prevEnd, endMs, lines: [prefix + first, ...g.slice(1)], segment: seg });
      prevEnd = endMs;
    });
  }
  // Segments come sorted by start, but the later pieces of a long split segment can start after a
  // shorter segment that overlapped it: players and readers expect cues in start order, and the
  // WebVTT spec asks that no cue start before the cues above it.
  // The sort is stable, so pieces of one segment and ties keep their order.
  return cues.sort((a, b) => a.startMs - b.startMs);
}

/** `f(key)` remembered per key: a meeting has a few speakers and thousands of cues. */
function perKey(f: (key: string) => string): (key: string) => string {
  const known = new Map<string, string>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) known.set(key, (value = f(key)));
    return value;
  };
}

export function exportSrt(doc: ExportDocument): string {
  // A name with bidi controls is isolated, or it could reorder the rest of its line.
  const prefix = perKey((name) => `${isolateControls(noArrows(name))}: `);
  const prefixOf = (seg: ExportSegment): string => (doc.opts.speakers ? prefix(speakerName(seg)) : '');
  const blocks = buildCues(doc, prefixOf).map(
    (c, i) => `${i + 1}\n${cueStamp(c.startMs, ',')} --> ${cueStamp(c.endMs, ',')}\n${c.lines.join('\n')}`,
  );
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}

const VTT_SPECIAL = /[&<>]/;

export function escapeVtt(text: string): string {
  if (!VTT_SPECIAL.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** WebVTT with one `<v Speaker>` voice span per cue; `&`, `<`, `>` escaped in text and names. */
export function exportVtt(doc: ExportDocument): string {
  const voice = perKey((name) => escapeVtt(noArrows(name)));
  const blocks = buildCues(doc, () => '').map((c, i) => {
    const body = c.lines.map(escapeVtt).join('\n');
    const text = doc.opts.speakers ? `<v ${voice(speakerName(c.segment))}>${body}</v>` : body;
    return `${i + 1}\n${cueStamp(c.startMs, '.')} --> ${cueStamp(c.endMs, '.')}\n${text}`;
  });
  return blocks.length === 0 ? 'WEBVTT\n' : `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}
