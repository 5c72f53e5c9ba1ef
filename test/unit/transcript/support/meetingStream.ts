/**
 * Seeded meeting streams in the wire shapes of each generation (behaviour doc §5.1, §2.10; the
 * same shapes as electron/simulator/frames.ts): several speakers who overlap, drafts that grow
 * and then confirm, ASR quirks that the deduplication rules exist for (repeats, tail echoes,
 * expansions, contained fragments), G3 double delivery, provisional speakers retracted and
 * re-bound, REST seeds, duplicates and reorderings.
 */

import { MEETING_START, WireWriter } from './wireWriter';
import type { Event, Utterance } from './wireWriter';

export { MEETING_START };

export type Gen = 'g1' | 'g2' | 'g3';

export type Step = { kind: 'frame'; frame: Record<string, unknown> } | { kind: 'rest'; segments: Record<string, unknown>[] };

export interface StreamOptions {
  utterances?: number;
  speakers?: number;
  /** Utterances already final when the client connects (delivered by REST first). */
  restSeed?: number;
  /** Probability of an immediate exact redelivery of a frame. */
  duplicates?: number;
  /** Probability of swapping a frame with the next one when they concern different speakers. */
  reorder?: number;
  /** Probability of an ASR quirk (repeat, echo, expansion, contained fragment). */
  quirks?: number;
  /** G3: probability that an utterance is first heard under a provisional speaker. */
  provisional?: number;
  /** Step index of an authoritative REST re-seed (a reconnect), if any. */
  reseedAt?: number;
  /** G3: the frames of a Teams meeting (the bot's speaker-snapshots besides the collector's bundles). */
  teams?: boolean;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'we ship the picker behind a flag for one week then turn it on once crash rate looks clean offline sync ' +
  'storage layer is done conflict handling open part two edits collide telemetry sessions onboarding screens ' +
  'account permission prompt reminder release train board support tickets usability yes right okay so'
).split(' ');

function sentence(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)]!);
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

function planUtterances(rand: () => number, o: Required<Omit<StreamOptions, 'reseedAt' | 'teams'>>): Utterance[] {
  const used = new Set<number>();
  const unique = (ms: number): number => {
    let t = Math.round(ms);
    while (used.has(t)) t++;
    used.add(t);
    return t;
  };
  const out: Utterance[] = [];
  const lastOf = new Map<number, Utterance>();
  let cursor = MEETING_START + 2000;
  for (let i = 0; i < o.utterances; i++) {
    const speaker = Math.floor(rand() * o.speakers);
    const prev = lastOf.get(speaker);
    const provisional = rand() < o.provisional ? (rand() < 0.5 ? 'draft' : 'final') : 'no';
    let u: Utterance;
    if (prev && rand() < o.quirks) {
      const kind = Math.floor(rand() * 4);
      const dur = prev.endMs - prev.startMs;
      if (kind === 0) {
        const s = unique(prev.endMs + rand() * 900);
        u = { speaker, startMs: s, endMs: s + dur, text: prev.text, provisional };
      } else if (kind === 1) {
        const words = prev.text.replace(/[.]$/, '').split(' ');
        const s = unique(prev.endMs - 300);
        u = { speaker, startMs: s, endMs: s + 600 + rand() * 800, text: words.slice(-1 - Math.floor(rand() * 2)).join(' '), provisional };
      } else if (kind === 2) {
        const s = unique(prev.startMs + Math.min(200, dur / 4));
        u = {
          speaker,
          startMs: s,
          endMs: prev.endMs + 1500,
          text: `${prev.text.replace(/[.]$/, '')} ${sentence(rand, 3).toLowerCase()}`,
          provisional,
        };
      } else {
        const s = unique(prev.startMs + Math.min(300, dur / 4));
        u = { speaker, startMs: s, endMs: Math.max(s + 100, prev.endMs - 300), text: sentence(rand, 2), provisional };
      }
    } else {
      const dur = 1500 + rand() * 5500;
      const s = unique(cursor + (rand() * 3500 - 1500));
      u = { speaker, startMs: s, endMs: s + dur, text: sentence(rand, Math.max(1, Math.round(dur / 450))), provisional };
      cursor = Math.max(cursor, u.endMs);
    }
    u.endMs = Math.round(u.endMs);
    out.push(u);
    lastOf.set(speaker, u);
  }
  return out;
}

