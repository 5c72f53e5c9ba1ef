import type Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCache, type CacheDatabase } from '../../../electron/core/cache/database';
import { Library } from '../../../electron/core/cache/library';
import { OutboxService } from '../../../electron/core/cache/outbox';
import { SyncService, type SyncOptions } from '../../../electron/core/cache/syncService';
import type { LibraryEvents } from '../../../electron/core/cache/types';
import type { Clock } from '../../../electron/core/ports';
import { createVexaClient, type VexaClient } from '../../../electron/core/vexa';
import { startSimulator, type Simulator } from '../../../electron/simulator';
import { quietLogger } from '../../support/logger';
import { capabilitiesFor, type ServerGeneration } from '../../../shared/vexa/capabilities';
import type { Meeting, TranscriptSegment } from '../../../shared/vexa/types';

export const freshFile = (): string => join(mkdtempSync(join(tmpdir(), 'vexa-lib-')), 'cache.sqlite');

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    return { cancel: () => clearTimeout(t) };
  },
};

/** What Connections.add writes; meetings reference it. */
export function addServer(db: Database.Database, id: string, generation: ServerGeneration = 'g3'): void {
  db.prepare(
    `INSERT INTO servers (id, url, label, generation, capabilities, checked_at) VALUES (?, ?, ?, ?, ?, 1)
     ON CONFLICT (id) DO UPDATE SET generation = excluded.generation, capabilities = excluded.capabilities`,
  ).run(id, `https://${id}`, id, generation, JSON.stringify(capabilitiesFor(generation)));
}

export interface TestLibrary {
  cache: CacheDatabase;
  library: Library;
  outbox: OutboxService;
  close(): void;
}

export function openLibrary(file = freshFile(), now?: () => number): TestLibrary {
  const cache = openCache({ file });
  const library = new Library({ db: cache.db, file, now });
  return { cache, library, outbox: new OutboxService(library), close: () => cache.close() };
}

export function meeting(id: number, over: Partial<Meeting> = {}): Meeting {
  return {
    id,
    platform: 'google_meet',
    nativeMeetingId: `abc-defg-${String(id).padStart(3, '0')}`,
    status: 'completed',
    startTime: Date.UTC(2026, 5, 1) + id * 3_600_000,
    endTime: Date.UTC(2026, 5, 1) + id * 3_600_000 + 1_800_000,
    createdAt: Date.UTC(2026, 5, 1) + id * 3_600_000 - 60_000,
    updatedAt: Date.UTC(2026, 5, 1) + id * 3_600_000 + 1_800_000,
    name: `Meeting ${id}`,
    notes: null,
    participants: [],
    languages: ['en'],
    completionReason: 'stopped',
    failureStage: null,
    statusTransitions: [],
    meetingUrl: null,
    botContainerId: null,
    shared: false,
    transcriptDeleted: false,
    data: {},
    ...over,
  };
}

export function segment(key: string, text: string, over: Partial<TranscriptSegment> = {}): TranscriptSegment {
  const start = over.start ?? Number.parseInt(key.replace(/\D/g, '') || '0', 10) * 3;
  return {
    key,
    speaker: 'Alice Martin',
    text,
    start,
    end: start + 2.5,
    absoluteStart: null,
    absoluteEnd: null,
    language: 'en',
    completed: true,
    ...over,
  };
}

/** Counts the requests a client makes, by path. */
export function countingFetch(): { fetch: typeof fetch; calls: string[] } {
  const calls: string[] = [];
  const wrapped: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const u = new URL(url);
    calls.push(`${init?.method ?? 'GET'} ${u.pathname}${u.search}`);
    return fetch(input, init);
  };
  return { fetch: wrapped, calls };
}

export interface SimLibrary {
  sim: Simulator;
  lib: TestLibrary;
  /** The app's client: counted requests, no automatic retries (counts stay exact). */
  client: VexaClient;
  /** The same account on another device. */
  elsewhere: VexaClient;
  calls: string[];
  sync: SyncService;
  /** Stops the sync, closes the library and the simulator. */
  close(): Promise<void>;
}

/**
 * A library synced against a seeded simulator: what the cache's integration tests start from.
 * `timeoutMs` lets a short timeout stand in for a hung server.
 */
export async function simLibrary(
  profile: ServerGeneration,
  o: { key: string; timeoutMs?: number; events?: LibraryEvents; options?: SyncOptions; lib?: TestLibrary; sim?: Simulator },
): Promise<SimLibrary> {
  const sim = o.sim ?? (await startSimulator({ profile, port: 0, apiKeys: [o.key], seed: true, timeScale: 50 }));
  const lib = o.lib ?? openLibrary();
  addServer(lib.cache.db, sim.url, profile);
  const { fetch, calls } = countingFetch();
  const client = createVexaClient({ baseUrl: sim.url, apiKey: o.key, generation: profile, fetch, timeoutMs: o.timeoutMs, retries: 0 });
  const sync = new SyncService({
    library: lib.library,
    outbox: lib.outbox,
    serverId: sim.url,
    client,
    clock: realClock,
    logger: quietLogger,
    events: o.events,
    options: o.options,
  });
  const close = async (): Promise<void> => {
    sync.close();
    lib.close();
    await sim.close();
  };
  return { sim, lib, client, elsewhere: createVexaClient({ baseUrl: sim.url, apiKey: o.key, generation: profile }), calls, sync, close };
}
