/**
 * Seeded pseudo-random numbers for tests: a failure names its seed, and the same seed replays the
 * same run.
 */

/** mulberry32: a small, fast 32-bit generator with a good spread; values in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RunSeed {
  seed: number;
  /** A sentence for assertion messages: the seed and how to replay it. */
  replay: string;
}

/**
 * The seed of this run: the environment variable `envName` when set (to replay a failure), a fresh
 * random one otherwise, so that every run explores new inputs.
 */
export function runSeed(envName: string): RunSeed {
  const fixed = process.env[envName];
  const seed = fixed !== undefined && fixed !== '' ? Number(fixed) >>> 0 : Math.floor(Math.random() * 2 ** 32) >>> 0;
  if (fixed !== undefined && fixed !== '' && !Number.isFinite(Number(fixed)))
    throw new Error(`${envName} must be a number, got “${fixed}”`);
  return { seed, replay: `seed ${seed} (replay with ${envName}=${seed})` };
}

/** Picks one element of a non-empty list. */
export function pick<T>(rand: () => number, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick: empty list');
  return items[Math.floor(rand() * items.length)]!;
}
