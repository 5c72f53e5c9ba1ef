import type { SegmentRecord } from './segmentRecord';

export interface Draft {
  /**
   * The bundle speaker whose complete pending set last listed this draft, or null when only
   * producers that send one change at a time (the G3 collector) have carried it: no later set
   * replaces it, only its final or a retraction removes it.
   */
  owner: string | null;
  rec: SegmentRecord;
}

interface Owned {
  ts: number | null;
  keys: Set<string>;
}

/**
 * The live drafts, one per key, with two indexes: the keys each owner's last complete set listed
 * (what its next set replaces) and the keys each speaker is saying (what a change in that
 * speaker's held texts may hide or reveal). Owner and speaker differ for the G3 Teams bot, whose
 * sets are keyed by speaker key while its segments carry the display name.
 */
export class DraftStore {
  private readonly drafts = new Map<string, Draft>();
  private readonly owned = new Map<string, Owned>();
  private readonly bySpeaker = new Map<string, Set<string>>();

  get(key: string): Draft | undefined {
    return this.drafts.get(key);
  }

  /** Keys of the drafts whose segments name this speaker. */
  keysOf(speaker: string): Iterable<string> {
    return this.bySpeaker.get(speaker) ?? [];
  }

  /** The `ts` of the owner's last complete set (undefined before its first). */
  ownerTs(owner: string): number | null | undefined {
    return this.owned.get(owner)?.ts;
  }

  /** Stores a draft; `keep` leaves its current owner (a one-change bundle owns nothing). Returns whether anything changed. */
  put(rec: SegmentRecord, owner: string | null | 'keep', same: (a: SegmentRecord, b: SegmentRecord) => boolean): boolean {
    const old = this.drafts.get(rec.key);
    const next = owner === 'keep' ? (old?.owner ?? null) : owner;
    if (old && old.owner === next && same(old.rec, rec)) return false;
    if (old) this.unindex(rec.key, old);
    this.drafts.set(rec.key, { owner: next, rec });
    if (next !== null) this.ownedBy(next).keys.add(rec.key);
    let speakers = this.bySpeaker.get(rec.speakerKey);
    if (!speakers) this.bySpeaker.set(rec.speakerKey, (speakers = new Set()));
    speakers.add(rec.key);
    return true;
  }

  delete(key: string): boolean {
    const old = this.drafts.get(key);
    if (!old) return false;
    this.unindex(key, old);
    this.drafts.delete(key);
    return true;
  }

  /** The owner's new complete set is `keys`: its drafts not in it go. Returns the keys removed. */
  replace(owner: string, ts: number | null, keys: ReadonlySet<string>): string[] {
    const group = this.ownedBy(owner);
    const removed: string[] = [];
    for (const key of [...group.keys]) {
      if (keys.has(key)) continue;
      if (this.drafts.get(key)?.owner === owner) {
        this.delete(key);
        removed.push(key);
      }
      group.keys.delete(key);
    }
    group.ts = ts ?? group.ts;
    return removed;
  }

  clear(): void {
    this.drafts.clear();
    this.owned.clear();
    this.bySpeaker.clear();
  }

  private ownedBy(owner: string): Owned {
    let group = this.owned.get(owner);
    if (!group) this.owned.set(owner, (group = { ts: null, keys: new Set() }));
    return group;
  }

  private unindex(key: string, old: Draft): void {
    if (old.owner !== null) this.owned.get(old.owner)?.keys.delete(key);
    this.bySpeaker.get(old.rec.speakerKey)?.delete(key);
  }
}
