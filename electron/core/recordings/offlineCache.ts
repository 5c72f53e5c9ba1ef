import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { createWriteStream } from 'node:fs';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, tempName } from '../privateFiles';
import { planKeep, planShrink, type KeptFile } from './cachePlan';

/** Enough for a few long meetings of compressed audio; the person can change it in Settings. */
export const DEFAULT_CACHE_LIMIT_BYTES = 1024 * 1024 * 1024;
export const MIN_CACHE_LIMIT_BYTES = 50 * 1024 * 1024;

export interface KeptRecording {
  serverId: string;
  /** The server's meeting id. */
  remoteId: number;
  recordingId: number;
  mediaId: number;
  format: string;
  type: string;
  durationSeconds: number | null;
  captureStartedAt: number | null;
  createdAt: number | null;
  size: number;
  keptAt: number;
  usedAt: number;
  file: string;
}

interface Index {
  limitBytes: number;
  entries: KeptRecording[];
}

export class CacheRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CacheRefusal';
  }
}

export const keyOf = (r: { serverId: string; recordingId: number; mediaId: number }): string =>
  `${r.serverId}|${r.recordingId}|${r.mediaId}`;

const safe = (s: string): string => s.replace(/[^A-Za-z0-9_-]/g, '_');

/**
 * Recordings kept on this computer for listening offline: files in the app's private data folder
 * (owner-only, like the cache), listed in an index with the size limit the person chose. Keeping
 * one more evicts the least recently played; one larger than the whole limit is refused.
 */
