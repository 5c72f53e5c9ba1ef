import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openCache } from '../../electron/core/cache/database';
import { Library } from '../../electron/core/cache/library';
import type { Meeting, TranscriptSegment } from '../../shared/vexa/types';
import { emit } from './bench';
import { meeting } from '../integration/cache/helpers';
import { mulberry32 } from '../support/random';

/**
 * The offline library at 1,000 meetings x 1,000 segments (1 M segments, ~15 words each, from a
 * Zipf-distributed vocabulary so that word frequencies look like speech). Opening, listing,
 * searching and memory are measured in a child process, so the generator's memory and warm
 * caches do not count.
 */
const MEETINGS = 1_000;
const SEGMENTS = 1_000;
const SERVER = 'https://bench.example';
/** The same library spread over three servers: every third meeting on each. */
const SPREAD = [SERVER, 'https://lab.example', 'https://old.example'] as const;
const CHILD_FLAG = '--cache-bench-child';
const SERVERS_FLAG = '--cache-bench-servers';
const SEARCHES = 200;
const LIKE_SAMPLE = 20;

/**
 * Pseudo-words of consonant-vowel syllables (some with an accent): a Zipf vocabulary of 8,000
 * words, rank 0 the most frequent. Like a real language, a word's first four or five letters
 * rarely start more than a handful of other words.
 */
