import { DraftStore } from './draftStore';
import { parseTranscriptFrame } from './parseFrame';
import type { TranscriptFrame } from './parseFrame';
import { RenderSequence } from './renderSequence';
import { parseSegment, sameContent } from './segmentRecord';
import type { SegmentParse, SegmentRecord } from './segmentRecord';
import { StaleDraftIndex } from './staleDraftIndex';
import type { Applied, ApplyResult, DroppedSegment, RenderedSegment } from './types';

export interface RestOptions {
  /**
   * The REST body is the server's whole current transcript (a first load, or the re-seed after a
   * reconnect): it replaces everything held. Otherwise it only fills gaps: unknown keys are added
   * and drafts become final, but nothing held is overwritten by an older copy.
   */
  authoritative?: boolean;
}

/**
 * The live transcript of one meeting, for every server generation (behaviour doc §5.1, §2.10).
 *
 * State is the two-map model of @vexaai/transcript-rendering: `held` (the library's `confirmed`
 * map: keyed segments, which for G1 and REST includes drafts) and the drafts of each bundle
 * speaker, replaced as a set by every bundle. Keys are `segment_id`, else the absolute start in
 * epoch ms (shared/vexa `segmentKey`). On top of the library's model:
 * - an update never overwrites a newer one: a final beats a draft, and a later `updated_at` (or
 *   frame `ts`) beats an earlier one, for held segments and for a speaker's bundle alike;
 * - retracted keys stay retracted when a late frame carries them again;
 * - a held segment hides the draft with the same key.
 * Together these make the state, and so the display, independent of the order in which frames
 * and duplicates arrive. What is displayed is the reference pipeline (stale drafts hidden, sorted
 * by start, `deduplicateSegments`), kept incrementally by RenderSequence.
 */
export class TranscriptModel {
  private readonly held = new Map<string, SegmentRecord>();
  private readonly drafts = new DraftStore();
  private readonly retracted = new Set<string>();
  private readonly heldTexts = new StaleDraftIndex();
  private readonly seq = new RenderSequence();
  private rev = 0;
  private cache: { rev: number; list: RenderedSegment[] } | null = null;
  // Per-update scratch: keys whose displayed candidate must be recomputed, and what was dropped.
  private readonly touched = new Set<string>();
  private readonly touchedSpeakers = new Set<string>();
  private dropped: DroppedSegment[] = [];
  /** Keys displayed before an authoritative re-seed cleared the display. */
  private resetRemoved: string[] = [];

  /** Number of displayed segments. */
  get size(): number {
    return this.seq.size;
  }

  /** Goes up whenever the held state or the display changes. */
  get version(): number {
    return this.rev;
  }

  applyFrame(raw: unknown): ApplyResult {
    const parsed = parseTranscriptFrame(raw);
    if (!parsed.ok) return { ok: false, reason: parsed.reason, detail: parsed.detail, version: this.rev };
    this.applyParsed(parsed.frame);
    return this.finish();
  }

  /** Seeds from `GET /transcripts` (or fills a gap after a reconnect). Malformed rows are skipped. */
  applyRestSegments(segments: readonly unknown[], opts: RestOptions = {}): Applied {
    const recs: SegmentRecord[] = [];
    for (let i = 0; i < segments.length; i++) {
      const p = parseSegment(segments[i], `segments[${i}]`, null);
      if ('error' in p) continue;
      if ('drop' in p) this.dropped.push({ key: p.key, reason: p.drop });
      else recs.push(p);
    }
    if (opts.authoritative) this.reset(recs);
    for (const rec of recs) {
      if (this.retracted.has(rec.key)) {
        this.dropped.push({ key: rec.key, reason: 'retracted' });
        continue;
      }
      // G2/G3 REST drafts are the server's current pending set: a bundle must be able to replace them.
      if (!rec.seg.completed && rec.seg.segmentId) {
        if (opts.authoritative || (!this.held.has(rec.key) && !this.drafts.get(rec.key))) this.addDraft(rec.speakerKey, rec);
      } else {
        this.putHeld(rec, !opts.authoritative);
      }
    }
    return this.finish();
  }

  retract(ids: readonly string[]): Applied {
    this.applyParsed({ kind: 'retract', ids: [...ids] });
    return this.finish();
  }

