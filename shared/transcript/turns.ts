import type { RenderedSegment } from './types';

/** Consecutive segments of one speaker, shown as one block in the live view. */
export interface SpeakerTurn {
  /** Stable React key: the first segment's key. */
  key: string;
  speaker: string | null;
  /** Index into the speaker palette; see `speakerColourIndex`. */
  colour: number;
  absoluteStart: number;
  absoluteEnd: number;
  /** The segments' trimmed texts joined by single spaces. */
  text: string;
  /** True while any segment of the turn is a draft. */
  draft: boolean;
  segments: RenderedSegment[];
}

export interface TurnOptions {
  /** A turn is split at a segment boundary once its text would pass this length (default 512). */
  maxChars?: number;
  paletteSize?: number;
}

export const DEFAULT_PALETTE_SIZE = 8;

/**
 * Groups displayed segments into speaker turns the way `groupSegments` of
 * @vexaai/transcript-rendering does (same speaker key `speaker || "Unknown"`, empty texts skipped,
 * long turns split at `maxChars`), so a transcript reads the same here as in Vexa's dashboard;
 * chat lines (`source: "chat"`) form turns of their own.
 * The input is already in display order (`TranscriptModel.snapshot()`).
 */
export function groupTurns(segments: readonly RenderedSegment[], opts: TurnOptions = {}): SpeakerTurn[] {
  const maxChars = opts.maxChars ?? 512;
  const palette = opts.paletteSize ?? DEFAULT_PALETTE_SIZE;
  const turns: SpeakerTurn[] = [];
  let current: SpeakerTurn | null = null;
  let currentKey = '';
  for (const seg of segments) {
    const text = seg.text.trim();
    if (text === '') continue;
    // A chat message is its own turn (marked chat where it is drawn), never run into its sender's speech.
    const groupKey = seg.source === 'chat' ? `chat\u0000${seg.speaker || 'Unknown'}` : seg.speaker || 'Unknown';
    if (current && groupKey === currentKey && current.text.length + 1 + text.length <= maxChars) {
      current.segments.push(seg);
      current.text = `${current.text} ${text}`;
      current.absoluteEnd = seg.absoluteEnd;
      current.draft ||= seg.draft;
      continue;
    }
    current = {
      key: seg.key,
      speaker: seg.speaker,
      colour: speakerColourIndex(seg.speaker, palette),
      absoluteStart: seg.absoluteStart,
      absoluteEnd: seg.absoluteEnd,
      text,
      draft: seg.draft,
      segments: [seg],
    };
    currentKey = groupKey;
    turns.push(current);
  }
  return turns;
}

/**
 * A palette index that depends only on the speaker's name (FNV-1a over the trimmed, lower-cased
 * name), so the same person keeps the same colour across meetings, restarts and machines.
 */
export function speakerColourIndex(speaker: string | null | undefined, paletteSize = DEFAULT_PALETTE_SIZE): number {
  const name = (speaker ?? '').trim().normalize('NFC').toLowerCase();
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % Math.max(1, paletteSize);
}
