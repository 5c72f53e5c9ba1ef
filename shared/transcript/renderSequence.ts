import { dedupAct, PUSH, SKIP } from './dedupStep';
import type { DedupAct } from './dedupStep';
import { renderRecord, sameDedupInputs } from './segmentRecord';
import type { SegmentRecord } from './segmentRecord';
import { SortedChunks } from './sortedChunks';
import type { RenderedSegment } from './types';

interface SeqNode {
  key: string;
  rec: SegmentRecord;
  rendered: RenderedSegment;
  prev: SeqNode | null;
  next: SeqNode | null;
  /** What the dedup scan did with this node, and the node it held as "last kept" afterwards. */
  act: DedupAct | -1;
  last: SeqNode | null;
  visible: boolean;
  alive: boolean;
}

const compareNodes = (a: SeqNode, b: SeqNode): number => {
  if (a.rec.startMs !== b.rec.startMs) return a.rec.startMs - b.rec.startMs;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
};

export interface RenderPatch {
  upserted: RenderedSegment[];
  removed: string[];
}

/**
 * The candidates for display (one per key) in time order, and the reference deduplication scan
 * kept incrementally.
 *
 * The scan is a left fold whose state is "the last kept segment", so every node stores the act
 * it got and that state after it. A change at node i only invalidates the fold from i on, and the
 * fold re-joins its old path as soon as a node past the change gets the same (act, last) as
 * before with an unchanged `last`; after that every decision is the same. A node is displayed when
 * it was kept (push or replace) and the next node that is not skipped starts a new entry. An
 * update therefore costs O(log n + B) for the ordered insert (see SortedChunks) plus the few nodes
 * of one speaker's local run that the fold revisits, whatever the length of the meeting.
 */
export class RenderSequence {
  private list = new SortedChunks<SeqNode>(compareNodes);
  private readonly byKey = new Map<string, SeqNode>();
  /** Nodes inserted, changed or removed since the last flush. */
  private readonly dirty = new Set<SeqNode>();
  private readonly starts: SeqNode[] = [];
  /** Nodes whose displayed fields changed without changing any dedup decision. */
  private readonly refreshed = new Set<SeqNode>();
  private visibleCount = 0;
  // Scratch collections of flush(), kept between calls (a live meeting flushes on every frame).
  private readonly visCheck = new Set<SeqNode>();
  private readonly patch = new Map<string, RenderedSegment | null>();

  get size(): number {
    return this.visibleCount;
  }

  /** Nothing changed since the last flush, so a flush would return an empty patch. */
  get idle(): boolean {
    return this.dirty.size === 0 && this.refreshed.size === 0 && this.starts.length === 0;
  }

  /** Sets or clears the candidate shown for `key`. */
  set(key: string, rec: SegmentRecord | null, draft: boolean): void {
    const node = this.byKey.get(key);
    if (!rec) {
      if (node) this.unlink(node);
      return;
    }
    if (node && node.rec.startMs === rec.startMs) {
      if (node.rec === rec && node.rendered.draft === draft) return;
      const dedupSame = sameDedupInputs(node.rec, rec);
      const rendered = renderRecord(rec, draft);
      node.rec = rec;
      if (dedupSame && sameRendered(node.rendered, rendered)) return;
      node.rendered = rendered;
      if (dedupSame) this.refreshed.add(node);
      else this.dirty.add(node);
      return;
    }
    // A move keeps the key in byKey (overwritten below): deleting and re-adding the same Map key
    // leaves a growing chain of deleted entries in V8 until the next rehash.
    if (node) this.unlink(node, false);
    const fresh: SeqNode = {
      key,
      rec,
      rendered: renderRecord(rec, draft),
      prev: null,
      next: null,
      act: -1,
      last: null,
      visible: false,
      alive: true,
    };
    const { prev, next } = this.list.insert(fresh);
    fresh.prev = prev ?? null;
    fresh.next = next ?? null;
    if (prev) prev.next = fresh;
    if (next) next.prev = fresh;
    this.byKey.set(key, fresh);
    this.dirty.add(fresh);
  }

