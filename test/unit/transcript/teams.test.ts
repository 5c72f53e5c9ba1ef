/**
 * A G3 Teams meeting reaches a subscriber from two producers at once (behaviour doc §5.1; bot
 * adapters/transcript-redis.ts, collector/ingest.py): the bot's speaker-snapshots, keyed by speaker
 * key, each holding that key's whole pending set, and the collector's bundles, keyed by display
 * name, each holding only the change it just ingested. The same draft therefore arrives under two
 * different bundle speakers. A person must still see one line per utterance: the same display as
 * the single-feed G3 meeting of the same speech, after every change.
 */
import { describe, expect, it } from 'vitest';
import { TranscriptModel } from '../../../shared/transcript';
import { mulberry32 } from '../../support/random';
import type { StreamOptions } from './support/meetingStream';
import { generateMeeting } from './support/meetingStream';
import { ourRows } from './support/vexaReference';

type Frame = Record<string, unknown>;

const OPTIONS: StreamOptions = { utterances: 40, speakers: 3, duplicates: 0, reorder: 0, quirks: 0.35, provisional: 0.3 };

function frames(seed: number, teams: boolean): Frame[] {
  return generateMeeting(seed, 'g3', { ...OPTIONS, teams }).flatMap((s) => (s.kind === 'frame' ? [s.frame] : []));
}

/** The collector's bundle ends every change in both feeds: the points where the two must agree. */
function changes(all: readonly Frame[]): Frame[][] {
  const out: Frame[][] = [];
  let current: Frame[] = [];
  for (const f of all) {
    current.push(f);
    if (f.type === 'transcript' && typeof f.ts === 'string') {
      out.push(current);
      current = [];
    }
  }
  return out;
}

/** Keys are `<session>:<speaker key>:<start offset>`; a provisional draft adds `-provisional`. */
const utteranceOf = (key: string): string =>
  key
    .replace(/-provisional$/, '')
    .split(':')
    .pop()!;

describe('a G3 Teams meeting: speaker-snapshots and collector bundles together', () => {
  it('shows after every change exactly what the single-feed G3 meeting of the same speech shows', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const plain = changes(frames(seed, false));
      const teams = changes(frames(seed, true));
      expect(teams.length, `seed ${seed}`).toBe(plain.length);
      const a = new TranscriptModel();
      const b = new TranscriptModel();
      plain.forEach((change, i) => {
        for (const f of change) a.applyFrame(f);
        for (const f of teams[i]!) expect(b.applyFrame(f).ok).toBe(true);
        expect(ourRows(b.snapshot()), `seed ${seed}, change ${i}`).toEqual(ourRows(a.snapshot()));
      });
    }
  });

  it('never shows two lines for one utterance, frame by frame', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const m = new TranscriptModel();
      frames(seed, true).forEach((f, i) => {
        m.applyFrame(f);
        const utterances = m.snapshot().map((s) => utteranceOf(s.key));
        expect(new Set(utterances).size, `seed ${seed}, frame ${i}: ${utterances.join(' ')}`).toBe(utterances.length);
      });
    }
  });

  it('ends with the same transcript whatever the order of its frames, duplicates included', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const all = frames(seed, true);
      const inOrder = new TranscriptModel();
      for (const f of all) inOrder.applyFrame(f);
      const rand = mulberry32(seed * 7);
      const pool = [...all, ...all.filter(() => rand() < 0.3).map((f) => structuredClone(f))];
      for (let i = pool.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      }
      const shuffled = new TranscriptModel();
      for (const f of pool) shuffled.applyFrame(f);
      expect(ourRows(shuffled.snapshot()), `seed ${seed}`).toEqual(ourRows(inOrder.snapshot()));
    }
  });

  it('keeps the bot’s newer draft when the collector’s copy of the earlier draft lands after it', () => {
    // The collector publishes what it ingested up to 0.5 s after the bot (collector/ingest.py polls
    // every 0.5 s, behaviour doc "How to feed a real server"), and the bot's snapshot has no `ts`.
    const draft = (text: string, end: number): Frame => ({
      segment_id: 's:p1:1000',
      speaker: 'Maya Lindqvist',
      speaker_key: 'p1',
      text,
      start: 1,
      end,
      completed: false,
      absolute_start_time: '2026-08-20T09:00:01.000Z',
      absolute_end_time: `2026-08-20T09:00:0${end}.000Z`,
    });
    const bot = (d: Frame): Frame => ({ type: 'transcript', meeting: { id: 7 }, speaker: 'p1', confirmed: [], pending: [d] });
    const collector = (d: Frame, at: string): Frame => ({
      type: 'transcript',
      meeting: { id: 7, native_id: '93817264501', platform: null },
      speaker: 'Maya Lindqvist',
      confirmed: [],
      pending: [{ ...d, updated_at: at }],
      ts: at,
    });
    const early = draft('We ship', 2);
    const later = draft('We ship on Friday', 4);
    const m = new TranscriptModel();
    for (const f of [bot(early), bot(later), collector(early, '2026-08-20T09:00:02.050000Z')]) expect(m.applyFrame(f).ok).toBe(true);
    expect(m.snapshot().map((s) => [s.text, s.draft])).toEqual([['We ship on Friday', true]]);
  });
});
