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
import type { Step } from './meetingStream';

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

  /**
   * `corrected`: the state and display differ from the package's where the package is
   * order-dependent, shows one segment twice or keeps a draft no bundle can reach; each is intended
   * and pinned in divergences.test.ts:
   * - order by the parsed start time, then by key (the package compares the raw strings, so equal
   *   starts keep arrival order and Python's whole-second form sorts after a fraction);
   * - a draft whose segment_id is already final is not shown (the package shows a revised draft
   *   beside its own final until the speaker's next bundle replaces the draft set);
   * - a draft is stale against the held texts of its own speaker (the package looks up the
   *   bundle's speaker, which for the G3 Teams bot's snapshots is a speaker key, never a name);
   * - a draft is held once, by its key: a G3 collector bundle (`meeting` carries `native_id`/
   *   `platform`) holds one ingested batch (collector/ingest.py), not the speaker's whole set, so
   *   it updates or adds drafts and withdraws none; a whole set takes the keys it lists from any
   *   other set (the package keeps one copy per bundle speaker, and the G3 Teams bot's sets are
   *   keyed by speaker key while the collector's are keyed by name);
   * - a REST draft with a segment_id joins its speaker's pending set (`restDraftsToPending`).
   */
  constructor(private readonly corrected = false) {}

  bootstrap(segments: readonly unknown[], quiet = false): void {
    let all = bootstrapConfirmed(this.state, segments as LibSegment[]);
    if (this.corrected) all = this.restDraftsToPending();
    if (!quiet) this.render(all);
  }

  /**
   * A REST draft with a segment_id is its speaker's current draft (behaviour doc §2.10, §5.1): it
   * joins that speaker's pending set, so the next bundle grows or withdraws it (the package keeps it
   * in `confirmed`, where no bundle can reach it; pinned in divergences.test.ts).
   */
  private restDraftsToPending(): LibSegment[] {
    for (const [key, seg] of this.state.confirmed) {
      if (seg.completed !== false || !seg.segment_id) continue;
      this.state.confirmed.delete(key);
      const speaker = seg.speaker || '';
      this.state.pendingBySpeaker.set(speaker, [...(this.state.pendingBySpeaker.get(speaker) ?? []), seg]);
    }
    return recomputeTranscripts(this.state);
  }

  /** `quiet`: update the state only; `refresh()` renders it later (replays render once). */
  apply(frame: unknown, quiet = false): void {
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
      const pending = (f.pending as LibSegment[]) ?? [];
      const sets = this.corrected && speaker !== undefined ? this.oneCopyPerKey(speaker, pending, isCollectorBundle(f)) : pending;
      result = applyTranscriptTick(this.state, (f.confirmed as LibSegment[]) ?? [], sets, speaker);
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
    if (result && !quiet) this.render(result);
  }

  /** Renders the current state (every entry point of the package returns exactly this list). */
  refresh(): void {
    this.render(recomputeTranscripts(this.state));
  }

  /** An independent copy of the state (the package replaces arrays and segments, never edits them). */
  fork(): VexaReference {
    const copy = new VexaReference(this.corrected);
    for (const [k, v] of this.state.confirmed) copy.state.confirmed.set(k, v);
    for (const [k, v] of this.state.pendingBySpeaker) copy.state.pendingBySpeaker.set(k, v);
    copy.rendered = this.rendered;
    return copy;
  }

  /**
   * One draft per key, held in one speaker's set. A whole set (a G2 bundle, a Teams snapshot) takes
   * the keys it lists from every other set; a G3 collector bundle updates a listed draft where it is
   * held and adds the others to its speaker's set. Returns the set to give `speaker`.
   */
  private oneCopyPerKey(speaker: string, pending: LibSegment[], batch: boolean): LibSegment[] {
    const sets = this.state.pendingBySpeaker;
    if (!batch) {
      const listed = new Set(pending.map(segKey));
      for (const [other, segs] of sets) {
        if (other === speaker) continue;
        const kept = segs.filter((s) => !listed.has(segKey(s)));
        if (kept.length > 0) sets.set(other, kept);
        else sets.delete(other);
      }
      return pending;
    }
    const own = [...(sets.get(speaker) ?? [])];
    for (const seg of pending) {
      const key = segKey(seg);
      const holder = [...sets].find(([other, segs]) => other !== speaker && segs.some((s) => segKey(s) === key));
      if (holder)
        sets.set(
          holder[0],
          holder[1].map((s) => (segKey(s) === key ? seg : s)),
        );
      else {
        const at = own.findIndex((s) => segKey(s) === key);
        if (at >= 0) own[at] = seg;
        else own.push(seg);
      }
    }
    return own;
  }

  private render(all: LibSegment[]): void {
    if (!this.corrected) {
      this.rendered = deduplicateSegments(sortSegments(all));
      return;
    }
    const held = new Set(this.state.confirmed.values());
    const finalIds = new Set([...held].filter((s) => s.completed !== false && s.segment_id).map((s) => s.segment_id));
    const textsOf = new Map<string, string[]>();
    for (const s of held) textsOf.set(s.speaker || '', [...(textsOf.get(s.speaker || '') ?? []), (s.text || '').trim()]);
    const stale = (s: LibSegment): boolean => {
      const pt = (s.text || '').trim();
      return (textsOf.get(s.speaker || '') ?? []).some((ct) => pt === ct || pt.startsWith(ct) || ct.startsWith(pt));
    };
    const shown = all.filter((s) => held.has(s) || !((s.segment_id && finalIds.has(s.segment_id)) || stale(s)));
    this.rendered = deduplicateSegments(
      shown
        .map((s) => ({ s, row: keyAndStart(s) }))
        .sort(byStartThenKey)
        .map((x) => x.s),
    );
  }
}

