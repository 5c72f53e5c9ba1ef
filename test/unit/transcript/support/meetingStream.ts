/**
 * Seeded meeting streams in the wire shapes of each generation (behaviour doc §5.1, §2.10; the
 * same shapes as electron/simulator/frames.ts): several speakers who overlap, drafts that grow
 * and then confirm, ASR quirks that the deduplication rules exist for (repeats, tail echoes,
 * expansions, contained fragments), G3 double delivery, provisional speakers retracted and
 * re-bound, REST seeds, duplicates and reorderings.
 */

import { mulberry32, pick } from '../../../support/random';
import { MEETING_START, WireWriter } from './wireWriter';
import type { Event, Utterance } from './wireWriter';

export { MEETING_START };

export type Gen = 'g1' | 'g2' | 'g3';

/**
 * One delivery. `botOrder` marks what the G3 Teams bot publishes without ordering information (its
 * speaker-snapshots, which have no `ts`, behaviour doc §5.1, and its retractions): one publisher on
 * one Redis channel relayed over one WebSocket, so these keep their order.
 */
export type Step =
  { kind: 'frame'; frame: Record<string, unknown>; botOrder?: true } | { kind: 'rest'; segments: Record<string, unknown>[] };

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
  /**
   * G2/G3: probability that an utterance starts in the same millisecond as the latest utterance of
   * another speaker. G1 keys a segment by its start time, so two speakers starting together are one
   * segment to every G1 client; G1 streams keep starts distinct whatever this says.
   */
  ties?: number;
  /**
   * How far a duplicate or a reordered frame may land from its place, in steps (default 1: a
   * duplicate right behind the original, a swap with the next frame). Frames never cross a REST
   * step: a re-seed follows a reconnect, and nothing from the old socket arrives after it.
   */
  displacement?: number;
  /** Reorder frames of the same speaker too (default: only frames of different speakers swap). */
  reorderSameSpeaker?: boolean;
  /** G3 drafts revise words before the final, as G1/G2 drafts do (default: G3 drafts only grow). */
  reviseG3Drafts?: boolean;
}

/** A delivered step and its place in the stream as the server sent it. */
export interface Delivery {
  step: Step;
  index: number;
}

/** A meeting as the server sent it (`sent`) and as the client received it (`delivered`). */
export interface GeneratedMeeting {
  sent: Step[];
  delivered: Delivery[];
}

const WORDS = (
  'we ship the picker behind a flag for one week then turn it on once crash rate looks clean offline sync ' +
  'storage layer is done conflict handling open part two edits collide telemetry sessions onboarding screens ' +
  'account permission prompt reminder release train board support tickets usability yes right okay so'
).split(' ');