  /** The displayed transcript in order: sorted, deduplicated, drafts flagged. O(n); a fresh array each call. */
  snapshot(): RenderedSegment[] {
    if (this.cache?.rev !== this.rev) this.cache = { rev: this.rev, list: [...this.seq.visibleValues()] };
    return this.cache.list.slice();
  }

  /** The displayed segments that are final (what the cache stores). */
  confirmed(): RenderedSegment[] {
    return this.snapshot().filter((s) => !s.draft);
  }

  private applyParsed(frame: TranscriptFrame): void {
    switch (frame.kind) {
      case 'keyed':
        for (const p of frame.segments) {
          const rec = this.usable(p);
          if (rec) this.putHeld(rec, false);
        }
        return;
      case 'envelope':
        {
          const rec = this.usable(frame.segment);
          if (rec?.seg.completed) this.putHeld(rec, false);
          else if (rec) this.dropped.push({ key: rec.key, reason: 'draft-envelope' });
        }
        return;
      case 'bundle':
        for (const p of frame.confirmed) {
          const rec = this.usable(p);
          if (rec) this.putHeld(rec, false);
        }
        if (frame.batch) {
          this.upsertDrafts(frame.pending ?? []);
          return;
        }
        if (frame.speaker === null) {
          if (frame.pending?.length) this.dropped.push({ key: null, reason: 'pending-without-speaker' });
          return;
        }
        this.replaceDrafts(frame.speaker, frame.ts, frame.pending ?? []);
        return;
      case 'retract':
        for (const id of frame.ids) this.retractKey(id);
        return;
    }
  }

  /** The record to apply, or null when the segment was dropped by rule or its key retracted (noted in `dropped`). */
  private usable(p: Exclude<SegmentParse, { error: string }>): SegmentRecord | null {
    if ('drop' in p) {
      this.dropped.push({ key: p.key, reason: p.drop });
      return null;
    }
    if (this.retracted.has(p.key)) {
      this.dropped.push({ key: p.key, reason: 'retracted' });
      return null;
    }
    return p;
  }

  private putHeld(rec: SegmentRecord, gapFill: boolean): void {
    const old = this.held.get(rec.key);
    if (old) {
      if (old.seg.completed && !rec.seg.completed) {
        this.dropped.push({ key: rec.key, reason: 'draft-after-final' });
        return;
      }
      // Ordering information decides only between two records of the same standing.
      if (old.seg.completed === rec.seg.completed && old.updatedAt !== null && (rec.updatedAt === null || rec.updatedAt < old.updatedAt)) {
        if (!sameContent(old, rec)) this.dropped.push({ key: rec.key, reason: 'older-than-current' });
        return;
      }
      // Gap-filling REST data has no ordering information; it only adds keys and finalises drafts.
      if (gapFill && old.seg.completed === rec.seg.completed) return;
      if (sameContent(old, rec)) return;
      this.heldTexts.remove(old.speakerKey, old.trimmed);
      this.touchedSpeakers.add(old.speakerKey);
    }
    this.held.set(rec.key, rec);
    // A final ends its draft wherever it was listed: a one-change bundle never withdraws it.
    if (rec.seg.completed) this.drafts.delete(rec.key);
    this.heldTexts.add(rec.speakerKey, rec.trimmed);
    this.touchedSpeakers.add(rec.speakerKey);
    this.touched.add(rec.key);
  }

  /** A complete draft set of one bundle speaker (G2 bot bundles, the G3 Teams bot's snapshots). */
  private replaceDrafts(speaker: string, ts: number | null, pending: readonly Exclude<SegmentParse, { error: string }>[]): void {
    const current = this.drafts.ownerTs(speaker);
    if (current != null && ts !== null && ts < current) {
      this.dropped.push({ key: null, reason: 'stale-bundle' });
      return;
    }
    const keys = new Set<string>();
    for (const p of pending) {
      const rec = this.draftToShow(p);
      if (!rec) continue;
      keys.add(rec.key);
      this.addDraft(speaker, rec);
    }
    for (const key of this.drafts.replace(speaker, ts, keys)) this.touched.add(key);
  }

