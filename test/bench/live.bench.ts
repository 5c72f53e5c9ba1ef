// Live ingest: frames per second through the core's whole live path — socket receive, JSON parse,
// status/transcript routing, validation, merge, the delta pushed to the window (serialised as the
// IPC would, paced by a window that acknowledges each push a frame later) and the confirmed lines
// written to a real SQLite cache file, as `ServerSession` wires them — divided by a bare `ws`
// client that only receives and JSON.parses the same stream. The frame server runs in a child
// process, as a real server runs elsewhere: its send loop does not share the measuring process.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { openCache } from '../../electron/core/cache/database';
import { Library } from '../../electron/core/cache/library';
import { LiveHub } from '../../electron/core/live/liveHub';
import { LiveTranscripts } from '../../electron/core/live/liveTranscripts';
import { systemClock } from '../../electron/core/ports';
import type { VexaClient } from '../../electron/core/vexa';
import { meeting } from '../integration/cache/helpers';
import { generateMeeting } from '../unit/transcript/support/meetingStream';
import { emit } from './bench';
import { quietLogger } from '../support/logger';

const MEETING_ID = 101;
const FRAMES = 20_000;
const RUNS = Number(process.env.LIVE_RUNS ?? 5);
/** A window at 60 frames a second acknowledges a push about a frame after it. */
const WINDOW_FRAME_MS = 16;

/** A long G3 meeting's frames (bundles, bot envelopes, retractions), as text. */
function stream(): string[] {
  const frames: string[] = [];
  for (let seed = 1; frames.length < FRAMES; seed++) {
    for (const step of generateMeeting(seed, 'g3', { utterances: 400 })) {
      if (step.kind === 'frame') frames.push(JSON.stringify({ ...step.frame, meeting: { id: MEETING_ID } }));
    }
  }
  return frames.slice(0, FRAMES);
}

// The frame server, in its own process: every subscribe gets the whole stream, then an end marker.
const SERVER = `
const { readFileSync } = require('node:fs');
const { WebSocketServer } = require('ws');
const frames = JSON.parse(readFileSync(process.argv[1], 'utf8'));
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
wss.on('listening', () => console.log(wss.address().port));
wss.on('connection', (ws) => {
  ws.on('message', (d) => {
    if (JSON.parse(d.toString()).action !== 'subscribe') return;
    for (const f of frames) ws.send(f);
    ws.send(JSON.stringify({ type: 'bench.end' }));
  });
});
process.stdin.on('end', () => wss.close(() => process.exit(0)));
process.stdin.resume();
`;