function vocabulary(random: () => number): { words: string[]; rank: Map<string, number>; pick: () => string } {
  const consonants = 'bcdfghjklmnprstvz';
  const vowels = 'aeiouéa';
  const words: string[] = [];
  const seen = new Set<string>();
  while (words.length < 8_000) {
    let w = '';
    for (let i = 0, n = 2 + Math.floor(random() * 3); i < n; i++) {
      w += consonants[Math.floor(random() * consonants.length)]! + vowels[Math.floor(random() * vowels.length)]!;
    }
    if (seen.has(w)) continue;
    seen.add(w);
    words.push(w);
  }
  const cdf: number[] = [];
  let total = 0;
  for (let i = 0; i < words.length; i++) cdf.push((total += 1 / (i + 1)));
  const pick = () => {
    const r = random() * total;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
  return { words, rank: new Map(words.map((w, i) => [w, i])), pick };
}

/** One search run over the one-server and the three-server copies, query by query in turn. */
interface ServersReport {
  /** The one-server library, all meetings (today's figure, measured again beside the others). */
  oneP95: number;
  /** Three servers, the search as the window sends it: every server, the demo's meetings apart. */
  threeP95: number;
  /** Three servers, filtered to one of them. */
  filteredP95: number;
  filteredHits: number;
  listAllMs: number;
  listFilteredMs: number;
}

interface ChildReport {
  openListMs: number;
  openListNoCheckMs: number;
  listed: number;
  p95: number;
  median: number;
  likeMs: number;
  oursMs: number;
  rssMb: number;
}

export async function runCacheBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vexa-cache-bench-'));
  const file = join(dir, 'cache.sqlite');
  try {
    const random = mulberry32(20260601);
    const vocab = vocabulary(random);
    const speakers = ['Alice Martin', 'Bob Chen', 'Chloé Durand', 'Dmitri Ivanov', 'Eva Nowak'];
    const phrases: string[] = [];
    // What people search for: not the 30 most frequent words ("the", "and", "so"...).
    const isContent = (w: string) => (vocab.rank.get(w) ?? 0) >= 30;

    const cache = openCache({ file });
    cache.db
      .prepare("INSERT INTO servers (id, url, label, generation, capabilities, checked_at) VALUES (?, ?, 'Bench', 'g3', '{}', 0)")
      .run(SERVER, SERVER);
    const library = new Library({ db: cache.db, file });
    const day = 86_400_000;
    const meetings: Meeting[] = Array.from({ length: MEETINGS }, (_, i) =>
      meeting(i + 1, {
        platform: ['google_meet', 'teams', 'zoom'][i % 3]!,
        nativeMeetingId: `bench-${i + 1}`,
        startTime: Date.UTC(2025, 0, 1) + i * day,
        endTime: Date.UTC(2025, 0, 1) + i * day + 3_000_000,
        createdAt: Date.UTC(2025, 0, 1) + i * day,
        updatedAt: Date.UTC(2025, 0, 1) + i * day + 3_000_000,
        name: `${vocab.pick()} ${vocab.pick()} sync`,
        participants: speakers.slice(0, 3),
      }),
    );
    const ids = (await library.upsertMeetings(SERVER, meetings)).map((o) => o.id);

    let ingestMs = 0;
    for (const [m, meetingId] of ids.entries()) {
      const batch: TranscriptSegment[] = [];
      for (let s = 0; s < SEGMENTS; s++) {
        const words = Array.from({ length: 5 + Math.floor(random() * 20) }, vocab.pick);
        if (m % 10 === 0 && s % 20 === 0) {
          const at = words.findIndex((w, i) => i > 0 && isContent(w) && isContent(words[i - 1]!));
          if (at > 0) phrases.push(`${words[at - 1]} ${words[at]}`);
        }
        const start = s * 3;
        batch.push({
          key: `${meetingId}:${s}`,
          speaker: speakers[(s * 7 + m) % speakers.length]!,
          text: words.join(' '),
          start,
          end: start + 2.8,
          absoluteStart: meetings[m]!.startTime! + start * 1000,
          absoluteEnd: meetings[m]!.startTime! + start * 1000 + 2800,
          language: 'en',
          completed: true,
        });
      }
      const t0 = performance.now();
      await library.appendSegments(meetingId, batch);
      ingestMs += performance.now() - t0;
    }
    cache.db.pragma('wal_checkpoint(TRUNCATE)');
    cache.close();
    const spread = join(dir, 'spread.sqlite');
    spreadOverServers(file, spread);
    const perSecond = (MEETINGS * SEGMENTS) / (ingestMs / 1000);
    emit({ name: 'cache.ingest_segments_per_s', value: Math.round(perSecond), unit: 'segments/s', target: '>= 200000' });

    // Content words as typed (the last word is matched as a prefix), phrases heard in meetings,
    // and words typed to within two letters of their end.
    const queries: string[] = [];
    for (let i = 0; i < SEARCHES; i++) {
      const word = vocab.words[30 + Math.floor(random() * 3_000)]!;
      const kind = i % 20;
      if (kind < 12) queries.push(word);
      else if (kind < 17) queries.push(`"${phrases[Math.floor(random() * phrases.length)]}"`);
      else queries.push(word.slice(0, Math.max(4, word.length - 2)));
    }
    const report = await child(file, queries);
    emit({
      name: 'cache.search_p95_ms_1m',
      value: +report.p95.toFixed(2),
      unit: 'ms',
      baseline: +report.median.toFixed(2),
      target: '< 25',
    });
    emit({
      name: 'cache.search_speedup_vs_like',
      value: +(report.likeMs / report.oursMs).toFixed(1),
      unit: 'x',
      baseline: +report.likeMs.toFixed(1),
      ratio: +(report.likeMs / report.oursMs).toFixed(1),
      target: '>= 100',
    });
    emit({
      name: 'cache.open_list_ms',
      value: +report.openListMs.toFixed(1),
      unit: 'ms',
      baseline: +report.openListNoCheckMs.toFixed(1),
      ratio: +(report.openListMs / report.openListNoCheckMs).toFixed(1),
      target: '< 50',
    });
    emit({ name: 'cache.rss_mb_1m', value: +report.rssMb.toFixed(1), unit: 'MB', target: '< 200' });

    const servers = await child<ServersReport>(spread, queries, [SERVERS_FLAG, file]);
    // A filter that matched nothing would be fast for nothing.
    if (servers.filteredHits === 0) throw new Error('the search filtered to one server found nothing');
    const beside = (name: string, value: number, target: string) =>
      emit({
        name,
        value: +value.toFixed(2),
        unit: 'ms',
        baseline: +servers.oneP95.toFixed(2),
        ratio: +(value / servers.oneP95).toFixed(2),
        target,
      });
    beside('cache.search_p95_ms_1m_3servers', servers.threeP95, '< 25');
    beside('cache.search_p95_ms_1m_1of3servers', servers.filteredP95, '< 25');
    emit({
      name: 'cache.list_ms_1of3servers',
      value: +servers.listFilteredMs.toFixed(2),
      unit: 'ms',
      baseline: +servers.listAllMs.toFixed(2),
      ratio: +(servers.listFilteredMs / servers.listAllMs).toFixed(2),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A copy of the library with its meetings spread over three servers (the same rows, transcripts
 * and indexes: only `server_id` differs), so the one- and three-server figures compare like with
 * like. A demo server is added too, without meetings, as the app has after a demo.
 */
function spreadOverServers(from: string, to: string): void {
  copyFileSync(from, to);
  const cache = openCache({ file: to });
  const add = cache.db.prepare(
    "INSERT INTO servers (id, url, label, generation, capabilities, checked_at, demo) VALUES (?, ?, ?, 'g3', '{}', 0, ?)",
  );
  add.run(SPREAD[1], SPREAD[1], 'Lab', 0);
  add.run(SPREAD[2], SPREAD[2], 'Old install', 0);
  add.run('demo', 'http://127.0.0.1:1', 'Demo simulator', 1);
  cache.db.prepare('UPDATE meetings SET server_id = ? WHERE id % 3 = 1').run(SPREAD[1]);
  cache.db.prepare('UPDATE meetings SET server_id = ? WHERE id % 3 = 2').run(SPREAD[2]);
  cache.db.pragma('wal_checkpoint(TRUNCATE)');
  cache.close();
}

function child<T = ChildReport>(file: string, queries: string[], extra: string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const flags = extra.length > 0 ? [extra[0]!, file, ...extra.slice(1)] : [CHILD_FLAG, file];
    const proc = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, ...flags], {
      cwd: join(import.meta.dirname, '../..'),
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('error', reject);
    proc.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`cache bench child exited with ${code}`))));
    proc.stdin.end(JSON.stringify(queries));
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * How an app without full-text search finds words: a LIKE scan over every segment, the 50 most
 * recent mentions first (no index can answer `%word%`, so every row is read).
 */
function likeScan(db: Database.Database, query: string): unknown[] {
  const sql = `SELECT s.meeting_id, s.key, s.start_s, s.text FROM segments s JOIN meetings m ON m.id = s.meeting_id
    WHERE m.hidden_at IS NULL AND s.text LIKE ? ORDER BY s.abs_start DESC LIMIT 50`;
  return db.prepare(sql).all(`%${query.replace(/"/g, '')}%`);
}

async function childMain(file: string): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const queries = JSON.parse(input) as string[];

  const t0 = performance.now();
  const cache = openCache({ file });
  const library = new Library({ db: cache.db, file });
  const listed = (await library.list()).length;
  const openListMs = performance.now() - t0;

  // The same open and list without the start-up integrity check, for the breakdown.
  const t1 = performance.now();
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  await new Library({ db: raw, file }).list();
  const openListNoCheckMs = performance.now() - t1;
  raw.close();

  for (const q of queries.slice(0, 10)) await library.search(q);
  const times: number[] = [];
  for (const q of queries) {
    const s = performance.now();
    await library.search(q, {}, { limit: 50 });
    times.push(performance.now() - s);
  }
  const sorted = [...times].sort((a, b) => a - b);

  // The LIKE scans run after our searches: interleaved, each scan would flush SQLite's page
  // cache and charge the next search for reading its index pages back.
  let likeMs = 0;
  let oursMs = 0;
  for (let i = 0; i < LIKE_SAMPLE; i++) {
    // A stride coprime with the 20-query pattern samples words, phrases and prefixes alike.
    const at = (i * 37) % queries.length;
    const s = performance.now();
    likeScan(cache.db, queries[at]!);
    likeMs += performance.now() - s;
    oursMs += times[at]!;
  }
  const rssMb = process.memoryUsage().rss / 1_048_576;
  cache.close();
  const report: ChildReport = {
    openListMs,
    openListNoCheckMs,
    listed,
    p95: percentile(sorted, 95),
    median: percentile(sorted, 50),
    likeMs: likeMs / LIKE_SAMPLE,
    oursMs: oursMs / LIKE_SAMPLE,
    rssMb,
  };
  process.stdout.write(JSON.stringify(report));
}