function sentence(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(pick(rand, WORDS));
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

type PlanOptions = Required<Pick<StreamOptions, 'utterances' | 'speakers' | 'quirks' | 'provisional' | 'ties'>>;

function planUtterances(rand: () => number, o: PlanOptions): Utterance[] {
  const used = new Set<number>();
  const unique = (ms: number): number => {
    let t = Math.round(ms);
    while (used.has(t)) t++;
    used.add(t);
    return t;
  };
  const out: Utterance[] = [];
  const lastOf = new Map<number, Utterance>();
  const startsOf = new Map<number, Set<number>>();
  let cursor = MEETING_START + 2000;
  for (let i = 0; i < o.utterances; i++) {
    const speaker = Math.floor(rand() * o.speakers);
    const prev = lastOf.get(speaker);
    // Another speaker's latest start, which this utterance may share (one speaker cannot start twice at once).
    const other = o.ties > 0 ? out.findLast((x) => x.speaker !== speaker && !startsOf.get(speaker)?.has(x.startMs)) : undefined;
    if (other && rand() < o.ties) {
      const dur = 1500 + rand() * 5500;
      const u: Utterance = {
        speaker,
        startMs: other.startMs,
        endMs: Math.round(other.startMs + dur),
        text: sentence(rand, Math.max(1, Math.round(dur / 450))),
        provisional: rand() < o.provisional ? (rand() < 0.5 ? 'draft' : 'final') : 'no',
      };
      cursor = Math.max(cursor, u.endMs);
      out.push(u);
      lastOf.set(speaker, u);
      startsOf.set(speaker, (startsOf.get(speaker) ?? new Set()).add(u.startMs));
      continue;
    }
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
    startsOf.set(speaker, (startsOf.get(speaker) ?? new Set()).add(u.startMs));
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
      if (rand() < 0.1 && revisions) text = `${text} ${pick(rand, WORDS)}`;
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
  return generateMeetingDelivery(seed, gen, options).delivered.map((d) => d.step);
}

/** The stream as sent and as delivered (duplicated and reordered), each delivery naming its sent index. */
export function generateMeetingDelivery(seed: number, gen: Gen, options: StreamOptions = {}): GeneratedMeeting {
  const o = {
    utterances: 60,
    speakers: 3,
    restSeed: 0,
    duplicates: 0.05,
    reorder: 0.1,
    quirks: 0.15,
    provisional: gen === 'g3' ? 0.2 : 0,
    displacement: 1,
    reorderSameSpeaker: false,
    reviseG3Drafts: false,
    ...options,
    ties: gen === 'g1' ? 0 : (options.ties ?? 0),
  };
  const rand = mulberry32(seed);
  const utterances = planUtterances(rand, o);
  const seeded = utterances.slice(0, o.restSeed);
  // Unless told otherwise, G3 drafts are not revised: with the bot's final envelope ahead of the
  // collector bundle, the library shows a revised draft next to its own final for one frame (a
  // known divergence, corrected for in support/vexaReference.ts when revisions are on).
  const events = planEvents(rand, utterances.slice(o.restSeed), gen !== 'g3' || o.reviseG3Drafts);
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
  const sent: Delivery[] = steps.map((step, index) => ({ step, index }));
  const delivered =
    o.displacement <= 1 && !o.reorderSameSpeaker
      ? shuffleLocally(rand, duplicate(rand, sent, o.duplicates), o.reorder)
      : displace(rand, sent, o.duplicates, o.reorder, o.displacement);
  return { sent: steps, delivered };
}

function speakersOf(step: Step): Set<string> | null {
  if (step.kind !== 'frame') return null;
  const f = step.frame;
  if (f.type === 'transcript_retract') return null;
  if (typeof f.speaker === 'string') return new Set([f.speaker]);
  const segs = f.segment ? [f.segment] : ((f.payload as { segments?: unknown[] } | undefined)?.segments ?? []);
  return new Set(segs.map((s) => String((s as { speaker?: unknown }).speaker)));
}

function duplicate(rand: () => number, steps: Delivery[], p: number): Delivery[] {
  const out: Delivery[] = [];
  for (const s of steps) {
    out.push(s);
    if (s.step.kind === 'frame' && rand() < p) out.push({ step: structuredClone(s.step), index: s.index });
  }
  return out;
}

function shuffleLocally(rand: () => number, steps: Delivery[], p: number): Delivery[] {
  for (let i = 0; i + 1 < steps.length; i++) {
    if (rand() >= p) continue;
    const a = speakersOf(steps[i]!.step);
    const b = speakersOf(steps[i + 1]!.step);
    if (!a || !b || [...a].some((x) => b.has(x))) continue;
    [steps[i], steps[i + 1]] = [steps[i + 1]!, steps[i]!];
    i++;
  }
  return steps;
}

/**
 * Unrestricted delivery: any frame but the Teams bot's undated ones may arrive up to `distance` steps late, whoever it concerns, and
 * a duplicate may arrive up to `distance` steps after its original. REST steps stay in place.
 */
function displace(rand: () => number, sent: Delivery[], pDuplicate: number, pReorder: number, distance: number): Delivery[] {
  const slots: Array<{ d: Delivery; at: number; order: number }> = [];
  let nextRest = sent.length;
  const limits: number[] = [];
  for (let i = sent.length - 1; i >= 0; i--) {
    if (sent[i]!.step.kind === 'rest') nextRest = i;
    limits[i] = nextRest - 0.25;
  }
  const later = (i: number): number => Math.min(i + 1 + Math.floor(rand() * distance) + 0.5, limits[i]!);
  sent.forEach((d, i) => {
    if (d.step.kind === 'rest') {
      slots.push({ d, at: i, order: slots.length });
      return;
    }
    const late = rand() < pReorder;
    const copy = rand() < pDuplicate;
    // The Teams bot's undated frames keep their place: a late copy of an older snapshot is
    // indistinguishable from a newer one for any client, and their channel keeps them in order.
    const movable = d.step.botOrder !== true;
    slots.push({ d, at: late && movable ? later(i) : i, order: slots.length });
    if (copy) slots.push({ d: { step: structuredClone(d.step), index: d.index }, at: movable ? later(i) : i, order: slots.length });
  });
  return slots.sort((a, b) => a.at - b.at || a.order - b.order).map((s) => s.d);
}