const segKey = (s: LibSegment): string => s.segment_id || s.absolute_start_time;

/** Only the G3 collector stamps the link on its bundle (shared/transcript/parseFrame.ts). */
function isCollectorBundle(f: Record<string, unknown>): boolean {
  const m = f.meeting as Record<string, unknown> | undefined;
  return !!m && ('native_id' in m || 'platform' in m);
}

function keyAndStart(s: LibSegment): { key: string; startMs: number } {
  const startMs = parseUTCTimestamp(s.absolute_start_time).getTime();
  return { key: s.segment_id || `t:${startMs}`, startMs };
}

function byStartThenKey(a: { row: { key: string; startMs: number } }, b: { row: { key: string; startMs: number } }): number {
  if (a.row.startMs !== b.row.startMs) return a.row.startMs - b.row.startMs;
  return a.row.key < b.row.key ? -1 : a.row.key > b.row.key ? 1 : 0;
}

/**
 * The corrected reference fed the frames delivered so far in the order the server sent them. Vexa's
 * package keeps the last write, so a late or repeated frame changes its result; our model is meant
 * to show, at every moment, what the package shows for the same frames in sent order.
 */
export class SentOrderReference {
  private readonly delivered = new Set<number>();
  /** Fed exactly the sent steps 0..next-1, all delivered; `next` is the first one still missing. */
  private readonly base = new VexaReference(true);
  private next = 0;
  private ref = this.base;

  constructor(private readonly sent: readonly Step[]) {}

  get rendered(): LibSegment[] {
    return this.ref.rendered;
  }

  deliver(index: number): void {
    if (this.delivered.has(index)) return;
    this.delivered.add(index);
    while (this.delivered.has(this.next)) feed(this.base, this.sent[this.next++]!);
    const ahead = [...this.delivered].filter((i) => i > this.next).sort((x, y) => x - y);
    if (ahead.length === 0) {
      this.base.refresh();
      this.ref = this.base;
      return;
    }
    // Steps delivered ahead of a missing one: replayed on a copy, so the base can take the missing one later.
    this.ref = this.base.fork();
    for (const i of ahead) feed(this.ref, this.sent[i]!);
    this.ref.refresh();
  }
}

function feed(ref: VexaReference, step: Step): void {
  if (step.kind === 'rest') ref.bootstrap(step.segments, true);
  else ref.apply(step.frame, true);
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
export function libTurns(segments: LibSegment[], corrected = false): Array<{ speaker: string; text: string; keys: string[] }> {
  // `groupSegments` sorts by the raw strings again; corrected, equal instants get one spelling so
  // that its stable sort keeps the corrected order.
  const input = corrected
    ? segments.map((s) => ({ ...s, absolute_start_time: parseUTCTimestamp(s.absolute_start_time).toISOString() }))
    : segments;
  return groupSegments(input).map((g) => ({ speaker: g.key, text: g.combinedText, keys: libRows(g.segments).map((r) => r.key) }));
}

export function ourTurns(segments: readonly RenderedSegment[]): Array<{ speaker: string; text: string; keys: string[] }> {
  return groupTurns(segments).map((t) => ({ speaker: t.speaker || 'Unknown', text: t.text, keys: t.segments.map((s) => s.key) }));
}