  clear(): RenderPatch {
    const removed = [...this.visibleValues()].map((r) => r.key);
    this.byKey.clear();
    this.dirty.clear();
    this.refreshed.clear();
    this.starts.length = 0;
    this.list = new SortedChunks<SeqNode>(compareNodes);
    this.visibleCount = 0;
    return { upserted: [], removed };
  }

  /** Re-runs the scan where it changed and returns what the display must change. */
  flush(): RenderPatch {
    const visCheck = this.visCheck;
    const patch = this.patch;
    let starts: SeqNode[] = this.starts;
    if (this.starts.length > 0 || this.dirty.size > 0) {
      starts = this.starts.filter((n) => n.alive);
      for (const n of this.dirty) if (n.alive) starts.push(n);
      if (starts.length > 1) starts.sort(compareNodes);
    }
    let cursor: SeqNode | null = null;
    for (const s of starts) {
      if (cursor && compareNodes(s, cursor) <= 0) continue;
      cursor = this.walk(s, visCheck);
    }
    for (const n of this.dirty) {
      if (n.alive || !n.visible) continue;
      n.visible = false;
      this.visibleCount--;
      patch.set(n.key, null);
    }
    for (const n of this.refreshed) if (n.alive) visCheck.add(n);
    for (const n of visCheck) {
      if (!n.alive) continue;
      const visible = this.isVisible(n);
      if (visible !== n.visible) {
        n.visible = visible;
        this.visibleCount += visible ? 1 : -1;
        patch.set(n.key, visible ? n.rendered : null);
      } else if (visible && (this.dirty.has(n) || this.refreshed.has(n))) {
        patch.set(n.key, n.rendered);
      }
    }
    visCheck.clear();
    this.dirty.clear();
    this.refreshed.clear();
    this.starts.length = 0;
    const upserted: RenderedSegment[] = [];
    const removed: string[] = [];
    for (const [key, r] of patch) {
      if (r) upserted.push(r);
      else removed.push(key);
    }
    patch.clear();
    return { upserted, removed };
  }

  *visibleValues(): IterableIterator<RenderedSegment> {
    for (let n = this.list.first() ?? null; n; n = n.next) if (n.visible) yield n.rendered;
  }

  private walk(start: SeqNode, visCheck: Set<SeqNode>): SeqNode {
    let state = start.prev ? start.prev.last : null;
    let n: SeqNode = start;
    for (;;) {
      if (state) visCheck.add(state);
      visCheck.add(n);
      const oldAct = n.act;
      const oldLast = n.last;
      const act: DedupAct = state ? dedupAct(n.rec, state.rec) : PUSH;
      const last = act === SKIP ? state : n;
      n.act = act;
      n.last = last;
      state = last;
      const settled = oldAct === act && oldLast === last && !this.dirty.has(n) && !(last && this.dirty.has(last));
      if (settled || !n.next) return n;
      n = n.next;
    }
  }

  private isVisible(n: SeqNode): boolean {
    if (n.act === SKIP || n.act === -1) return false;
    let m = n.next;
    while (m && m.act === SKIP) m = m.next;
    return !m || m.act === PUSH;
  }

  private unlink(node: SeqNode, forget = true): void {
    this.list.remove(node);
    if (forget) this.byKey.delete(node.key);
    node.alive = false;
    const { prev, next } = node;
    if (prev) prev.next = next;
    if (next) next.prev = prev;
    // The fold has to be re-run from the gap; at the very end the node before it may become visible.
    const resume = next ?? prev;
    if (resume) this.starts.push(resume);
    this.dirty.add(node);
  }
}

function sameRendered(a: RenderedSegment, b: RenderedSegment): boolean {
  for (const k of Object.keys(b) as Array<keyof RenderedSegment>) if (a[k] !== b[k]) return false;
  return Object.keys(a).length === Object.keys(b).length;
}