async function serve(frames: string[], dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const file = join(dir, 'frames.json');
  writeFileSync(file, JSON.stringify(frames));
  // From the repository, so the server finds the same `ws` package.
  const child = spawn(process.execPath, ['-e', SERVER, file], {
    cwd: resolve(import.meta.dirname, '..', '..'),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((ok, fail) => {
    createInterface({ input: child.stdout }).once('line', (line) => ok(Number(line)));
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`the frame server exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.stdin.end();
      await exited;
    },
  };
}

async function raw(url: string): Promise<number> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/ws`);
  await new Promise((r) => ws.once('open', r));
  const start = performance.now();
  let n = 0;
  await new Promise<void>((resolve) => {
    ws.on('message', (d) => {
      const f = JSON.parse(d.toString()) as { type?: string };
      if (f.type === 'bench.end') resolve();
      else n++;
    });
    ws.send(JSON.stringify({ action: 'subscribe', meetings: [{ platform: 'google_meet', native_id: 'abc-defg-hij' }] }));
  });
  ws.close();
  return n / ((performance.now() - start) / 1000);
}

/** The library row of the followed meeting, as `trackedToMeeting` makes it. */
const MEETING = meeting(MEETING_ID, {
  nativeMeetingId: 'abc-defg-hij',
  status: 'active',
  startTime: null,
  endTime: null,
  createdAt: null,
  updatedAt: null,
  name: null,
  languages: [],
  completionReason: null,
});

async function pipeline(url: string, dir: string, run: number): Promise<{ rate: number; stored: number }> {
  const cache = openCache({ file: join(dir, `cache-${run}.sqlite`) });
  // The connected server's row, as the servers store writes it when the person connects.
  cache.db
    .prepare("INSERT INTO servers (id, url, label, generation, capabilities, checked_at) VALUES ('bench', ?, 'Bench', 'g3', '{}', 0)")
    .run(url);
  const library = new Library({ db: cache.db, file: cache.file });
  let pushedBytes = 0;
  let n = 0;
  let start = 0;
  let done: () => void = () => {};
  const finished = new Promise<void>((r) => (done = r));
  const windowFrames = new Set<ReturnType<typeof setTimeout>>();
  const transcripts: LiveTranscripts = new LiveTranscripts({
    client: {} as VexaClient,
    clock: systemClock,
    logger: quietLogger,
    // What the transport does with a delta: serialise it for the window, which paints it and
    // acknowledges a frame later.
    onDelta: (delta) => {
      pushedBytes += JSON.stringify({ event: 'live:segments', payload: { ...delta, serverId: 'bench' } }).length;
      const t = setTimeout(() => {
        windowFrames.delete(t);
        transcripts.acknowledge();
      }, WINDOW_FRAME_MS);
      windowFrames.add(t);
    },
    // What ServerSession does with confirmed lines: into the cache file, then tell the window.
    onConfirmed: (meetingId, segments) => {
      const localId = library.storeLive('bench', { ...MEETING, id: meetingId }, segments);
      pushedBytes += JSON.stringify({ event: 'library:changed', payload: { serverId: 'bench', meetingIds: [localId] } }).length;
    },
  });
  transcripts.follow(MEETING_ID, 'google_meet', 'abc-defg-hij');
  const hub = new LiveHub({
    baseUrl: url,
    apiKey: 'bench',
    clock: systemClock,
    logger: quietLogger,
    onStatus: () => {},
    onState: () => {},
    onOpen: () => {
      start = performance.now();
    },
    onOtherFrame: (frame) => {
      if (frame.type === 'bench.end') {
        transcripts.flush();
        done();
        return;
      }
      n++;
      transcripts.onFrame(frame);
    },
  });
  hub.start();
  hub.subscribe([{ platform: 'google_meet', nativeId: 'abc-defg-hij' }]);
  await finished;
  const rate = n / ((performance.now() - start) / 1000);
  hub.close();
  transcripts.close();
  for (const t of windowFrames) clearTimeout(t);
  const stored = cache.db.prepare('SELECT count(*) FROM segments').pluck().get() as number;
  cache.close();
  if (pushedBytes === 0 || stored === 0) throw new Error('the pipeline pushed or stored nothing');
  return { rate, stored };
}

export async function runLiveBench(): Promise<void> {
  const frames = stream();
  const dir = mkdtempSync(join(tmpdir(), 'vexa-live-bench-'));
  const server = await serve(frames, dir);
  try {
    // Warm both paths once, then measure alternately.
    await raw(server.url);
    await pipeline(server.url, dir, 0);
    const rawRates: number[] = [];
    const ours: number[] = [];
    let stored = 0;
    for (let i = 1; i <= RUNS; i++) {
      rawRates.push(await raw(server.url));
      const run = await pipeline(server.url, dir, i);
      ours.push(run.rate);
      stored = run.stored;
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Each run's two sides ran back to back under the same load: the ratio is the median of the
    // runs' ratios, the rates the median of each side.
    const ratio = median(ours.map((o, i) => o / rawRates[i]!));
    const r = median(rawRates);
    const o = median(ours);
    emit({ name: 'live.ingest_ratio_to_raw', value: +ratio.toFixed(3), unit: 'ratio', baseline: Math.round(r), target: '>= 0.5' });
    emit({ name: 'live.ingest_frames_per_s', value: Math.round(o), unit: 'frames/s', baseline: Math.round(r) });
    process.stderr.write(
      `live bench: ${FRAMES} frames, ${stored} confirmed segments stored per run; raw ${rawRates.map(Math.round).join(', ')}; ours ${ours.map(Math.round).join(', ')}\n`,
    );
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
