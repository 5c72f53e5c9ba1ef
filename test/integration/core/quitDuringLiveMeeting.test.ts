import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TrackedMeetingView } from '../../../shared/ipc/models';
import type { Core } from '../../../electron/core/app';
import { CACHE_FILE, createCore } from '../../../electron/core/createCore';
import { createFileLogger } from '../../../electron/core/logger';
import { createMemorySecretStore } from '../../../electron/core/secrets/fileSecretStore';
import { createHarnessPorts } from '../../../electron/harness/harnessPorts';
import { startSimulator, type Simulator } from '../../../electron/simulator';
import { waitFor } from '../../support/waitFor';

/**
 * The app is quit (or the OS ends the session) while a bot transcribes a meeting. Confirmed lines
 * the app has received but not yet pushed (they are gathered for a moment before each push) must
 * be in the cache file afterwards, and the file must be closed cleanly.
 */

const API_KEY = 'vxa_tx_quitduringlivemeeting0000';
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function start(): Promise<{ core: Core; sim: Simulator; dataDir: string }> {
  const sim = await startSimulator({
    profile: 'g2',
    port: 0,
    apiKeys: [{ key: API_KEY, scopes: ['bot', 'tx'], email: 'tester@example.com' }],
    scenario: 'lobby-wait',
    timeScale: 20,
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'vexa-quit-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  cleanups.push(() => sim.close());
  const logger = createFileLogger({ dir: join(dataDir, 'logs') });
  const core = await createCore({
    transport: 'web',
    version: '0.0.0-test',
    os: process.platform,
    paths: { data: dataDir, logs: join(dataDir, 'logs') },
    secrets: createMemorySecretStore(),
    logger,
    // No window acknowledges a push and none is pushed on a timer: after the first push, whatever
    // the socket delivered is still gathered when the app closes.
    live: { pollMs: 200, backoffBaseMs: 50, backoffMaxMs: 500, ackTimeoutMs: 3_600_000 },
    ...createHarnessPorts({ logger, launchBrowser: false }),
  });
  cleanups.push(() => core.close());
  return { core, sim, dataDir };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A G2 transcript bundle with confirmed lines, as the server's collector sends it. */
function transcriptFrame(meetingId: number, lines: string[], t0: number) {
  return JSON.stringify({
    type: 'transcript',
    meeting: { id: meetingId },
    speaker: 'Ana',
    confirmed: lines.map((text, i) => ({
      start: i * 3,
      end: i * 3 + 2.5,
      text,
      language: 'en',
      completed: true,
      speaker: 'Ana',
      segment_id: `quit-test:${i}`,
      absolute_start_time: iso(t0 + i * 3000),
      absolute_end_time: iso(t0 + i * 3000 + 2500),
    })),
    pending: [],
    ts: iso(t0 + lines.length * 3000),
  });
}

function statusFrame(m: TrackedMeetingView, status: string) {
  return JSON.stringify({
    type: 'meeting.status',
    meeting: { id: m.id, platform: m.platform, native_id: m.nativeId },
    payload: { status },
    user_id: 1,
    ts: iso(Date.now()),
  });
}

const LINES = ['Welcome, everyone.', 'The budget is approved.', 'Let us meet again on Friday.'];

describe.each([
  ['the user quits', (core: Core) => core.close()],
  ['the OS ends the session', (core: Core) => core.closeNow()],
] as const)('closing the app during a live meeting: %s', (_name, close) => {
  it('keeps every confirmed line the app received in a cleanly closed cache', async () => {
    const { core, sim, dataDir } = await start();
    await core.handlers['connection:connect']({ url: sim.url, apiKey: API_KEY, keyStorage: 'session' });
    const launched = await core.handlers['bots:launch']({ link: 'https://meet.google.com/abc-defg-hij' });
    const lobby = await waitFor('the bot in the lobby', async () =>
      (await core.handlers['bots:tracked'](undefined)).find((m) => m.id === launched.id && m.status === 'awaiting_admission'),
    );

    // The first line is pushed at once (nothing was waiting for the window); the window never
    // acknowledges it, so every line after it is still gathered when the app closes.
    const firstPush = new Promise<void>((resolve) =>
      core.onEvent((event) => {
        if (event === 'live:segments') resolve();
      }),
    );
    const t0 = Date.now();
    sim.injectRaw(lobby.id, transcriptFrame(lobby.id, LINES.slice(0, 1), t0));
    await firstPush;

    // Frames on one socket arrive in order: once the status that follows the captions has been
    // seen, the captions were received too.
    const admitted = new Promise<void>((resolve) =>
      core.onEvent((event, payload) => {
        if (event === 'bots:changed' && (payload as TrackedMeetingView[]).some((m) => m.id === lobby.id && m.status === 'active'))
          setImmediate(resolve);
      }),
    );
    sim.injectRaw(lobby.id, transcriptFrame(lobby.id, LINES, t0));
    sim.injectRaw(lobby.id, statusFrame(lobby, 'active'));
    await admitted;

    await close(core);

    const file = join(dataDir, CACHE_FILE);
    // A clean close checkpoints the write-ahead log away; a leftover one means an abrupt end.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = db
        .prepare(
          `SELECT s.text FROM segments s JOIN meetings m ON m.id = s.meeting_id
           WHERE m.remote_id = ? AND s.confirmed = 1 ORDER BY s.start_s`,
        )
        .pluck()
        .all(lobby.id);
      expect(stored).toEqual(LINES);
    } finally {
      db.close();
    }
    expect(readFileSync(join(dataDir, 'logs', 'companion.log'), 'utf8')).toMatch(/INFO Core closed/);
  });
});
