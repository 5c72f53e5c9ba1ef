import type { SimContext } from './context';
import { chatFrame, retractFrames, transcriptFrames, type ChangeFrames } from './frames';
import { lineStarts, type ScriptLine } from './script';
import type { MeetingRecord, SegmentRecord } from './types';

interface Step {
  /** Seconds from the session start. */
  at: number;
  run: () => void;
}

interface InFlight {
  line: ScriptLine;
  start: number;
  draftId: string;
}

/** Drafts grow through these fractions of a line before the confirmed segment lands. */
const DRAFT_FRACTIONS = [0.45, 0.8];

/** Millisecond precision, so times on the wire read like the server's (no float noise). */
const ms = (seconds: number): number => Math.round(seconds * 1000) / 1000;

/**
 * Speaks a script into an active meeting: drafts (`completed:false`) that grow and then turn into
 * confirmed segments, published in the generation's frame shapes. In G3 every fourth line is first
 * heard under a provisional speaker cluster and retracted when the real speaker is bound.
 */
export class TranscriptFeed {
  private readonly steps: Step[] = [];
  private next = 0;
  private cancel: (() => void) | null = null;
  private inFlight: InFlight | null = null;
  private stopped = false;

  constructor(
    private readonly ctx: SimContext,
    private readonly m: MeetingRecord,
    lines: readonly ScriptLine[],
    private readonly onScriptEnd: () => void,
  ) {
    const starts = lineStarts(lines);
    lines.forEach((line, index) => this.plan(line, index, starts[index]!));
  }

  start(): void {
    this.scheduleNext();
  }

  /** Ends the feed; a line cut off mid-sentence is confirmed with the words heard so far. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.cancel?.();
    this.cancel = null;
    const f = this.inFlight;
    if (f) this.confirm(f, this.m.segments.get(f.draftId)?.text ?? '');
  }

  private plan(line: ScriptLine, index: number, start: number): void {
    if (line.chat) {
      this.steps.push({ at: start, run: () => this.postChat(line, start) });
      return;
    }
    const words = line.text.split(' ');
    const provisional = this.ctx.profile === 'g3' && index % 4 === 3;
    const key = provisional ? `cluster-${index}` : line.speaker.key;
    const draftId = this.segmentId(key, start) + (provisional ? '-provisional' : '');
    const flight: InFlight = { line, start, draftId };
    for (const fraction of DRAFT_FRACTIONS) {
      const count = Math.max(1, Math.ceil(words.length * fraction));
      this.steps.push({
        at: start + line.seconds * fraction,
        run: () => {
          this.inFlight = flight;
          this.upsert(draftId, null, {
            speaker: line.speaker.name,
            speakerKey: key,
            source: provisional ? 'provisional-cluster-id' : 'glow-bound',
            start,
            end: ms(start + line.seconds * fraction),
            text: words.slice(0, count).join(' '),
            completed: false,
          });
        },
      });
    }
    this.steps.push({ at: start + line.seconds, run: () => this.confirm(flight, line.text) });
  }

  private confirm(f: InFlight, text: string): void {
    this.inFlight = null;
    const finalId = this.segmentId(f.line.speaker.key, f.start);
    const draft = this.m.segments.get(f.draftId);
    // The bot withdraws a provisional draft before it publishes the bound final; the collector
    // takes both from its stream in that order, so its retraction lands between the two copies.
    let retraction: ChangeFrames | null = null;
    if (f.draftId !== finalId && draft) {
      this.m.segments.delete(f.draftId);
      retraction = retractFrames(this.m, [draft], this.drafts());
    }
    if (text.trim() === '') {
      this.m.segments.delete(finalId);
      if (retraction) this.publish(retraction.live.concat(retraction.ingested));
      return;
    }
    const heardAll = text === f.line.text;
    const end = heardAll ? ms(f.start + f.line.seconds) : (draft?.end ?? ms(f.start + f.line.seconds));
    this.upsert(finalId, retraction, {
      speakerKey: f.line.speaker.key,
      source: 'glow-bound',
      start: f.start,
      end,
      text,
      completed: true,
      speaker: f.line.speaker.name,
    });
  }

  private postChat(line: ScriptLine, start: number): void {
    const now = this.ctx.clock.now();
    if (this.ctx.profile === 'g3') {
      // G3 has no chat channel: chat arrives as a transcript segment with source "chat".
      this.upsert(this.segmentId(line.speaker.key, start) + '-chat', null, {
        speakerKey: line.speaker.key,
        source: 'chat',
        start,
        end: start,
        text: line.text,
        completed: true,
        speaker: line.speaker.name,
      });
      return;
    }
    // Stamped at its place in the script, not when the timer fired: at high time scales a late
    // timer would otherwise date the message after the line that follows it.
    const at = (this.m.startTime ?? now) + Math.round(start * 1000);
    const chat = { sender: line.speaker.name, text: line.text, timestamp: Math.min(at, now), isFromBot: false };
    this.m.chat.push(chat);
    this.ctx.publisher.toMeeting(this.m.id, chatFrame(this.m, chat, now));
  }

  private upsert(
    id: string,
    retraction: ChangeFrames | null,
    fields: Pick<SegmentRecord, 'speakerKey' | 'source' | 'start' | 'end' | 'text' | 'completed' | 'speaker'>,
  ): void {
    const now = this.ctx.clock.now();
    const previous = this.m.segments.get(id);
    const seg: SegmentRecord = {
      ...fields,
      segmentId: id,
      language: this.m.language ?? 'en',
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
    };
    this.m.segments.set(id, seg);
    const frames = transcriptFrames(this.ctx.profile, this.m, seg, this.drafts(), now);
    this.publish([...(retraction?.live ?? []), ...frames.live, ...(retraction?.ingested ?? []), ...frames.ingested]);
  }

  private drafts(): SegmentRecord[] {
    return [...this.m.segments.values()].filter((s) => !s.completed);
  }

  private publish(frames: readonly unknown[]): void {
    for (const frame of frames) this.ctx.publisher.toMeeting(this.m.id, frame);
  }

  private segmentId(speakerKey: string, start: number): string {
    return `${this.m.sessionUid}:${speakerKey}:${Math.round(start * 1000)}`;
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    const step = this.steps[this.next];
    if (!step) {
      this.stopped = true;
      this.onScriptEnd();
      return;
    }
    const sessionStart = this.m.startTime ?? this.ctx.clock.now();
    // An injected caption delay shifts when each change goes out, not when its words were said.
    const delay = sessionStart + step.at * 1000 + this.ctx.captionDelay.ms - this.ctx.clock.now();
    this.cancel = this.ctx.clock.after(delay, () => {
      this.cancel = null;
      this.next++;
      step.run();
      this.scheduleNext();
    });
  }
}
