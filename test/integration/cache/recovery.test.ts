import { statSync, truncateSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCache } from '../../../electron/core/cache/database';
import { Library } from '../../../electron/core/cache/library';
import { OutboxService } from '../../../electron/core/cache/outbox';
import { SyncService } from '../../../electron/core/cache/syncService';
import { createVexaClient } from '../../../electron/core/vexa';
import { startSimulator } from '../../../electron/simulator';
import { addServer, freshFile, realClock } from './helpers';
import { waitFor } from '../../support/waitFor';
import { quietLogger } from '../../support/logger';

const KEY = 'vxa_tx_recover0123456789abcdefghijklmn';

async function syncedLibrary(file: string, url: string) {
  const cache = openCache({ file });
  // What Connections.add writes again when the user reconnects.
  addServer(cache.db, url, 'g3');
  const library = new Library({ db: cache.db, file });
  const client = createVexaClient({ baseUrl: url, apiKey: KEY, generation: 'g3', timeoutMs: 2_000 });
  const sync = new SyncService({
    library,
    outbox: new OutboxService(library),
    serverId: url,
    client,
    clock: realClock,
    logger: quietLogger,
  });
  expect((await sync.run()).phase).toBe('idle');
  await waitFor('transcripts cached', async () => (await library.list()).every((m) => m.transcript === 'complete'));
  return { cache, library, sync };
}

describe.each([
  ['garbage', (file: string) => writeFileSync(file, 'not a database at all '.repeat(500))],
  ['truncated', (file: string) => truncateSync(file, Math.floor(statSync(file).size / 2))],
])('a %s library file', (_name, damage) => {
  it('is moved aside, and the library is rebuilt and re-synced from the server', async () => {
    const sim = await startSimulator({ profile: 'g3', port: 0, apiKeys: [KEY], seed: true, timeScale: 50 });
    const file = freshFile();
    try {
      const first = await syncedLibrary(file, sim.url);
      const before = (await first.library.list()).map((m) => [m.remoteId, m.name, m.segmentCount]);
      expect(before).toHaveLength(3);
      first.sync.close();
      first.cache.close();

      damage(file);

      const again = await syncedLibrary(file, sim.url);
      try {
        expect(again.cache.recoveredFrom).toMatch(/cache\.sqlite\.corrupt-\d+$/);
        expect((await again.library.list()).map((m) => [m.remoteId, m.name, m.segmentCount])).toEqual(before);
        expect((await again.library.search('release')).segments.length).toBeGreaterThan(0);
        expect(again.cache.db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        again.sync.close();
        again.cache.close();
      }
    } finally {
      await sim.close();
    }
  });
});
