import { describe, expect, it } from 'vitest';
import { TranscriptModel } from '../../../shared/transcript';
import { mulberry32 } from '../../support/random';
import type { Gen, Step } from './support/meetingStream';
import { generateMeeting } from './support/meetingStream';

/** Applies an optional REST seed, then the frames; returns what the live view shows. */
function play(rest: Step[], frames: readonly Record<string, unknown>[]): string {
  const m = new TranscriptModel();
  for (const r of rest) if (r.kind === 'rest') m.applyRestSegments(r.segments, { authoritative: true });
  for (const f of frames) m.applyFrame(f);
  return JSON.stringify(m.snapshot());
}

function shuffledWithDuplicates(seed: number, frames: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const rand = mulberry32(seed);
  const pool = [...frames, ...frames.filter(() => rand() < 0.3).map((f) => structuredClone(f))];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool;
}

describe('convergence: the same frames in any order, with duplicates, give the same transcript', () => {
  for (const gen of ['g1', 'g2', 'g3'] as Gen[]) {
    it(`${gen}: whole meetings`, () => {
      for (let seed = 1; seed <= 15; seed++) {
        const steps = generateMeeting(seed, gen, {
          utterances: 40,
          restSeed: seed % 2 === 0 ? 5 : 0,
          duplicates: 0,
          reorder: 0,
          quirks: 0.3,
        });
        const rest = steps.filter((s) => s.kind === 'rest');
        const frames = steps.flatMap((s) => (s.kind === 'frame' ? [s.frame] : []));
        const inOrder = play(rest, frames);
        expect(JSON.parse(inOrder)).not.toHaveLength(0);
        for (let k = 0; k < 4; k++) {
          expect(play(rest, shuffledWithDuplicates(seed * 31 + k, frames)), `${gen} seed ${seed} shuffle ${k}`).toBe(inOrder);
        }
      }
    });

    it(`${gen}: a meeting cut off mid-sentence, drafts still open`, () => {
      for (let seed = 1; seed <= 15; seed++) {
        const steps = generateMeeting(seed + 100, gen, { utterances: 30, duplicates: 0, reorder: 0 });
        const frames = steps.flatMap((s) => (s.kind === 'frame' ? [s.frame] : []));
        const cut = frames.slice(0, Math.floor(frames.length * 0.6));
        const inOrder = play([], cut);
        for (let k = 0; k < 4; k++) {
          expect(play([], shuffledWithDuplicates(seed * 17 + k, cut)), `${gen} seed ${seed} shuffle ${k}`).toBe(inOrder);
        }
      }
    });
  }
});