  /**
   * The G3 collector's bundle holds only the change it just ingested (collector/ingest.py), so its
   * drafts are added or updated and nothing else is withdrawn; a newer copy of a draft is kept.
   */
  private upsertDrafts(pending: readonly Exclude<SegmentParse, { error: string }>[]): void {
    for (const p of pending) {
      const rec = this.draftToShow(p);
      if (!rec) continue;
      const old = this.drafts.get(rec.key)?.rec;
      if (old && olderDraft(rec, old)) {
        if (!sameContent(old, rec)) this.dropped.push({ key: rec.key, reason: 'older-than-current' });
        continue;
      }
      if (this.drafts.put(rec, 'keep', sameContent)) this.touched.add(rec.key);
    }
  }

  /** A usable draft whose key is not final already. */
  private draftToShow(p: Exclude<SegmentParse, { error: string }>): SegmentRecord | null {
    const rec = this.usable(p);
    if (rec && this.held.get(rec.key)?.seg.completed) {
      this.dropped.push({ key: rec.key, reason: 'draft-after-final' });
      return null;
    }
    return rec;
  }

  private addDraft(owner: string, rec: SegmentRecord): void {
    if (this.drafts.put(rec, owner, sameContent)) this.touched.add(rec.key);
  }

  private retractKey(key: string): void {
    this.retracted.add(key);
    const old = this.held.get(key);
    if (old) {
      this.held.delete(key);
      this.heldTexts.remove(old.speakerKey, old.trimmed);
      this.touchedSpeakers.add(old.speakerKey);
      this.touched.add(key);
    }
    if (this.drafts.delete(key)) this.touched.add(key);
  }

  private reset(keep: readonly SegmentRecord[]): void {
    for (const rec of keep) this.retracted.delete(rec.key);
    const removed = this.seq.clear().removed;
    this.held.clear();
    this.drafts.clear();
    this.heldTexts.clear();
    this.touched.clear();
    this.touchedSpeakers.clear();
    this.resetRemoved = removed;
    this.rev++;
  }

  /** Recomputes the displayed candidate of every touched key, runs the scan, and reports. */
  private finish(): Applied {
    // A redelivery (G3 sends every confirmed segment twice, reconnects replay frames) touches
    // nothing: answer without running the scan.
    if (this.touched.size === 0 && this.touchedSpeakers.size === 0 && this.resetRemoved.length === 0 && this.seq.idle) {
      const dropped = this.dropped;
      if (dropped.length > 0) this.dropped = [];
      return { ok: true, changed: [], upserted: [], removed: [], dropped, version: this.rev };
    }
    const changed = [...this.touched];
    // A change in a speaker's held texts can hide or reveal that speaker's drafts (stale rule),
    // whichever bundle speaker carried them.
    for (const speaker of this.touchedSpeakers) {
      for (const key of this.drafts.keysOf(speaker)) this.touched.add(key);
    }
    for (const key of this.touched) {
      const held = this.held.get(key);
      if (held) {
        this.seq.set(key, held, !held.seg.completed);
        continue;
      }
      const draft = this.drafts.get(key);
      const shown = draft && !this.heldTexts.isStale(draft.rec.speakerKey, draft.rec.trimmed) ? draft.rec : null;
      this.seq.set(key, shown, true);
    }
    const patch = this.seq.flush();
    if (changed.length > 0 || patch.upserted.length > 0 || patch.removed.length > 0) this.rev++;
    let removed = patch.removed;
    if (this.resetRemoved.length > 0) {
      const upserted = new Set(patch.upserted.map((s) => s.key));
      removed = [...this.resetRemoved.filter((k) => !upserted.has(k)), ...removed];
      this.resetRemoved = [];
    }
    const result: Applied = { ok: true, changed, upserted: patch.upserted, removed, dropped: this.dropped, version: this.rev };
    this.touched.clear();
    this.touchedSpeakers.clear();
    this.dropped = [];
    return result;
  }
}

/**
 * Whether a collector draft is older than the copy held. With ordering information on both, it
 * decides. The G3 Teams bot's snapshots carry none (behaviour doc §5.1: no `ts`, no `updated_at`),
 * and the collector publishes what it ingested up to half a second after the bot (collector/ingest.py
 * polls every 0.5 s), so its copy of a draft often lands after the bot's newer snapshot. A draft's id
 * fixes its start (`{session_uid}:{speaker_key}:{startMs}`) and each later draft covers more audio,
 * so the one that ends earlier is the older.
 */
function olderDraft(rec: SegmentRecord, old: SegmentRecord): boolean {
  if (old.updatedAt !== null) return rec.updatedAt === null || rec.updatedAt < old.updatedAt;
  return rec.endMs < old.endMs;
}
