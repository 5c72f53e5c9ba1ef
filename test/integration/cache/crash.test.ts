import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCache } from '../../../electron/core/cache/database';
import { freshFile } from './helpers';

const CHILD = join(import.meta.dirname, 'ingestChild.ts');
const KILLS = 20;

interface Ack {
  confirmed: string[];
  drafts: string[];
}

/** Runs the ingesting child, kills it with SIGKILL `delayMs` after its first acknowledged batch. */
function ingestUntilKilled(file: string, run: number, delayMs: number): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    // `node --import tsx` is what `npx tsx` runs, without npx's start-up cost per kill.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, String(run)], { cwd: join(import.meta.dirname, '../../..') });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`child ended by itself (${code}): ${err}`));
      // The last line may have been cut by the kill; only whole lines were acknowledged.
      const lines = out.split('\n').slice(0, -1);
      resolve(lines.map((l) => JSON.parse(l) as Ack));
    });
  });
}

describe('a cache killed while ingesting a live meeting', () => {
  it(`opens intact with every acknowledged segment after ${KILLS} SIGKILLs at random points`, async () => {
    const file = freshFile();
    const seed = Date.now() % 100_000;
    let state = seed;
    const random = () => {
      state = (state * 48271) % 2147483647;
      return state / 2147483647;
    };
    const confirmed = new Set<string>();
    const seen = new Set<string>();
    for (let run = 0; run < KILLS; run++) {
      const acks = await ingestUntilKilled(file, run, Math.floor(random() * 150));
      for (const a of acks) {
        a.drafts.forEach((k) => seen.add(k));
        a.confirmed.forEach((k) => confirmed.add(k));
      }
      const cache = openCache({ file });
      try {
        const context = `seed ${seed}, run ${run}`;
        expect(cache.recoveredFrom, context).toBeNull();
        expect(cache.db.pragma('integrity_check', { simple: true }), context).toBe('ok');
        expect(() => cache.db.exec("INSERT INTO segments_fts (segments_fts) VALUES ('integrity-check')"), context).not.toThrow();
        const rows = cache.db.prepare('SELECT key, confirmed FROM segments').all() as Array<{ key: string; confirmed: number }>;
        const stored = new Map(rows.map((r) => [r.key, r.confirmed]));
        const missing = [...seen].filter((k) => !stored.has(k));
        const unconfirmed = [...confirmed].filter((k) => stored.get(k) !== 1);
        expect(missing, context).toEqual([]);
        expect(unconfirmed, context).toEqual([]);
        const count = cache.db.prepare('SELECT segment_count AS n FROM meetings').get() as { n: number };
        expect(count.n, context).toBe(rows.length);
      } finally {
        cache.close();
      }
    }
    expect(seen.size).toBeGreaterThan(KILLS * 25);
  }, 60_000);
});
