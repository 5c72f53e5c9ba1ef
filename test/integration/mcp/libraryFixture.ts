import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParticipantStore } from '../../../electron/core/participants/participantStore';
import { createLibraryMcpServer, type LibraryMcp } from '../../../electron/mcp/server';
import { addServer, meeting, openLibrary, segment, type TestLibrary } from '../cache/helpers';

export const ACME = 'https://acme.example';
export const HIDDEN = 'https://private.example';
/** What the key file holds: no answer of the server may contain it. */
export const SECRET_KEY = 'vxa_live_SECRET_do_not_leak_4242';
export const KEY_LABEL = '…4242';

const day = (d: number, h = 10): number => Date.UTC(2026, 2, d, h);

/**
 * A data folder as the app leaves it: the cache written by the cache's own code (two servers, one
 * shared), a key file, and settings.json naming the shared servers.
 */
export async function buildDataFolder(exposed: string[] = [ACME]): Promise<{ dir: string; lib: TestLibrary; ids: Record<string, number> }> {
  const dir = mkdtempSync(join(tmpdir(), 'vexa-mcp-'));
  const lib = openLibrary(join(dir, 'cache.sqlite'));
  addServer(lib.cache.db, ACME);
  addServer(lib.cache.db, HIDDEN);
  lib.cache.db.prepare('UPDATE servers SET user_label = ?, key_label = ? WHERE id = ?').run('Acme', KEY_LABEL, ACME);
  lib.cache.db.prepare('UPDATE servers SET user_label = ?, key_label = ? WHERE id = ?').run('Private', KEY_LABEL, HIDDEN);
  const planning = meeting(1, {
    name: 'Budget planning',
    notes: 'Decide the Q3 budget for the robotics team',
    platform: 'google_meet',
    startTime: day(2),
    endTime: day(2) + 45 * 60_000,
    createdAt: day(2) - 60_000,
    meetingUrl: 'https://meet.google.com/abc-defg-hij',
    participants: ['Dana Typed'],
    statusTransitions: [
      { from: null, to: 'requested', at: day(2) - 60_000, source: 'creation', reason: null, completionReason: null, failureStage: null },
      { from: 'requested', to: 'active', at: day(2), source: 'bot_callback', reason: null, completionReason: null, failureStage: null },
      {
        from: 'active',
        to: 'completed',
        at: day(2) + 45 * 60_000,
        source: 'user_stop',
        reason: null,
        completionReason: 'stopped',
        failureStage: null,
      },
    ],
  });
  const retro = meeting(2, {
    name: 'Sprint retro',
    platform: 'teams',
    nativeMeetingId: '9381',
    startTime: day(9),
    endTime: day(9) + 1_800_000,
  });
  const failed = meeting(3, {
    name: 'Vendor call',
    platform: 'zoom',
    nativeMeetingId: '88112',
    status: 'failed',
    completionReason: 'awaiting_admission_timeout',
    failureStage: 'awaiting_admission',
    startTime: day(12),
    endTime: day(12) + 600_000,
  });
  const secret = meeting(4, { name: 'Private budget review', startTime: day(10) });
  const [a, b, c] = await lib.library.upsertMeetings(ACME, [planning, retro, failed]);
  const [d] = await lib.library.upsertMeetings(HIDDEN, [secret]);
  const ids = { planning: a!.id, retro: b!.id, failed: c!.id, hidden: d!.id };
  await lib.library.replaceTranscript(
    ids.planning,
    [
      segment('k1', 'Welcome everyone, today we settle the budget.', { speaker: 'Alice Martin', start: 5 }),
      segment('k2', 'The robotics budget needs forty thousand.', { speaker: 'Bob Stone', start: 65 }),
      segment('k3', 'Can we split the budget over two quarters?', { speaker: 'Alice Martin', start: 130 }),
      segment('k4', 'Yes, half now and half in October.', { speaker: 'Bob Stone', start: 190 }),
      segment('k5', 'Action item: Bob sends the budget sheet.', { speaker: 'Alice Martin', start: 250 }),
    ],
    { complete: true },
  );
  await lib.library.replaceTranscript(
    ids.retro,
    [
      segment('r1', 'What went well this sprint?', { speaker: 'Carol Diaz', start: 3 }),
      segment('r2', 'The budget dashboard shipped on time.', { speaker: 'Bob Stone', start: 40 }),
    ],
    { complete: true },
  );
  await lib.library.replaceTranscript(
    ids.hidden,
    [segment('h1', 'The secret budget is ninety thousand.', { speaker: 'Eve Secret', start: 10 })],
    {
      complete: true,
    },
  );
  new ParticipantStore(lib.cache.db).put(
    ids.planning,
    {
      meetingId: 1,
      rows: [
        {
          name: 'Alice Martin',
          email: 'alice@acme.example',
          source: 'speaker',
          responseStatus: null,
          segmentCount: 3,
          firstSeen: null,
          lastSeen: null,
          speakingSeconds: 95,
        },
        {
          name: 'Bob Stone',
          email: null,
          source: 'speaker',
          responseStatus: null,
          segmentCount: 2,
          firstSeen: null,
          lastSeen: null,
          speakingSeconds: 60,
        },
      ],
      sources: ['speaker'],
      rosterRecorded: true,
    },
    day(2),
  );
  writeFileSync(join(dir, 'keys.json'), JSON.stringify({ [ACME]: SECRET_KEY, [HIDDEN]: SECRET_KEY }));
  writeSettings(dir, exposed);
  return { dir, lib, ids };
}

/** What Settings → AI tools saves: the whole settings file, with the shared servers under `mcp`. */
export function writeSettings(dir: string, exposed: string[]): void {
  writeFileSync(
    join(dir, 'settings.json'),
    JSON.stringify({ settings: {}, connectedServers: [ACME, HIDDEN], mcp: { exposedServers: exposed } }),
  );
}

export interface Connected {
  client: Client;
  mcp: LibraryMcp;
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

/** The SDK's own client, linked in memory to the library's server over the data folder. */
export async function connect(dir: string): Promise<Connected> {
  const mcp = createLibraryMcpServer({ dataDir: dir, version: '0.0.0-test' });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await mcp.server.connect(serverSide);
  const client = new Client({ name: 'test-client', version: '1.0.0' });
  await client.connect(clientSide);
  return {
    client,
    mcp,
    call: async (name, args = {}) => (await client.callTool({ name, arguments: args })) as CallToolResult,
    close: async () => {
      await client.close();
      await mcp.close();
    },
  };
}

export const textOf = (r: CallToolResult): string => r.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
