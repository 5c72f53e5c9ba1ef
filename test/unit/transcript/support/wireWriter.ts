import type { Gen, Step } from './meetingStream';

export const NAMES = ['Maya Lindqvist', 'Daniel Okafor', 'Priya Raman', 'Ann', 'Anna'];
export const MEETING_START = Date.UTC(2026, 7, 20, 9, 0, 0);
export const SESSION = '7f6c1d2e';

export interface Utterance {
  speaker: number;
  startMs: number;
  endMs: number;
  text: string;
  /** G3: first heard under a provisional cluster; 'draft' retracts only drafts, 'final' re-binds a final. */
  provisional: 'no' | 'draft' | 'final';
}

export interface Event {
  at: number;
  u: Utterance;
  text: string;
  endMs: number;
  final: boolean;
}

export const iso = (ms: number): string => new Date(ms).toISOString();
export const pyNaive = (ms: number): string => iso(ms).slice(0, 23) + '000';
export const pyOffset = (ms: number): string => pyNaive(ms) + '+00:00';
export const pyZulu = (ms: number): string => pyNaive(ms) + 'Z';

/**
 * Writes events as a given generation's frames and keeps the server's view of final segments.
 * `teams` (G3 only) writes what a Teams meeting carries (bot adapters/transcript-redis.ts,
 * collector/ingest.py): the bot's speaker-snapshot bundles keyed by speaker key with that key's
 * whole pending set and no `ts`, then the collector's bundle of the same change keyed by display
 * name, holding only that change, with `meeting.platform` null; a retraction goes out from the bot
 * (followed by a snapshot of every key it emptied) and again from the collector.
 */
export class WireWriter {
  readonly server = new Map<string, Record<string, unknown>>();
  private readonly drafts = new Map<string, Map<string, Record<string, unknown>>>();
  /** Teams: the bot's pending set per speaker key. */
  private readonly byKey = new Map<string, Map<string, Record<string, unknown>>>();

  constructor(
    private readonly gen: Gen,
    private readonly teams = false,
  ) {}

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

  /**
   * What the server stores from a step, so that a REST re-seed returns it: finals, and the latest
   * text of every live draft (REST rows carry `completed:false` for a live draft, behaviour doc §2.10;
   * G3 ingest stores every segment it receives, drafts included).
   */
  replay(step: Step): void {
    if (step.kind === 'rest') for (const s of step.segments) this.server.set(String(s.segment_id ?? s.absolute_start_time), s);
    else if (step.frame.type === 'transcript_retract') for (const id of step.frame.segment_ids as string[]) this.server.delete(id);
    else {
      const f = step.frame;
      const segs = [
        ...((f.confirmed as unknown[] | undefined) ?? (f.payload as { segments: unknown[] } | undefined)?.segments ?? []),
        ...((f.pending as unknown[] | undefined) ?? []),
      ];
      for (const s of segs as Record<string, unknown>[]) {
        const key = String(s.segment_id ?? s.absolute_start_time);
        if (s.completed !== true && this.server.get(key)?.completed === true) continue;
        const rest: Record<string, unknown> = { ...s, end: s.end ?? s.end_time };
        delete rest.end_time;
        delete rest.updated_at;
        this.server.set(key, rest);
      }
    }
  }

  event(e: Event): Step[] {
    const u = e.u;
    const provisional = u.provisional === 'draft' ? !e.final : u.provisional === 'final';
    const id = this.id(u, provisional);
    const speaker = provisional && u.provisional === 'final' ? `Speaker ${u.speaker + 7}` : NAMES[u.speaker]!;
    if (e.final && u.provisional === 'draft' && this.gen === 'g3') {
      this.draftsOf(NAMES[u.speaker]!).delete(this.id(u, true));
      return this.withRetraction(this.id(u, true), this.publish(u, id, speaker, e.text, e.endMs, e.final, e.at, provisional));
    }
    return this.publish(u, id, speaker, e.text, e.endMs, e.final, e.at, provisional);
  }

  rebind(u: Utterance, at: number): Step[] {
    const provisionalId = this.id(u, true);
    this.server.delete(provisionalId);
    return this.withRetraction(provisionalId, this.publish(u, this.id(u), NAMES[u.speaker]!, u.text, u.endMs, true, at, false));
  }

