import {
  applyTranscriptTick,
  bootstrapConfirmed,
  createTranscriptState,
  deduplicateSegments,
  groupSegments,
  parseUTCTimestamp,
  recomputeTranscripts,
  sortSegments,
} from '@vexaai/transcript-rendering';
import type { TranscriptSegment as LibSegment, TranscriptState } from '@vexaai/transcript-rendering';
import type { RenderedSegment } from '../../../../shared/transcript';
import { groupTurns } from '../../../../shared/transcript';

/**
 * Vexa's own pipeline from @vexaai/transcript-rendering 0.4.0, fed the same frames as our model:
 * the two-map state driven as `createTranscriptManager` drives it (REST → `bootstrapConfirmed`;
 * `transcript.mutable` → `applyTranscriptTick(state, segments)`; bundles →
 * `applyTranscriptTick(state, confirmed, pending, speaker)`), then `sortSegments` and
 * `deduplicateSegments` as in the package README.
 *
 * Two frame kinds have no entry point in the package, so the harness applies them to the
 * package's own state container:
 * - `transcript_retract`: the ids are deleted from `confirmed` and from every pending array;
 * - the G3 bot envelope: a final segment goes through `applyTranscriptTick(state, [segment])`;
 *   a draft is ignored, as Vexa's dashboard ignores the envelope (the collector bundle right
 *   behind it carries the speaker's complete draft set).
 */
export class VexaReference {
  readonly state: TranscriptState<LibSegment> = createTranscriptState<LibSegment>();
  rendered: LibSegment[] = [];

  bootstrap(segments: readonly unknown[]): void {
    this.render(bootstrapConfirmed(this.state, segments as LibSegment[]));
  }

  apply(frame: unknown): void {
    const f = frame as Record<string, unknown>;
    let result: LibSegment[] | null = null;
    if (f.type === 'transcript.mutable' || f.type === 'transcript.finalized') {
      const payload = f.payload as { segments: LibSegment[] };
      result = applyTranscriptTick(this.state, payload.segments, undefined, undefined);
    } else if (f.type === 'transcript' && f.segment) {
      const seg = f.segment as LibSegment;
      if (seg.completed) result = applyTranscriptTick(this.state, [seg], undefined, undefined);
    } else if (f.type === 'transcript') {
      const speaker = (f.speaker as string | null | undefined) ?? undefined;
      result = applyTranscriptTick(this.state, (f.confirmed as LibSegment[]) ?? [], (f.pending as LibSegment[]) ?? [], speaker);
    } else if (f.type === 'transcript_retract') {
      const ids = new Set(f.segment_ids as string[]);
      for (const id of ids) this.state.confirmed.delete(id);
      for (const [speaker, segs] of this.state.pendingBySpeaker) {
        const kept = segs.filter((s) => !ids.has(s.segment_id ?? ''));
        if (kept.length > 0) this.state.pendingBySpeaker.set(speaker, kept);
        else this.state.pendingBySpeaker.delete(speaker);
      }
      result = recomputeTranscripts(this.state);
    }
    if (result) this.render(result);
  }

  private render(all: LibSegment[]): void {
    this.rendered = deduplicateSegments(sortSegments(all));
  }
}

/** The fields a person sees in a caption, in the same shape from both pipelines. */
export interface CaptionRow {
  key: string;
  speaker: string | null;
  text: string;
  startMs: number;
  endMs: number;
  draft: boolean;
}

/** Our key is `segment_id`, else `t:<absolute start in epoch ms>`; the library keys by the raw string. */
export function libRows(segments: readonly LibSegment[]): CaptionRow[] {
  return segments.map((s) => {
    const startMs = parseUTCTimestamp(s.absolute_start_time).getTime();
    return {
      key: s.segment_id || `t:${startMs}`,
      speaker: s.speaker ?? null,
      text: s.text,
      startMs,
      endMs: parseUTCTimestamp(s.absolute_end_time).getTime(),
      draft: s.completed === false,
    };
  });
}

export function ourRows(segments: readonly RenderedSegment[]): CaptionRow[] {
  return segments.map((s) => ({
    key: s.key,
    speaker: s.speaker,
    text: s.text,
    startMs: s.absoluteStart,
    endMs: s.absoluteEnd,
    draft: s.draft,
  }));
}

/** Speaker turns from both: the group key, its combined text and the keys of its segments. */
export function libTurns(segments: LibSegment[]): Array<{ speaker: string; text: string; keys: string[] }> {
  return groupSegments(segments).map((g) => ({ speaker: g.key, text: g.combinedText, keys: libRows(g.segments).map((r) => r.key) }));
}

export function ourTurns(segments: readonly RenderedSegment[]): Array<{ speaker: string; text: string; keys: string[] }> {
  return groupTurns(segments).map((t) => ({ speaker: t.speaker || 'Unknown', text: t.text, keys: t.segments.map((s) => s.key) }));
}
