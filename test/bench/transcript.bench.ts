// Live merge: per-update cost of our TranscriptModel against Vexa's own pipeline
// (@vexaai/transcript-rendering: two-map state → sortSegments → deduplicateSegments), both holding
// a meeting of 5,000 final segments and fed the same G3 update stream, measured side by side.
import { TranscriptModel } from '../../shared/transcript';
import { VexaReference } from '../unit/transcript/support/vexaReference';
import { emit, opsPerSecond } from './bench';

const SEGMENTS = 5000;
const T0 = Date.UTC(2026, 7, 20, 9, 0, 0);
const SPEAKERS = ['Maya Lindqvist', 'Daniel Okafor', 'Priya Raman'];
const iso = (ms: number): string => new Date(ms).toISOString().replace('Z', '000Z');

function segment(
  id: string,
  speaker: string,
  startMs: number,
  endMs: number,
  text: string,
  completed: boolean,
  updatedMs: number,
): Record<string, unknown> {
  return {
    segment_id: id,
    speaker,
    text,
    start: (startMs - T0) / 1000,
    end: (endMs - T0) / 1000,
    completed,
    language: 'en',
    source: 'glow-bound',
    absolute_start_time: iso(startMs),
    absolute_end_time: iso(endMs),
    updated_at: iso(updatedMs),
  };
}

/** A meeting already 5,000 segments long, as `GET /transcripts` returns it. */
function meeting(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < SEGMENTS; i++) {
    const start = T0 + i * 3000;
    out.push(segment(`s:${i}`, SPEAKERS[i % 3]!, start, start + 2500, `Line ${i} of the planning meeting, said once.`, true, start + 2600));
  }
  return out;
}

/**
 * An endless G3 collector stream at the end of the meeting: a speaker's draft grows twice, is
 * confirmed, and is then retracted (a provisional speaker re-bound), so that the meeting stays at
 * 5,000 segments however many updates the measurement runs.
 */
function updates(): () => Record<string, unknown> {
  let n = 0;
  return () => {
    const cycle = Math.floor(n / 4);
    const phase = n % 4;
    n++;
    const id = `live:${cycle}`;
    const speaker = SPEAKERS[cycle % 3]!;
    const start = T0 + SEGMENTS * 3000 + (cycle % 1000) * 10;
    const ts = T0 + SEGMENTS * 3000 + n;
    const words = [`Take ${cycle}: we ship`, `Take ${cycle}: we ship the picker`, `Take ${cycle}: we ship the picker behind a flag.`];
    if (phase === 3) return { type: 'transcript_retract', meeting: { id: 7 }, segment_ids: [id] };
    const final = phase === 2;
    const seg = segment(id, speaker, start, start + 1000 * (phase + 1), words[phase]!, final, ts);
    return { type: 'transcript', meeting: { id: 7 }, speaker, confirmed: final ? [seg] : [], pending: final ? [] : [seg], ts: iso(ts) };
  };
}

export async function runTranscriptBench(): Promise<void> {
  const rest = meeting();

  // Ours first: the library's run leaves a large heap behind that would slow the next run's GC.
  const ours = new TranscriptModel();
  ours.applyRestSegments(rest, { authoritative: true });
  const nextForOurs = updates();
  const ourOps = await opsPerSecond(() => ours.applyFrame(nextForOurs()), 1500, 400);

  const lib = new VexaReference();
  lib.bootstrap(rest);
  const nextForLib = updates();
  const libOps = await opsPerSecond(() => lib.apply(nextForLib()), 1500, 4);

  const libUs = 1e6 / libOps;
  const ourUs = 1e6 / ourOps;
  const round = (x: number): number => Math.round(x * 100) / 100;
  emit({ name: 'live.merge_speedup_vs_vexa_lib', value: round(libUs / ourUs), unit: 'x', baseline: round(libUs), target: '>= 20' });
  emit({ name: 'live.merge_update_us', value: round(ourUs), unit: 'us', baseline: round(libUs) });
  if (ours.size < SEGMENTS || ours.size > SEGMENTS + 1 || lib.rendered.length < SEGMENTS)
    throw new Error('the benchmark meeting changed size; the comparison would not be at 5,000 segments');
}