/**
 * The three-server copy beside the one-server library, in one process, query by query in turn:
 * all servers as the window asks (the demo's meetings apart), one server of three, and the
 * one-server library as today (the same data: only `server_id` differs).
 */
async function serversMain(spread: string, single: string): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const queries = JSON.parse(input) as string[];
  const one = openCache({ file: single });
  const three = openCache({ file: spread });
  const oneLib = new Library({ db: one.db, file: single });
  const threeLib = new Library({ db: three.db, file: spread });
  const times: number[][] = [[], [], []];
  let filteredHits = 0;
  for (const q of queries.slice(0, 10)) {
    await oneLib.search(q);
    await threeLib.search(q, { demo: 'exclude' });
    await threeLib.search(q, { serverId: SPREAD[1] });
  }
  // Three rounds: a p95 of 600 searches each, steadier than of 200 on a busy machine.
  const rounds = [0, 1, 2].flatMap((round) => queries.map((q, n) => ({ q, n: n + round })));
  for (const { q, n } of rounds) {
    const variants = [
      () => oneLib.search(q, {}, { limit: 50 }),
      () => threeLib.search(q, { demo: 'exclude' }, { limit: 50 }),
      async () => (filteredHits += (await threeLib.search(q, { serverId: SPREAD[1] }, { limit: 50 })).segments.length),
    ];
    // Each goes first in turn: the first search of a word reads its index pages into the OS cache.
    for (let k = 0; k < variants.length; k++) {
      const i = (n + k) % variants.length;
      const s = performance.now();
      await variants[i]!();
      times[i]!.push(performance.now() - s);
    }
  }
  const p95 = (list: number[]) =>
    percentile(
      [...list].sort((a, b) => a - b),
      95,
    );
  const timed = async (fn: () => Promise<unknown>): Promise<number> => {
    await fn();
    const s = performance.now();
    for (let i = 0; i < 20; i++) await fn();
    return (performance.now() - s) / 20;
  };
  const report: ServersReport = {
    oneP95: p95(times[0]!),
    threeP95: p95(times[1]!),
    filteredP95: p95(times[2]!),
    filteredHits,
    listAllMs: await timed(() => threeLib.list({ demo: 'exclude' })),
    listFilteredMs: await timed(() => threeLib.list({ serverId: SPREAD[1] })),
  };
  one.close();
  three.close();
  process.stdout.write(JSON.stringify(report));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === CHILD_FLAG) await childMain(process.argv[3]!);
  else if (process.argv[2] === SERVERS_FLAG) await serversMain(process.argv[3]!, process.argv[4]!);
}
