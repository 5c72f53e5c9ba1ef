/**
 * Seeded meeting streams in the wire shapes of each generation (behaviour doc §5.1, §2.10; the
 * same shapes as electron/simulator/frames.ts): several speakers who overlap, drafts that grow
 * and then confirm, ASR quirks that the deduplication rules exist for (repeats, tail echoes,
 * expansions, contained fragments), G3 double delivery, provisional speakers retracted and
 * re-bound, REST seeds, duplicates and reorderings.
 */

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

const NAMES = ['Maya Lindqvist', 'Daniel Okafor', 'Priya Raman', 'Ann', 'Anna'];
const WORDS = (
  'we ship the picker behind a flag for one week then turn it on once crash rate looks clean offline sync ' +
  'storage layer is done conflict handling open part two edits collide telemetry sessions onboarding screens ' +
  'account permission prompt reminder release train board support tickets usability yes right okay so'
).split(' ');

export const MEETING_START = Date.UTC(2026, 7, 20, 9, 0, 0);
const SESSION = '7f6c1d2e';

interface Utterance {
  speaker: number;
  startMs: number;
  endMs: number;
  text: string;
  /** G3: first heard under a provisional cluster; 'draft' retracts only drafts, 'final' re-binds a final. */
  provisional: 'no' | 'draft' | 'final';
}

interface Event {
  at: number;
  u: Utterance;
  text: string;
  endMs: number;
  final: boolean;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const pyNaive = (ms: number): string => iso(ms).slice(0, 23) + '000';
const pyOffset = (ms: number): string => pyNaive(ms) + '+00:00';
const pyZulu = (ms: number): string => pyNaive(ms) + 'Z';

function sentence(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)]!);
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

