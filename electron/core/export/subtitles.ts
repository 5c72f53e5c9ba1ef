import { isolateControls } from '../../../shared/bidi';
import { speakerName, type ExportDocument, type ExportSegment } from './prepare';
import { cueStamp } from './time';

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

const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;
const ZERO_WIDTH = /^[\p{M}\u200B-\u200F\u2060-\u206F\uFE00-\uFE0F\u{E0100}-\u{E01EF}]$/u;

/** The width of text below U+0300 (one column a character), or -1 for text with anything else. */
function narrowWidth(text: string): number {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x300) return -1;
  return text.length;
}

/** Display width in columns: East Asian wide characters and emoji count two, marks nothing. */
export function displayWidth(text: string): number {
  const narrow = narrowWidth(text);
  if (narrow >= 0) return narrow;
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x300 ? 1 : ZERO_WIDTH.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
  return w;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

interface Unit {
  text: string;
  width: number;
  /** Joined to the previous unit without a space (pieces of one word). */
  glued: boolean;
}

function units(text: string, max: number): Unit[] {
  const out: Unit[] = [];
  for (const word of text.split(' ')) {
    if (word === '') continue;
    const narrow = narrowWidth(word);
    const width = narrow >= 0 ? narrow : displayWidth(word);
    if (width <= max && (narrow >= 0 || !WIDE.test(word))) {
      out.push({ text: word, width, glued: false });
      continue;
    }
    // Wide scripts break between any two characters; an over-long word breaks where it must.
    let first = true;
    for (const { segment } of graphemes.segment(word)) {
      out.push({ text: segment, width: displayWidth(segment), glued: !first });
      first = false;
    }
  }
  return out;
}

/** Greedy line wrapping; `maxFor(i)` is the width allowed for line i. */
export function wrapLines(text: string, maxFor: (line: number) => number): string[] {
  const lines: string[] = [];
  let cur = '';
  let curWidth = 0;
  for (const u of units(text, maxFor(0))) {
    const max = maxFor(lines.length);
    const sep = cur === '' || u.glued ? '' : ' ';
    if (cur !== '' && curWidth + sep.length + u.width > max) {
      lines.push(cur);
      cur = u.text;
      curWidth = u.width;
      continue;
    }
    cur += sep + u.text;
    curWidth += sep.length + u.width;
  }
  if (cur !== '') lines.push(cur);
  return lines;
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
    const lines = wrapLines(noArrows(seg.text), (i) => (i % MAX_CUE_LINES === 0 ? MAX_LINE_WIDTH - prefixWidth : MAX_LINE_WIDTH));
    const groups: string[][] = [];
    for (let i = 0; i < lines.length; i += MAX_CUE_LINES) groups.push(lines.slice(i, i + MAX_CUE_LINES));
    const weights = groups.map((g) =>
      Math.max(
        1,
        g.reduce((n, l) => n + displayWidth(l), 0),
      ),
    );
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

export function exportSrt(doc: ExportDocument): string {
  // A name with bidi controls is isolated, or it could reorder the rest of its line.
  const prefixOf = (seg: ExportSegment): string => (doc.opts.speakers ? `${isolateControls(noArrows(speakerName(seg)))}: ` : '');
  const blocks = buildCues(doc, prefixOf).map(
    (c, i) => `${i + 1}\n${cueStamp(c.startMs, ',')} --> ${cueStamp(c.endMs, ',')}\n${c.lines.join('\n')}`,
  );
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}

export function escapeVtt(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** WebVTT with one `<v Speaker>` voice span per cue; `&`, `<`, `>` escaped in text and names. */
export function exportVtt(doc: ExportDocument): string {
  const blocks = buildCues(doc, () => '').map((c, i) => {
    const body = c.lines.map(escapeVtt).join('\n');
    const text = doc.opts.speakers ? `<v ${escapeVtt(noArrows(speakerName(c.segment)))}>${body}</v>` : body;
    return `${i + 1}\n${cueStamp(c.startMs, '.')} --> ${cueStamp(c.endMs, '.')}\n${text}`;
  });
  return blocks.length === 0 ? 'WEBVTT\n' : `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}
