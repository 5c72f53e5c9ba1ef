import { deduplicateSegments, sortSegments } from '@vexaai/transcript-rendering';
import type { TranscriptSegment as LibSegment } from '@vexaai/transcript-rendering';
import { describe, expect, it } from 'vitest';
import { RenderSequence } from '../../../shared/transcript/renderSequence';
import { parseSegment } from '../../../shared/transcript/segmentRecord';
import type { SegmentRecord } from '../../../shared/transcript/segmentRecord';
import { SortedChunks } from '../../../shared/transcript/sortedChunks';
import { mulberry32, pick } from '../../support/random';

const T0 = Date.UTC(2026, 7, 20, 9, 0, 0);
const PHRASES = ['yes', 'yes right', 'ship it', 'ship it now.', 'we ship it now', 'now', 'right', 'it now', 'okay so', 'okay'];

function wire(rand: () => number, key: string, usedStarts: Set<number>): LibSegment & Record<string, unknown> {
  let start = T0 + Math.floor(rand() * 60_000);
  while (usedStarts.has(start)) start++;
  usedStarts.add(start);
  const end = start + 200 + Math.floor(rand() * 3000);
  return {
    segment_id: key,
    speaker: rand() < 0.8 ? 'Maya' : 'Dan',
    text: pick(rand, PHRASES),
    completed: rand() < 0.6,
    start: 0,
    end: 0,
    absolute_start_time: new Date(start).toISOString(),
    absolute_end_time: new Date(end).toISOString(),
  };
}

function record(w: Record<string, unknown>): SegmentRecord {
  const p = parseSegment(w, 'segment', null);
  if ('error' in p || 'drop' in p) throw new Error('fixture segment did not parse');
  return p;
}

describe('incremental deduplication', () => {
  it('after any sequence of inserts, moves, edits and removals it equals deduplicateSegments over the whole list', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const rand = mulberry32(seed);
      const seq = new RenderSequence();
      const current = new Map<string, LibSegment & Record<string, unknown>>();
      const used = new Set<number>();
      for (let op = 0; op < 150; op++) {
        const key = `k${Math.floor(rand() * 40)}`;
        const r = rand();
        if (r < 0.2 && current.has(key)) {
          current.delete(key);
          seq.set(key, null, false);
        } else if (r < 0.35 && current.has(key)) {
          const old = current.get(key)!;
          const edited = { ...old, text: pick(rand, PHRASES), completed: rand() < 0.5 };
          current.set(key, edited);
          seq.set(key, record(edited), !edited.completed);
        } else {
          const w = wire(rand, key, used);
          current.set(key, w);
          seq.set(key, record(w), !w.completed);
        }
        // Several changes per flush, as one bundle brings.
        if (rand() < 0.6) continue;
        seq.flush();
        const want = deduplicateSegments(sortSegments([...current.values()])).map((s) => s.segment_id);
        expect(
          [...seq.visibleValues()].map((s) => s.key),
          `seed ${seed} op ${op}`,
        ).toEqual(want);
        expect(seq.size).toBe(want.length);
      }
    }
  });
});

describe('SortedChunks', () => {
  it('keeps order and neighbours through inserts and removals across many blocks', () => {
    const rand = mulberry32(7);
    const list = new SortedChunks<number>((a, b) => a - b, 4);
    const model: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const v = Math.floor(rand() * 5000);
      if (model.includes(v)) {
        expect(list.remove(v)).toBe(true);
        model.splice(model.indexOf(v), 1);
        continue;
      }
      const { prev, next } = list.insert(v);
      model.push(v);
      model.sort((a, b) => a - b);
      const i2 = model.indexOf(v);
      expect([prev, next]).toEqual([model[i2 - 1], model[i2 + 1]]);
    }
    expect([...list.values()]).toEqual(model);
    expect(list.size).toBe(model.length);
    expect(list.lowerBound(2500)).toBe(model.find((x) => x >= 2500));
    expect(list.remove(-1)).toBe(false);
  });
});
