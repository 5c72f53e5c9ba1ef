import type { SegmentRecord } from './segmentRecord';

/** What the deduplication scan does with the next segment, given the last one it kept. */
export const PUSH = 0;
export const REPLACE = 1;
export const SKIP = 2;
export type DedupAct = typeof PUSH | typeof REPLACE | typeof SKIP;

/**
 * One step of `deduplicateSegments` from @vexaai/transcript-rendering 0.4.0 (speaker-aware:
 * adjacent duplicates within 1 s, containment, expansion, tail repeats), with the same arithmetic
 * in seconds so that boundary cases (`>= 0.5`, `<= 1.5`) fall the same way. Ours because the
 * library only offers the whole-list scan, which re-parses every timestamp on every call; the
 * incremental scan in renderSequence.ts calls this for the few segments an update touches.
 */
export function dedupAct(seg: SegmentRecord, last: SegmentRecord): DedupAct {
  if (seg.speakerKey !== last.speakerKey) return PUSH;
  const segStart = seg.startMs;
  const segEnd = seg.endMs;
  const lastStart = last.startMs;
  const lastEnd = last.endMs;
  const segStartSec = segStart / 1e3;
  const segEndSec = segEnd / 1e3;
  const lastStartSec = lastStart / 1e3;
  const lastEndSec = lastEnd / 1e3;
  const sameText = seg.trimmed === last.trimmed;
  const overlaps = Math.max(segStartSec, lastStartSec) < Math.min(segEndSec, lastEndSec);
  const gapSec = (segStart - lastEnd) / 1e3;
  if (!overlaps && sameText && gapSec >= 0 && gapSec <= 1) return prefer(seg, last) ? REPLACE : SKIP;
  if (!overlaps) return PUSH;
  if (sameText) return prefer(seg, last) ? REPLACE : SKIP;
  if (segStartSec >= lastStartSec && segEndSec <= lastEndSec) return SKIP;
  if (lastStartSec >= segStartSec && lastEndSec <= segEndSec) return REPLACE;
  const segClean = normalised(seg);
  const lastClean = normalised(last);
  const segDuration = segEndSec - segStartSec;
  const lastDuration = lastEndSec - lastStartSec;
  const overlapDuration = Math.min(segEndSec, lastEndSec) - Math.max(segStartSec, lastStartSec);
  const overlapRatioSeg = segDuration > 0 ? overlapDuration / segDuration : 0;
  const overlapRatioLast = lastDuration > 0 ? overlapDuration / lastDuration : 0;
  const segExpandsLast = lastClean !== '' && segClean !== '' && segClean.includes(lastClean) && segClean.length > lastClean.length;
  if (segExpandsLast && overlapRatioLast >= 0.5 && (seg.seg.completed || !last.seg.completed)) return REPLACE;
  const segIsTailRepeat = segClean !== '' && lastClean !== '' && lastClean.includes(segClean);
  if (segIsTailRepeat && segDuration <= 1.5 && wordCount(segClean) <= 2 && overlapRatioSeg >= 0.25) return SKIP;
  return PUSH;
}

/** Keep the final one over a draft, else the longer one. */
function prefer(seg: SegmentRecord, last: SegmentRecord): boolean {
  if (seg.seg.completed && !last.seg.completed) return true;
  if (!seg.seg.completed && last.seg.completed) return false;
  return seg.endMs - seg.startMs > last.endMs - last.startMs;
}

function normalised(rec: SegmentRecord): string {
  if (rec.norm === undefined) {
    rec.norm = rec.seg.text
      .trim()
      .toLowerCase()
      .replace(/[.,!?;:]+$/g, '')
      .replace(/\s+/g, ' ');
  }
  return rec.norm;
}

function wordCount(clean: string): number {
  return clean.split(/\s+/).filter((w) => w.length > 0).length;
}
