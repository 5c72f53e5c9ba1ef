import { afterEach, describe, expect, it } from 'vitest';
import { openCache, type CacheDatabase } from '../../../electron/core/cache/database';
import { ServerRepository } from '../../../electron/core/servers';
import { capabilitiesFor } from '../../../shared/vexa/capabilities';
import { freshFile } from '../cache/helpers';

let cache: CacheDatabase | null = null;
afterEach(() => {
  cache?.close();
  cache = null;
});

describe('servers remembered from an earlier version', () => {
  it('open with the capabilities added since filled in from their generation, and the stored ones kept', async () => {
    cache = openCache({ file: freshFile() });
    // What an earlier version wrote: no `plannedMeetings`, and one capability it had found different.
    const { plannedMeetings: _dropped, ...older } = { ...capabilitiesFor('g3'), chat: true };
    cache.db
      .prepare(
        "INSERT INTO servers (id, url, label, generation, capabilities, checked_at) VALUES ('https://vexa.example', 'https://vexa.example', 'Vexa', 'g3', ?, 1)",
      )
      .run(JSON.stringify(older));
    const repo = new ServerRepository(cache.db);
    const server = await repo.get('https://vexa.example');
    expect(server?.capabilities.plannedMeetings).toBe(true);
    expect(server?.capabilities.chat).toBe(true);
    expect(await repo.list()).toHaveLength(1);
  });

  it('open even when the stored capabilities are unreadable', async () => {
    cache = openCache({ file: freshFile() });
    cache.db
      .prepare(
        "INSERT INTO servers (id, url, label, generation, capabilities, checked_at) VALUES ('https://old.example', 'https://old.example', 'Old', 'g1', 'not json', 1)",
      )
      .run();
    expect((await new ServerRepository(cache.db).get('https://old.example'))?.capabilities).toEqual(capabilitiesFor('g1'));
  });
});
