/** One benchmark result line, printed as JSON by `npm run bench`. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  target?: string;
  /** Context for the reader, e.g. when a machine figure was taken ("start", "end"). */
  note?: string;
}

export function emit(result: BenchResult): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Runs `fn` repeatedly for about `ms` and returns operations per second (after a warm-up). */
export async function opsPerSecond(fn: () => unknown | Promise<unknown>, ms = 1000, batch = 100): Promise<number> {
  for (let i = 0; i < batch; i++) await fn();
  let ops = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (let i = 0; i < batch; i++) await fn();
    ops += batch;
  }
  return ops / ((performance.now() - start) / 1000);
}
