/**
 * A sorted sequence stored as a list of small sorted blocks (the layout of a B+ tree's leaves
 * without the inner levels). A live meeting inserts near the end and keeps up to ~10,000
 * segments, so one flat array would pay an O(n) splice per update; here an insert or a removal
 * costs a binary search over the blocks' last values plus a splice inside one block:
 * O(log(n / B) + B) with B = `maxBlock`, which stays flat as the meeting grows.
 *
 * Values must be distinct under `cmp` (callers add a unique tie-breaker such as the segment key).
 */
export class SortedChunks<T> {
  private blocks: T[][] = [];
  private count = 0;

  constructor(
    private readonly cmp: (a: T, b: T) => number,
    private readonly maxBlock = 128,
  ) {}

  get size(): number {
    return this.count;
  }

  /** Inserts `value` and returns the values now before and after it. */
  insert(value: T): { prev: T | undefined; next: T | undefined } {
    this.count++;
    if (this.blocks.length === 0) {
      this.blocks.push([value]);
      return { prev: undefined, next: undefined };
    }
    const bi = this.blockFor(value);
    const block = this.blocks[bi]!;
    const i = this.indexIn(block, value);
    block.splice(i, 0, value);
    const prev = i > 0 ? block[i - 1] : bi > 0 ? lastOf(this.blocks[bi - 1]!) : undefined;
    const next = i + 1 < block.length ? block[i + 1] : bi + 1 < this.blocks.length ? this.blocks[bi + 1]![0] : undefined;
    if (block.length > this.maxBlock * 2) {
      this.blocks.splice(bi + 1, 0, block.splice(this.maxBlock));
    }
    return { prev, next };
  }

  /** Removes the value equal to `value` under `cmp`; false when there is none. */
  remove(value: T): boolean {
    if (this.blocks.length === 0) return false;
    const bi = this.blockFor(value);
    const block = this.blocks[bi]!;
    const i = this.indexIn(block, value);
    if (i >= block.length || this.cmp(block[i]!, value) !== 0) return false;
    block.splice(i, 1);
    if (block.length === 0) this.blocks.splice(bi, 1);
    this.count--;
    return true;
  }

  /** The first value that is not less than `probe`. */
  lowerBound(probe: T): T | undefined {
    if (this.blocks.length === 0) return undefined;
    const bi = this.blockFor(probe);
    const block = this.blocks[bi]!;
    const i = this.indexIn(block, probe);
    if (i < block.length) return block[i];
    return bi + 1 < this.blocks.length ? this.blocks[bi + 1]![0] : undefined;
  }

  first(): T | undefined {
    return this.blocks[0]?.[0];
  }

  *values(): IterableIterator<T> {
    for (const block of this.blocks) yield* block;
  }

  /** Index of the first block whose last value is >= `value`, or the last block. */
  private blockFor(value: T): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cmp(lastOf(this.blocks[mid]!), value) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private indexIn(block: readonly T[], value: T): number {
    let lo = 0;
    let hi = block.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cmp(block[mid]!, value) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function lastOf<T>(block: readonly T[]): T {
  return block[block.length - 1]!;
}