function planUtterances(rand: () => number, o: Required<Omit<StreamOptions, 'reseedAt'>>): Utterance[] {
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
        u = { speaker, startMs: s, endMs: prev.endMs + 1500, text: `${prev.text.replace(/[.]$/, '')} ${sentence(rand, 3).toLowerCase()}`, provisional };
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
  const o = { utterances: 60, speakers: 3, restSeed: 0, duplicates: 0.05, reorder: 0.1, quirks: 0.15, provisional: gen === 'g3' ? 0.2 : 0, ...options };
  const rand = mulberry32(seed);
  const utterances = planUtterances(rand, o);
  const seeded = utterances.slice(0, o.restSeed);
  // G3 drafts are not revised: with the bot's final envelope ahead of the collector bundle, the
  // library shows a revised draft next to its own final for one frame (a known divergence).
  const events = planEvents(rand, utterances.slice(o.restSeed), gen !== 'g3');
  const w = new WireWriter(gen);
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

/** Writes events as a given generation's frames and keeps the server's view of final segments. */
class WireWriter {
  readonly server = new Map<string, Record<string, unknown>>();
  private readonly drafts = new Map<string, Map<string, Record<string, unknown>>>();

  constructor(private readonly gen: Gen) {}

  id(u: Utterance, provisional = false): string {
    return `${SESSION}:p${u.speaker + 1}:${u.startMs - MEETING_START}${provisional ? '-provisional' : ''}`;
  }

  rest(u: Utterance): Record<string, unknown> {
    const naive = this.gen === 'g3' ? pyZulu : pyNaive;
    const seg: Record<string, unknown> = {
      start: (u.startMs - MEETING_START) / 1000,
      end: (u.endMs - MEETING_START) / 1000,
      text: u.text,
      language: 'en',
      speaker: NAMES[u.speaker],
      completed: true,
      absolute_start_time: naive(u.startMs),
      absolute_end_time: naive(Math.round(u.endMs)),
    };
    if (this.gen !== 'g1') seg.segment_id = this.id(u);
    return seg;
  }

  replay(step: Step): void {
    if (step.kind === 'rest') for (const s of step.segments) this.server.set(String(s.segment_id ?? s.absolute_start_time), s);
    else if (step.frame.type === 'transcript_retract') for (const id of step.frame.segment_ids as string[]) this.server.delete(id);
    else {
      const f = step.frame;
      const segs = (f.confirmed as unknown[] | undefined) ?? (f.payload as { segments: unknown[] } | undefined)?.segments ?? [];
      for (const s of segs as Record<string, unknown>[]) {
        if (s.completed !== true) continue;
        const rest = { ...s, end: s.end ?? s.end_time };
        delete rest.end_time;
        this.server.set(String(s.segment_id ?? s.absolute_start_time), rest);
      }
    }
  }

  event(e: Event): Step[] {
    const u = e.u;
    const provisional = u.provisional === 'draft' ? !e.final : u.provisional === 'final';
    const id = this.id(u, provisional);
    const speaker = provisional && u.provisional === 'final' ? `Speaker ${u.speaker + 7}` : NAMES[u.speaker]!;
    const steps: Step[] = [];
    if (e.final && u.provisional === 'draft' && this.gen === 'g3') {
      this.draftsOf(NAMES[u.speaker]!).delete(this.id(u, true));
      steps.push(frame({ type: 'transcript_retract', meeting: { id: 7 }, segment_ids: [this.id(u, true)] }));
    }
    steps.push(...this.publish(u, id, speaker, e.text, e.endMs, e.final, e.at, provisional));
    return steps;
  }

  rebind(u: Utterance, at: number): Step[] {
    const provisionalId = this.id(u, true);
    this.server.delete(provisionalId);
    return [frame({ type: 'transcript_retract', meeting: { id: 7 }, segment_ids: [provisionalId] }), ...this.publish(u, this.id(u), NAMES[u.speaker]!, u.text, u.endMs, true, at, false)];
  }

  private draftsOf(speaker: string): Map<string, Record<string, unknown>> {
    let d = this.drafts.get(speaker);
    if (!d) this.drafts.set(speaker, (d = new Map()));
    return d;
  }

  private publish(u: Utterance, id: string, speaker: string, text: string, endMs: number, final: boolean, at: number, provisional: boolean): Step[] {
    const start = (u.startMs - MEETING_START) / 1000;
    const end = (endMs - MEETING_START) / 1000;
    if (this.gen === 'g1') {
      const seg = { start, end_time: end, text, language: 'en', completed: final, speaker, session_uid: SESSION, speaker_mapping_status: 'MAPPED', absolute_start_time: pyOffset(u.startMs), absolute_end_time: pyOffset(endMs) };
      return [frame({ type: 'transcript.mutable', meeting: { id: 7 }, payload: { segments: [seg] }, ts: pyOffset(at) })];
    }
    const speakerKey = provisional ? `cluster-${u.speaker + 7}` : `p${u.speaker + 1}`;
    const source = provisional ? 'provisional-cluster-id' : 'glow-bound';
    const bot = { segment_id: id, speaker, speaker_key: speakerKey, text, start, end, completed: final, language: 'en', source, absolute_start_time: iso(u.startMs), absolute_end_time: iso(endMs) };
    const collector = { ...bot, absolute_start_time: pyZulu(u.startMs), absolute_end_time: pyZulu(endMs), updated_at: pyZulu(at) };
    const pending = this.draftsOf(speaker);
    if (final) pending.delete(id);
    else pending.set(id, this.gen === 'g2' ? g2Shape(bot) : collector);
    if (final) this.server.set(id, { ...collector });
    if (this.gen === 'g2') {
      return [frame({ type: 'transcript', meeting: { id: 7 }, speaker, confirmed: final ? [g2Shape(bot)] : [], pending: [...pending.values()], ts: iso(at) })];
    }
    return [
      frame({ type: 'transcript', meeting: { id: 7 }, segment: bot }),
      frame({ type: 'transcript', meeting: { id: 7, native_id: 'abc-defg-hij', platform: 'google_meet' }, speaker, confirmed: final ? [collector] : [], pending: [...pending.values()], ts: pyZulu(at + 40) }),
    ];
  }
}

function g2Shape(bot: Record<string, unknown>): Record<string, unknown> {
  const { speaker_key: _k, source: _s, ...rest } = bot;
  return rest;
}

function frame(f: Record<string, unknown>): Step {
  return { kind: 'frame', frame: f };
}