export class OfflineRecordings {
  private index: Index | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly now: () => number,
  ) {}

  private async load(): Promise<Index> {
    if (this.index) return this.index;
    try {
      const raw = JSON.parse(await readFile(join(this.dir, 'index.json'), 'utf8')) as Partial<Index>;
      const entries = Array.isArray(raw.entries) ? raw.entries.filter((e) => typeof e?.file === 'string') : [];
      const limitBytes = typeof raw.limitBytes === 'number' && raw.limitBytes > 0 ? raw.limitBytes : DEFAULT_CACHE_LIMIT_BYTES;
      this.index = { limitBytes, entries };
    } catch {
      this.index = { limitBytes: DEFAULT_CACHE_LIMIT_BYTES, entries: [] };
    }
    return this.index;
  }

  private async save(): Promise<void> {
    const index = await this.load();
    const file = join(this.dir, 'index.json');
    const temp = tempName(file);
    const write = async () => {
      await mkdir(this.dir, { recursive: true, mode: PRIVATE_DIR_MODE });
      await writeFile(temp, JSON.stringify(index), { mode: PRIVATE_FILE_MODE });
      await rename(temp, file);
    };
    this.writing = this.writing.then(write, write);
    await this.writing;
  }

  async state(): Promise<{ usedBytes: number; limitBytes: number; count: number }> {
    const index = await this.load();
    return { usedBytes: index.entries.reduce((s, e) => s + e.size, 0), limitBytes: index.limitBytes, count: index.entries.length };
  }

  async list(): Promise<KeptRecording[]> {
    return [...(await this.load()).entries];
  }

  async get(r: { serverId: string; recordingId: number; mediaId: number }): Promise<KeptRecording | null> {
    const key = keyOf(r);
    return (await this.load()).entries.find((e) => keyOf(e) === key) ?? null;
  }

  /** A kept file that is really there (a file removed by hand is forgotten). */
  async file(r: { serverId: string; recordingId: number; mediaId: number }): Promise<{ path: string; entry: KeptRecording } | null> {
    const entry = await this.get(r);
    if (!entry) return null;
    const path = join(this.dir, entry.file);
    try {
      const s = await stat(path);
      if (s.size !== entry.size) throw new Error('size changed');
      return { path, entry };
    } catch {
      await this.forget(entry);
      return null;
    }
  }

  async touch(r: { serverId: string; recordingId: number; mediaId: number }): Promise<void> {
    const entry = await this.get(r);
    if (!entry) return;
    entry.usedAt = this.now();
    await this.save();
  }

  /**
   * Downloads the whole file from `body` and keeps it; `expectedSize` (when the server said it)
   * checks the room first, the real size after. Returns what had to go to make room.
   */
  async keep(
    meta: Omit<KeptRecording, 'size' | 'keptAt' | 'usedAt' | 'file'>,
    body: ReadableStream<Uint8Array>,
    expectedSize: number | null,
  ): Promise<{ entry: KeptRecording; evicted: KeptRecording[] }> {
    const index = await this.load();
    const key = keyOf(meta);
    const limit = index.limitBytes;
    const refuse = (size: number) =>
      new CacheRefusal(
        `This recording (${formatBytes(size)}) is larger than the space set aside for offline recordings (${formatBytes(limit)}). Raise the limit in Settings, under Offline recordings, and try again.`,
      );
    if (expectedSize !== null && expectedSize > limit) {
      await body.cancel().catch(() => undefined);
      throw refuse(expectedSize);
    }
    await mkdir(this.dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    const name = `${safe(meta.serverId)}-${meta.recordingId}-${meta.mediaId}.${safe(meta.format) || 'bin'}`;
    const path = join(this.dir, name);
    const temp = tempName(path);
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > limit) done(refuse(size));
        else done(null, chunk);
      },
    });
    try {
      await pipeline(Readable.fromWeb(body as NodeWebStream<Uint8Array>), counter, createWriteStream(temp, { mode: PRIVATE_FILE_MODE }));
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
    const plan = planKeep(index.entries.map(asKept), { key, size }, limit);
    if (!plan.ok) {
      await rm(temp, { force: true });
      throw refuse(size);
    }
    const evicted = index.entries.filter((e) => plan.evict.includes(keyOf(e)));
    for (const e of evicted) await rm(join(this.dir, e.file), { force: true });
    await rename(temp, path);
    const at = this.now();
    const entry: KeptRecording = { ...meta, size, keptAt: at, usedAt: at, file: name };
    index.entries = [...index.entries.filter((e) => keyOf(e) !== key && !plan.evict.includes(keyOf(e))), entry];
    await this.save();
    return { entry, evicted };
  }

  async forget(r: { serverId: string; recordingId: number; mediaId?: number }): Promise<void> {
    const index = await this.load();
    const gone = index.entries.filter(
      (e) => e.serverId === r.serverId && e.recordingId === r.recordingId && (r.mediaId === undefined || e.mediaId === r.mediaId),
    );
    if (gone.length === 0) return;
    for (const e of gone) await rm(join(this.dir, e.file), { force: true });
    index.entries = index.entries.filter((e) => !gone.includes(e));
    await this.save();
  }

  /** Every kept copy of one meeting's recordings: the meeting was deleted, its audio goes with it. */
  async forgetMeeting(m: { serverId: string; remoteId: number }): Promise<number> {
    const index = await this.load();
    const gone = index.entries.filter((e) => e.serverId === m.serverId && e.remoteId === m.remoteId);
    for (const e of gone) await rm(join(this.dir, e.file), { force: true });
    if (gone.length === 0) return 0;
    index.entries = index.entries.filter((e) => !gone.includes(e));
    await this.save();
    return gone.length;
  }

  /** A new limit; kept recordings beyond it go, the least recently played first. */
  async setLimit(limitBytes: number): Promise<KeptRecording[]> {
    const index = await this.load();
    index.limitBytes = limitBytes;
    const evict = planShrink(index.entries.map(asKept), limitBytes);
    const gone = index.entries.filter((e) => evict.includes(keyOf(e)));
    for (const e of gone) await rm(join(this.dir, e.file), { force: true });
    index.entries = index.entries.filter((e) => !gone.includes(e));
    await this.save();
    return gone;
  }

  /** The file's bytes from `start` to `end` (inclusive), as a web stream. */
  static read(path: string, start?: number, end?: number): ReadableStream<Uint8Array> {
    return Readable.toWeb(createReadStream(path, start === undefined ? {} : { start, end })) as ReadableStream<Uint8Array>;
  }
}

function asKept(e: KeptRecording): KeptFile {
  return { key: keyOf(e), size: e.size, usedAt: e.usedAt };
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${Math.round(n / 1024 ** 2)} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}