function planEvents(rand: () => number, utterances: readonly Utterance[], revisions: boolean): Event[] {
  const events: Event[] = [];
  for (const u of utterances) {
    const words = u.text.replace(/[.]$/, '').split(' ');
    const drafts = Math.floor(rand() * 3);
    for (let d = 1; d <= drafts; d++) {
      const f = d / (drafts + 1);
      const count = Math.max(1, Math.ceil(words.length * f));
      let text = words.slice(0, count).join(' ');
      // ASR sometimes revises a word between a draft and the final.
      if (rand() < 0.1 && revisions) text = `${text} ${WORDS[Math.floor(rand() * WORDS.length)]}`;
      const endMs = Math.round(u.startMs + (u.endMs - u.startMs) * f);
      events.push({ at: endMs + 50, u, text, endMs, final: false });
    }
    events.push({ at: Math.round(u.endMs + 100 + rand() * 500), u, text: u.text, endMs: Math.round(u.endMs), final: true });
  }
  events.sort((a, b) => a.at - b.at);
  let last = 0;
  for (const e of events) e.at = last = Math.max(e.at, last + 1);
  return events;
}

export function generateMeeting(seed: number, gen: Gen, options: StreamOptions = {}): Step[] {
  const o = {
    utterances: 60,
    speakers: 3,
    restSeed: 0,
    duplicates: 0.05,
    reorder: 0.1,
    quirks: 0.15,
    provisional: gen === 'g3' ? 0.2 : 0,
    ...options,
  };
  const rand = mulberry32(seed);
  const utterances = planUtterances(rand, o);
  const seeded = utterances.slice(0, o.restSeed);
  // G3 drafts are not revised: with the bot's final envelope ahead of the collector bundle, the
  // library shows a revised draft next to its own final for one frame (a known divergence).
  const events = planEvents(rand, utterances.slice(o.restSeed), gen !== 'g3');
  const w = new WireWriter(gen, gen === 'g3' && options.teams === true);
  const steps: Step[] = [];
  if (seeded.length > 0) steps.push({ kind: 'rest', segments: seeded.map((u) => w.rest(u)) });
  for (const u of seeded) w.server.set(w.id(u), w.rest(u));
  const rebinds: Array<{ at: number; u: Utterance }> = [];
  for (const e of events) {
    while (rebinds.length > 0 && rebinds[0]!.at <= e.at) {
      const r = rebinds.shift()!;
      steps.push(...w.rebind(r.u, r.at));
    }
    steps.push(...w.event(e));
    if (e.final && gen === 'g3' && e.u.provisional === 'final') {
      rebinds.push({ at: Math.round(e.at + 2000 + rand() * 3000), u: e.u });
      rebinds.sort((a, b) => a.at - b.at);
    }
  }
  for (const r of rebinds) steps.push(...w.rebind(r.u, r.at));
  if (o.reseedAt !== undefined) {
    const at = Math.min(o.reseedAt, steps.length);
    const serverAt = new WireWriter(gen);
    for (const s of steps.slice(0, at)) serverAt.replay(s);
    steps.splice(at, 0, { kind: 'rest', segments: [...serverAt.server.values()] });
  }
  return shuffleLocally(rand, duplicate(rand, steps, o.duplicates), o.reorder);
}

function speakersOf(step: Step): Set<string> | null {
  if (step.kind !== 'frame') return null;
  const f = step.frame;
  if (f.type === 'transcript_retract') return null;
  if (typeof f.speaker === 'string') return new Set([f.speaker]);
  const segs = f.segment ? [f.segment] : ((f.payload as { segments?: unknown[] } | undefined)?.segments ?? []);
  return new Set(segs.map((s) => String((s as { speaker?: unknown }).speaker)));
}

function duplicate(rand: () => number, steps: Step[], p: number): Step[] {
  const out: Step[] = [];
  for (const s of steps) {
    out.push(s);
    if (s.kind === 'frame' && rand() < p) out.push({ kind: 'frame', frame: structuredClone(s.frame) });
  }
  return out;
}

function shuffleLocally(rand: () => number, steps: Step[], p: number): Step[] {
  for (let i = 0; i + 1 < steps.length; i++) {
    if (rand() >= p) continue;
    const a = speakersOf(steps[i]!);
    const b = speakersOf(steps[i + 1]!);
    if (!a || !b || [...a].some((x) => b.has(x))) continue;
    [steps[i], steps[i + 1]] = [steps[i + 1]!, steps[i]!];
    i++;
  }
  return steps;
}
