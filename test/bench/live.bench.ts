// Live ingest: frames per second through the whole core pipeline (socket receive, JSON parse,
// status/transcript routing, validation, merge, batched delta push serialised as the IPC would)
// divided by a bare `ws` client that only receives and JSON.parses the same stream, measured
// side by side in the same run over loopback.
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import WebSocket from 'ws';
import { LiveHub } from '../../electron/core/live/liveHub';
import { LiveTranscripts } from '../../electron/core/live/liveTranscripts';
import { systemClock } from '../../electron/core/ports';
import type { VexaClient } from '../../electron/core/vexa';
import { generateMeeting } from '../unit/transcript/support/meetingStream';
import { emit } from './bench';
import { quietLogger } from '../support/logger';

const MEETING_ID = 101;

/** A long G3 meeting's frames (bundles, bot envelopes, retractions), as text. */
function stream(): string[] {
  const frames: string[] = [];
  for (let seed = 1; frames.length < 20_000; seed++) {
    for (const step of generateMeeting(seed, 'g3', { utterances: 400 })) {
      if (step.kind === 'frame') frames.push(JSON.stringify({ ...step.frame, meeting: { id: MEETING_ID } }));
    }
  }
  return frames.slice(0, 20_000);
}

async function serve(frames: string[]): Promise<{ url: string; close(): Promise<void> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((r) => wss.once('listening', r));
  wss.on('connection', (ws) => {
    ws.on('message', (d) => {
      const m = JSON.parse(d.toString()) as { action?: string };
      if (m.action !== 'subscribe') return;
      for (const f of frames) ws.send(f);
      ws.send(JSON.stringify({ type: 'bench.end' }));
    });
  });
  return {
    url: `http://127.0.0.1:${(wss.address() as AddressInfo).port}`,
    close: () => new Promise((r) => wss.close(() => r())),
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

async function pipeline(url: string): Promise<number> {
  let pushedBytes = 0;
  let n = 0;
  let start = 0;
  let done: () => void = () => {};
  const finished = new Promise<void>((r) => (done = r));
  const transcripts = new LiveTranscripts({
    client: {} as VexaClient,
    clock: systemClock,
    logger: quietLogger,
    // What a transport does with a delta: serialise it for the window.
    onDelta: (delta) => (pushedBytes += JSON.stringify(delta).length),
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
  if (pushedBytes === 0) throw new Error('the pipeline pushed nothing');
  return rate;
}

export async function runLiveBench(): Promise<void> {
  const frames = stream();
  const server = await serve(frames);
  // Warm both paths once, then measure alternately.
  await raw(server.url);
  await pipeline(server.url);
  const rawRates: number[] = [];
  const ours: number[] = [];
  for (let i = 0; i < 3; i++) {
    rawRates.push(await raw(server.url));
    ours.push(await pipeline(server.url));
  }
  await server.close();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const r = median(rawRates);
  const o = median(ours);
  emit({ name: 'live.ingest_ratio_to_raw', value: +(o / r).toFixed(3), unit: 'ratio', baseline: Math.round(r), target: '>= 0.5' });
  emit({ name: 'live.ingest_frames_per_s', value: Math.round(o), unit: 'frames/s', baseline: Math.round(r) });
}