  /** The retraction, then the change that replaces it; Teams interleaves the two sources. */
  private withRetraction(id: string, change: Step[]): Step[] {
    const body = { type: 'transcript_retract', meeting: { id: 7 }, segment_ids: [id] };
    const retract = frame(body);
    if (!this.teams) return [retract, ...change];
    const emptied: Step[] = [];
    for (const [key, pending] of this.byKey) {
      if (!pending.delete(id)) continue;
      emptied.push(botFrame({ type: 'transcript', meeting: { id: 7 }, speaker: key, confirmed: [], pending: [...pending.values()] }));
    }
    const [bot, collector] = change;
    // The bot retracts and publishes its emptied snapshots in order; the collector repeats the retraction.
    return [botFrame(body), ...emptied, bot!, frame(structuredClone(body)), collector!];
  }

  private teamsFrames(key: string, bot: Record<string, unknown>, collector: Record<string, unknown>, final: boolean, at: number): Step[] {
    let pending = this.byKey.get(key);
    if (!pending) this.byKey.set(key, (pending = new Map()));
    if (final) pending.delete(bot.segment_id as string);
    else pending.set(bot.segment_id as string, bot);
    return [
      botFrame({ type: 'transcript', meeting: { id: 7 }, speaker: key, confirmed: final ? [bot] : [], pending: [...pending.values()] }),
      frame({
        type: 'transcript',
        meeting: { id: 7, native_id: '93817264501', platform: null },
        speaker: bot.speaker,
        confirmed: final ? [collector] : [],
        pending: final ? [] : [collector],
        ts: pyZulu(at + 40),
      }),
    ];
  }

  private draftsOf(speaker: string): Map<string, Record<string, unknown>> {
    let d = this.drafts.get(speaker);
    if (!d) this.drafts.set(speaker, (d = new Map()));
    return d;
  }

  private publish(
    u: Utterance,
    id: string,
    speaker: string,
    text: string,
    endMs: number,
    final: boolean,
    at: number,
    provisional: boolean,
  ): Step[] {
    const start = (u.startMs - MEETING_START) / 1000;
    const end = (endMs - MEETING_START) / 1000;
    if (this.gen === 'g1') {
      const seg = {
        start,
        end_time: end,
        text,
        language: 'en',
        completed: final,
        speaker,
        session_uid: SESSION,
        speaker_mapping_status: 'MAPPED',
        absolute_start_time: pyOffset(u.startMs),
        absolute_end_time: pyOffset(endMs),
      };
      return [frame({ type: 'transcript.mutable', meeting: { id: 7 }, payload: { segments: [seg] }, ts: pyOffset(at) })];
    }
    const speakerKey = provisional ? `cluster-${u.speaker + 7}` : `p${u.speaker + 1}`;
    const source = provisional ? 'provisional-cluster-id' : 'glow-bound';
    const bot = {
      segment_id: id,
      speaker,
      speaker_key: speakerKey,
      text,
      start,
      end,
      completed: final,
      language: 'en',
      source,
      absolute_start_time: iso(u.startMs),
      absolute_end_time: iso(endMs),
    };
    const collector = { ...bot, absolute_start_time: pyZulu(u.startMs), absolute_end_time: pyZulu(endMs), updated_at: pyZulu(at) };
    const pending = this.draftsOf(speaker);
    if (final) pending.delete(id);
    else pending.set(id, this.gen === 'g2' ? g2Shape(bot) : collector);
    if (final) this.server.set(id, { ...collector });
    if (this.teams) return this.teamsFrames(speakerKey, bot, { ...bot, updated_at: pyZulu(at) }, final, at);
    if (this.gen === 'g2') {
      return [
        frame({
          type: 'transcript',
          meeting: { id: 7 },
          speaker,
          confirmed: final ? [g2Shape(bot)] : [],
          pending: [...pending.values()],
          ts: iso(at),
        }),
      ];
    }
    return [
      frame({ type: 'transcript', meeting: { id: 7 }, segment: bot }),
      frame({
        type: 'transcript',
        meeting: { id: 7, native_id: 'abc-defg-hij', platform: 'google_meet' },
        speaker,
        confirmed: final ? [collector] : [],
        pending: [...pending.values()],
        ts: pyZulu(at + 40),
      }),
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

/** A frame the Teams bot publishes without ordering information (see `Step`). */
function botFrame(f: Record<string, unknown>): Step {
  return { kind: 'frame', frame: f, botOrder: true };
}
